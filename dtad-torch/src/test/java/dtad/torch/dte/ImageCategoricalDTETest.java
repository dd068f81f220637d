package dtad.torch.dte;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.PosteriorModel;
import dtad.image.ImageShape;
import dtad.method.Methods;
import dtad.metrics.RankingMetrics;
import dtad.model.ModelFiles;
import dtad.torch.TrainingSettings;
import dtad.torch.image.ImageSize;
import dtad.torch.image.TestImages;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DTE-C on images: a small CNN learns the diffusion time of bar images and ranks vertical bars higher. */
class ImageCategoricalDTETest {
    private static final ImageShape SHAPE = new ImageShape(1, 8, 8);

    static ImageCategoricalDTE tiny(ImageSize size, int epochs) {
        return size.setIn(new TrainingSettings(epochs, 32, 2e-3, 0, 0).setIn(ImageCategoricalDTE.builder()))
                .set(ImageCategoricalDTE.STEPS, 100).set(ImageCategoricalDTE.BINS, 7)
                .set(ImageCategoricalDTE.LOSS, CategoricalDTE.Loss.STANDARD)
                .set(ImageCategoricalDTE.WIDTHS, List.of(4, 8)).build();
    }

    @Test
    void learnsBarsKeepsItsShapeAndRoundTrips(@TempDir Path dir) throws Exception {
        assertEquals(ImageCategoricalDTE.METHOD, Methods.find("ImageDTE-C"));
        try (CategoricalDTEModel model = tiny(ImageSize.INFERRED, 15).fit(TestImages.normal(256, SHAPE, 1))) {
            assertEquals(new ImageSize(1, 8, 8), ((ImageCategoricalDTE) model.detector()).image());
            Matrix test = TestImages.mixed(60, 20, SHAPE, 7);
            double[] scores = model.score(test);
            double auc = RankingMetrics.aucRoc(scores, TestImages.labels(60, 20));
            assertTrue(auc > 0.8, "AUC " + auc);
            Matrix posterior = model.posterior(test);
            assertEquals(7, posterior.columns());
            model.save(dir.resolve("model"));
            try (DetectorModel loaded = ModelFiles.load(dir.resolve("model"))) {
                assertArrayEquals(scores, loaded.score(test));
                assertArrayEquals(posterior.values(), ((PosteriorModel) loaded).posterior(test).values());
            }
        }
    }

    @Test
    void seededFitsRepeatOnOddColourImages() {
        ImageShape shape = new ImageShape(3, 10, 14);
        ImageCategoricalDTE config = tiny(ImageSize.of(shape), 2);
        Matrix test = TestImages.mixed(3, 3, shape, 3);
        try (CategoricalDTEModel a = config.fit(TestImages.normal(40, shape, 2));
             CategoricalDTEModel b = config.fit(TestImages.normal(40, shape, 2))) {
            double[] scores = a.score(test);
            assertArrayEquals(scores, b.score(test));
            for (double s : scores) {
                assertTrue(s >= 0 && s <= 6, "expected bin " + s);
            }
        }
    }

    /**
     * Normal images hold a bright 2x2 square in their top-left quarter, anomalies the same square in the
     * bottom-right quarter: the same local statistics in another place. The mean head sees only the
     * statistics; the dense head sees where they are.
     */
    @Test
    void theDenseHeadKnowsWhereAFeatureIs() {
        ImageShape shape = new ImageShape(1, 8, 8);
        Matrix train = squares(200, 0, 0, 1);
        Matrix test = Matrix.of(Stream.concat(Arrays.stream(squares(40, 0, 0, 2).toArray()),
                Arrays.stream(squares(40, 4, 4, 3).toArray())).toArray(double[][]::new));
        int[] labels = TestImages.labels(40, 40);
        double[] auc = new double[2];
        for (ImageCategoricalDTE.Head head : ImageCategoricalDTE.Head.values()) {
            ImageCategoricalDTE config = tiny(ImageSize.of(shape), 30).toBuilder().set(ImageCategoricalDTE.HEAD, head)
                    .set(ImageCategoricalDTE.SCALING, ImageCategoricalDTE.Scaling.CHANNEL).build();
            try (CategoricalDTEModel model = config.fit(train)) {
                auc[head.ordinal()] = RankingMetrics.aucRoc(model.score(test), labels);
            }
        }
        double mean = auc[ImageCategoricalDTE.Head.MEAN.ordinal()];
        double dense = auc[ImageCategoricalDTE.Head.DENSE.ordinal()];
        assertTrue(dense > 0.9 && dense > mean + 0.2, "dense " + dense + ", mean " + mean);
    }

    /** {@code n} 8x8 images, each a 2x2 square of 1 at a random place of the quarter from ({@code row}, {@code col}), faint noise elsewhere. */
    private static Matrix squares(int n, int row, int col, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][64];
        for (double[] image : rows) {
            for (int j = 0; j < 64; j++) {
                image[j] = 0.05 * random.nextGaussian();
            }
            int r = row + random.nextInt(3);
            int c = col + random.nextInt(3);
            for (int dr = 0; dr < 2; dr++) {
                for (int dc = 0; dc < 2; dc++) {
                    image[(r + dr) * 8 + c + dc] = 1;
                }
            }
        }
        return Matrix.of(rows);
    }
}
