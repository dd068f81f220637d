package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.image.ImageShape;
import dtad.metrics.RankingMetrics;
import dtad.model.ModelFiles;
import dtad.torch.KnownColumns;
import dtad.torch.TrainingSettings;
import dtad.torch.image.ImageSize;
import dtad.torch.image.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local term of the image score ({@code local_t}): it raises a score only beyond the largest training peak, by
 * the excess in units of the base score's spread, finds small defects that the one-step score from strong noise
 * misses, and survives the model file.
 */
class LocalPeakTest {

    @Test
    void theScoreRisesOnlyBeyondTheLargestTrainingPeak() {
        double[] base = {0.5, 2.0, 8.0};
        double[] peaks = {-3.0, 1.0, 1.5};
        LocalPeak.Statistics statistics = new LocalPeak.Statistics(1.0, 2.0);
        double[] scores = LocalPeak.scores(base, peaks, statistics);
        assertEquals(0.5, scores[0]);
        assertEquals(2.0, scores[1]);
        assertEquals(8.0 * Math.exp(2.0 * 0.5), scores[2], 1e-12);
    }

    @Test
    void statisticsScaleTheExcessByTheBaseScoresSpread() {
        // log base scores 0 and 2 (spread 1), peaks 1 and 5 (spread 2): r = 0.5, threshold 5.
        LocalPeak.Statistics statistics = LocalPeak.statistics(new double[] {1, Math.exp(2)}, new double[] {1, 5});
        assertEquals(5, statistics.threshold(), 1e-12);
        assertEquals(0.5, statistics.ratio(), 1e-12);
        assertArrayEquals(new double[] {5, 0.5}, LocalPeak.Statistics.of(statistics.values()).values(), 1e-12);
        assertEquals(0, LocalPeak.statistics(new double[] {1, 2}, new double[] {3, 3}).ratio());
        assertThrows(IllegalArgumentException.class, () -> LocalPeak.Statistics.of(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> LocalPeak.Statistics.of(new double[] {1, -1}));
    }

    @Test
    void tabularNetworksRefuseALocalTerm() {
        assertThrows(IllegalArgumentException.class, () -> ReconstructionSettings.REFERENCE.withLocalStart(25)
                .setIn(DiT.builder()));
    }

    @Test
    void theLocalTermFindsSmallDefectsAndSurvivesTheModelFile(@TempDir Path dir) throws IOException {
        ImageShape shape = new ImageShape(1, 8, 8);
        Matrix train = TestImages.normal(256, shape, 1);
        Matrix test = TestImages.mixedRows(TestImages.normal(40, shape, 2), KnownColumns.defective(40, shape, 3));
        int[] labels = TestImages.labels(40, 40);
        // From t = 1000 alone the one-step score is blind to a small defect.
        ReconstructionSettings settings = ReconstructionSettings.IMAGES.withStarts(List.of(1000)).withLocalStart(25);
        try (ReconstructionModel model = settings.setIn(ImageDiTTest.tiny(ImageSize.INFERRED, 30).toBuilder()).build()
                .fit(train)) {
            double without = RankingMetrics.aucRoc(model.errorsPerStart(test).column(0), labels);
            double[] scores = model.score(test);
            double with = RankingMetrics.aucRoc(scores, labels);
            assertTrue(without < 0.8 && with > 0.9, "one step " + without + ", with the local term " + with);
            // No training image's score rises: the threshold is their largest peak.
            assertArrayEquals(model.errorsPerStart(train).column(0), model.trainingScores(), 1e-9);
            // The contributions sum to the score, the local term's rise included, which the defect's pixels carry.
            double[][] contributions = model.contributions(test);
            for (int i = 0; i < scores.length; i++) {
                assertEquals(scores[i], Arrays.stream(contributions[i]).sum(), 1e-6 * scores[i]);
            }
            double[] base = model.errorsPerStart(test).column(0);
            double[][] raised = java.util.stream.IntStream.range(40, 80).filter(i -> scores[i] > base[i])
                    .mapToObj(i -> contributions[i]).toArray(double[][]::new);
            // The 4 defect pixels (of 64) carry at least 4 times their share of a raised score (measured: 36% or more).
            double share = Arrays.stream(raised).mapToDouble(c -> Arrays.stream(KnownColumns.defectPixels(shape))
                    .mapToDouble(p -> c[p]).sum() / Arrays.stream(c).sum()).min().orElse(0);
            assertTrue(raised.length >= 30 && share >= 0.25, raised.length + " raised, smallest defect share " + share);
            ModelFiles.save(model, dir.resolve("m"));
            try (ReconstructionModel loaded = (ReconstructionModel) ModelFiles.load(dir.resolve("m"))) {
                assertArrayEquals(scores, loaded.score(test));
            }
        }
    }
}
