package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.image.ImageShape;
import dtad.torch.KnownColumns;
import dtad.torch.TorchEngine;
import dtad.torch.TrainingSettings;
import dtad.torch.image.ImageSize;
import dtad.torch.image.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * DDPM and DiT (tabular and image) explain a score by each feature's reconstruction error: the contributions
 * are non-negative and sum to the score, point at the columns (pixels) where anomalies differ, and repeat
 * exactly.
 *
 * <p><b>How often the known columns come first.</b> Reconstruction error is a weaker pointer than integrated
 * gradients: a row far outside the training data throws the dense denoiser's noise prediction off in every
 * feature, not only in the ones that are off, so the other 17 columns carry errors too, and the three known
 * columns must all beat the largest of them. Measured here (seed 0): DDPM 0.26 of the anomalies (the known
 * columns' contributions average 6 times the others'); the tabular DiT, after the few epochs a test can
 * afford, does not score these anomalies above the training rows at all, so its errors cannot point at
 * them, and only the exact properties are tested for it; ImageDDPM 1.00 and ImageDiT 0.40 of the defective
 * images (DiT reconstructs whole 2x2 patches, and the defect straddles two, so their other pixels share
 * the error).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconstructionExplanationTest {
    private static final ImageShape SHAPE = new ImageShape(1, 8, 8);
    private final Matrix train = KnownColumns.normal(1000, 1);
    private final Matrix anomalies = KnownColumns.anomalies(100, 2);
    private final Matrix defective = KnownColumns.defective(50, SHAPE, 3);
    private ReconstructionModel ddpm;
    private ReconstructionModel dit;
    private ReconstructionModel imageDdpm;
    private ReconstructionModel imageDit;

    @BeforeAll
    void fit() {
        // A chain long enough that a well-trained denoiser pulls an outlying value back measurably.
        ReconstructionSettings chain = new ReconstructionSettings(100, List.of(50), false, false, false);
        ddpm = new DDPM(chain, 64, 128, 2, 0, 0, 16, new TrainingSettings(30, 32, 1e-3, 0, 0, true), false).fit(train);
        dit = TinyConfigs.dit(3).fit(train.rowRange(0, 300));
        Matrix images = TestImages.normal(256, SHAPE, 1);
        imageDdpm = ImageDDPMTest.tiny(ImageSize.INFERRED, 6).fit(images);
        imageDit = ImageDiTTest.tiny(ImageSize.INFERRED, 15).fit(images);
    }

    @AfterAll
    void close() {
        for (ReconstructionModel model : List.of(ddpm, dit, imageDdpm, imageDit)) {
            model.close();
        }
    }

    /** See the class comment for why DDPM reaches 0.26, not 0.9. */
    @Test
    void theKnownColumnsCarryTheLargestContributionsOfDdpm() {
        double[][] contributions = ddpm.contributions(anomalies);
        double rate = KnownColumns.topHitRate(contributions, KnownColumns.COLUMNS);
        assertTrue(rate >= 0.2, "top-3 hit rate " + rate);
        double known = 0;
        double other = 0;
        for (double[] row : contributions) {
            for (int j = 0; j < row.length; j++) {
                if (j == KnownColumns.COLUMNS[0] || j == KnownColumns.COLUMNS[1] || j == KnownColumns.COLUMNS[2]) {
                    known += row[j] / KnownColumns.COLUMNS.length;
                } else {
                    other += row[j] / (row.length - KnownColumns.COLUMNS.length);
                }
            }
        }
        assertTrue(known > 4 * other, "mean contribution of a known column " + known + ", of another " + other);
    }

    @Test
    void theDefectsPixelsAreTheTopFourContributionsOfImageDdpm() {
        double rate = KnownColumns.topHitRate(imageDdpm.contributions(defective), KnownColumns.defectPixels(SHAPE));
        assertTrue(rate >= 0.9, "top-4 hit rate " + rate);
    }

    /** See the class comment for why ImageDiT reaches 0.4, not 0.9. */
    @Test
    void theDefectsPixelsAreOftenTheTopFourContributionsOfImageDiT() {
        double rate = KnownColumns.topHitRate(imageDit.contributions(defective), KnownColumns.defectPixels(SHAPE));
        assertTrue(rate >= 0.3, "top-4 hit rate " + rate);
    }

    /** One start: a contribution is the feature's squared error (the anomaly map's value) over d. */
    @Test
    void withOneStartAContributionIsTheSquaredErrorOverTheFeatures() {
        for (ReconstructionModel model : List.of(ddpm, dit, imageDdpm, imageDit)) {
            Matrix rows = model == ddpm || model == dit ? anomalies : defective;
            double[][] contributions = model.contributions(rows);
            Matrix squared = model.squaredErrors(rows);
            double[] scores = model.score(rows);
            for (int r = 0; r < rows.rows(); r++) {
                double mean = 0;
                for (int j = 0; j < rows.columns(); j++) {
                    double expected = squared.get(r, j) / rows.columns();
                    assertEquals(expected, contributions[r][j], 1e-5 * expected + 1e-12);
                    mean += squared.get(r, j) / rows.columns();
                }
                assertEquals(scores[r], mean, 1e-5 * scores[r], "the map's row mean is the score");
            }
            assertSumToTheScore(model, rows);
        }
    }

    /** Several starts (a geometric mean of errors) and the full path: still non-negative parts of the score. */
    @Test
    void contributionsSumToTheScoreWithSeveralStartsAndTheFullPath() {
        Matrix small = train.rowRange(0, 300);
        ReconstructionSettings starts = new ReconstructionSettings(100, List.of(5, 20), false, false, false);
        ReconstructionSettings fullPath = new ReconstructionSettings(100, List.of(5, 20), true, true, true);
        for (ReconstructionDetector detector : List.of(TinyConfigs.ddpm(starts, 2), TinyConfigs.dit(fullPath, 2))) {
            try (ReconstructionModel model = detector.fit(small)) {
                assertSumToTheScore(model, anomalies);
            }
        }
    }

    private static void assertSumToTheScore(ReconstructionModel model, Matrix rows) {
        double[][] contributions = model.contributions(rows);
        double[] scores = model.score(rows);
        double[] sums = KnownColumns.rowSums(contributions);
        for (int r = 0; r < rows.rows(); r++) {
            for (double c : contributions[r]) {
                assertTrue(c >= 0, "negative contribution " + c);
            }
            assertEquals(scores[r], sums[r], 1e-5 * scores[r], model.detector() + ", row " + r);
        }
    }

    @Test
    void contributionsRepeatFromFourThreadsAndAfterSaveAndLoad(@TempDir Path dir) throws IOException {
        Matrix rows = anomalies.rowRange(0, 20);
        // One tabular and one image model: the four share ReconstructionModel's one explanation.
        KnownColumns.assertRepeatableAndSaved(dit, rows, dir.resolve("dit"));
        KnownColumns.assertRepeatableAndSaved(imageDdpm, defective.rowRange(0, 10), dir.resolve("image-ddpm"));
    }

    @Test
    void explainingKeepsNativeMemoryFlat() {
        dit.contributions(anomalies);
        int held = dit.nativeArrays();
        int live = TorchEngine.liveArrays();
        for (int i = 0; i < 5; i++) {
            dit.contributions(anomalies);
        }
        assertEquals(held, dit.nativeArrays());
        assertEquals(live, TorchEngine.liveArrays());
    }
}
