package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dtad.detect.DetectorModel;
import dtad.image.ImageShape;
import dtad.method.Methods;
import dtad.metrics.RankingMetrics;
import dtad.model.ModelFiles;
import dtad.torch.TorchEngine;
import dtad.torch.TrainingSettings;
import dtad.torch.image.ImageSize;
import dtad.torch.image.TestImages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DiT over image patches: patches round-trip, sizes adapt, and it learns bar images. */
class ImageDiTTest {
    private static final ImageShape SHAPE = new ImageShape(1, 8, 8);

    static ImageDiT tiny(ImageSize size, int epochs) {
        return size.setIn(new TrainingSettings(epochs, 32, 1e-3, 0, 0, true).setIn(
                ImageDDPMTest.CHAIN.setIn(ImageDiT.builder()))).set(ImageDiT.PATCH, 2).set(ImageDiT.HIDDEN, 16)
                .set(ImageDiT.DEPTH, 1).set(ImageDiT.HEADS, 2).set(ImageDiT.MLP_RATIO, 2).set(ImageDiT.TIME_DIM, 16)
                .set(ReconstructionParameters.EARLY_STOP, false).build();
    }

    @Test
    void patchesRoundTripAndPadOddSizes() {
        ImagePatches patches = new ImagePatches(new ImageShape(3, 5, 7), 2);
        assertEquals(3 * 4, patches.tokens());
        assertEquals(3 * 2 * 2, patches.patch());
        try (NDManager manager = TorchEngine.newManager()) {
            float[] values = new float[2 * 105];
            for (int i = 0; i < values.length; i++) {
                values[i] = i;
            }
            NDArray rows = manager.create(values).reshape(2, 105);
            NDArray tokens = patches.tokenize(rows);
            assertEquals(new ai.djl.ndarray.types.Shape(2, 12, 12), tokens.getShape());
            assertArrayEquals(values, patches.untokenize(tokens).toFloatArray());
            // Token 0 of image 0, channel 0: pixels (0,0), (0,1), (1,0), (1,1).
            assertArrayEquals(new float[] {0, 1, 7, 8}, tokens.get("0, 0, :4").toFloatArray());
        }
    }

    @Test
    void automaticPatchKeepsTokensFew() {
        assertEquals(1, ImagePatches.automatic(new ImageShape(1, 8, 8)).patch());
        assertEquals(49, ImagePatches.automatic(new ImageShape(1, 28, 28)).tokens());
        assertEquals(64, ImagePatches.automatic(new ImageShape(1, 32, 32)).tokens());
        assertEquals(64, ImagePatches.automatic(new ImageShape(3, 64, 64)).tokens());
        assertTrue(ImagePatches.automatic(new ImageShape(1, 10, 14)).tokens() <= ImagePatches.MAX_TOKENS);
    }

    @Test
    void automaticPatchIsAtMost16PixelsSo224PixelImagesGive196Tokens() {
        assertEquals(64, ImagePatches.automatic(new ImageShape(3, 128, 128)).tokens());
        ImagePatches large = ImagePatches.automatic(new ImageShape(3, 224, 224));
        assertEquals(196, large.tokens());
        assertEquals(3 * 16 * 16, large.patch());
        assertEquals(1024, ImagePatches.automatic(new ImageShape(1, 512, 512)).tokens());
    }

    @Test
    void learnsBarsAndRoundTripsThroughModelFiles(@TempDir Path dir) throws Exception {
        assertEquals(ImageDiT.METHOD, Methods.find("ImageDiT"));
        try (ReconstructionModel model = tiny(ImageSize.INFERRED, 8).fit(TestImages.normal(128, SHAPE, 1))) {
            double[] scores = model.score(TestImages.mixed(60, 20, SHAPE, 7));
            double auc = RankingMetrics.aucRoc(scores, TestImages.labels(60, 20));
            assertTrue(auc > 0.8, "AUC " + auc);
            model.save(dir.resolve("model"));
            try (DetectorModel loaded = ModelFiles.load(dir.resolve("model"))) {
                assertArrayEquals(scores, loaded.score(TestImages.mixed(60, 20, SHAPE, 7)));
                assertEquals(new ImageSize(1, 8, 8), ((ImageDiT) loaded.detector()).image());
            }
        }
    }

    @Test
    void seededFitsRepeatOnOddColourImages() {
        ImageShape shape = new ImageShape(3, 10, 14);
        ImageDiT config = tiny(ImageSize.of(shape), 1);
        try (ReconstructionModel a = config.fit(TestImages.normal(32, shape, 2));
             ReconstructionModel b = config.fit(TestImages.normal(32, shape, 2))) {
            assertArrayEquals(a.score(TestImages.mixed(3, 3, shape, 3)), b.score(TestImages.mixed(3, 3, shape, 3)));
        }
    }
}
