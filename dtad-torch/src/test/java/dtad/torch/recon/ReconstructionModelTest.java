package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.TestData;
import dtad.model.ModelFiles;
import dtad.torch.NetworkModel;
import dtad.torch.ParameterFile;
import dtad.torch.ParameterLayout;
import dtad.torch.TorchEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconstructionModelTest {
    private static final int FEATURES = 4;
    private ReconstructionModel model;

    @BeforeAll
    void fit() {
        model = TinyConfigs.ddpm(10).fit(TestData.gaussian(150, FEATURES, 1, 0));
    }

    @AfterAll
    void close() {
        model.close();
    }

    private static byte[] parameters(DetectorModel model) throws IOException {
        ImageChainAuc.BytesOnly payloads = new ImageChainAuc.BytesOnly(new HashMap<>());
        model.writePayloads(payloads);
        return payloads.bytes().get(NetworkModel.PARAMETERS);
    }

    @Test
    void batchNormRunningStatisticsAreTrainedSavedAndLoaded(@TempDir Path dir) throws IOException {
        ParameterLayout layout = model.detector().denoiser(FEATURES).layout();
        byte[] bytes = parameters(model);
        float[] values = ParameterFile.read(layout.state(), bytes); // trainable tensors, then the buffers
        // The three BatchNorms (2 blocks and the head) of width 16: mean then variance each.
        assertEquals(6, layout.buffers().size());
        int offset = layout.size();
        float firstMean = values[offset];
        float firstVariance = values[offset + 16];
        assertTrue(firstMean != 0 && firstVariance != 1 && firstVariance > 0,
                "running statistics moved from their start: " + firstMean + ", " + firstVariance);
        model.save(dir.resolve("model"));
        try (DetectorModel loaded = ModelFiles.load(dir.resolve("model"))) {
            assertArrayEquals(bytes, parameters(loaded));
        }
    }

    @Test
    void scoringTwiceGivesTheSameScoresAndChangesNoRunningStatistic() throws IOException {
        byte[] before = parameters(model);
        Matrix rows = TestData.gaussian(300, FEATURES, 3, 0.5);
        assertArrayEquals(model.score(rows), model.score(rows));
        assertArrayEquals(before, parameters(model));
    }

    @Test
    void scoringKeepsNativeMemoryFlat() {
        Matrix many = TestData.gaussian(600, FEATURES, 5, 0);
        model.score(many);
        int held = model.nativeArrays();
        int live = TorchEngine.liveArrays();
        for (int i = 0; i < 10; i++) {
            model.score(many);
        }
        assertEquals(held, model.nativeArrays());
        assertEquals(live, TorchEngine.liveArrays());
    }

    @Test
    void squaredErrorsPerValueAverageToTheScoreAndMarkThePerturbedValue() {
        Matrix rows = TestData.gaussian(20, FEATURES, 7, 0);
        double[] values = rows.values().clone();
        values[3 * FEATURES + 2] = 25; // one value far outside the training data
        Matrix perturbed = Matrix.wrap(20, FEATURES, values);
        Matrix errors = model.squaredErrors(perturbed);
        double[] scores = model.score(perturbed);
        assertEquals(20, errors.rows());
        assertEquals(FEATURES, errors.columns());
        for (int r = 0; r < 20; r++) {
            double mean = 0;
            for (int j = 0; j < FEATURES; j++) {
                mean += errors.get(r, j) / FEATURES;
            }
            assertEquals(scores[r], mean, 1e-6 * Math.max(1, scores[r]), "row " + r);
        }
        for (int j = 0; j < FEATURES; j++) {
            if (j != 2) {
                assertTrue(errors.get(3, 2) > errors.get(3, j), "the perturbed value has the largest error: "
                        + errors.get(3, 2) + " vs " + errors.get(3, j) + " at " + j);
            }
        }
    }

    @Test
    void trainingScoresAreTheScoresOfTheTrainingRows() {
        assertArrayEquals(model.trainingScores(), model.score(TestData.gaussian(150, FEATURES, 1, 0)), 1e-12);
    }

    @Test
    void severalStartsScoreTheGeometricMeanOfTheErrorsEachStartGives() {
        Matrix rows = TestData.gaussian(40, FEATURES, 3, 0);
        try (ReconstructionModel both = TinyConfigs.ddpm(TinyConfigs.CHAIN.withStarts(List.of(5, 20)), 10)
                .fit(TestData.gaussian(150, FEATURES, 1, 0))) {
            Matrix errors = both.errorsPerStart(rows);
            assertEquals(2, errors.columns());
            assertArrayEquals(model.score(rows), errors.column(1), 1e-6,
                    "the same seeded fit: the second start's errors are those of the rec_t=20 model");
            double[] scores = both.score(rows);
            for (int r = 0; r < rows.rows(); r++) {
                double expected = Math.sqrt(errors.get(r, 0) * errors.get(r, 1));
                assertEquals(expected, scores[r], expected * 1e-5, "row " + r);
            }
            assertThrows(InputException.class, () -> both.errorsPerStart(rows.rowRange(0, 0)));
        }
    }
}
