package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.diffusion.NoiseSchedule;
import dtad.image.ImageShape;
import dtad.metrics.RankingMetrics;
import dtad.torch.Tensors;
import dtad.torch.TorchEngine;
import dtad.torch.TrainingSettings;
import dtad.torch.image.ImageSize;
import dtad.torch.image.TestImages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one-step score ({@code score=one_step}): its formula, its noise, and that it separates generated images. */
class OneStepScoreTest {
    private static final float[] ROWS = {1, -2, 3, 0.5f, -4, 4};
    private static final ReconstructionSettings ONE_STEP = new ReconstructionSettings(100, List.of(20, 60), false,
            false, false).withScore(ReconstructionSettings.Score.ONE_STEP, 3);

    private static float[] score(ReverseChain chain, Denoiser denoiser, float[] rows) {
        try (NDManager manager = TorchEngine.newManager()) {
            return chain.scores(denoiser, new NDList(), Tensors.floats(manager, rows, new Shape(rows.length / 2, 2)))
                    .toFloatArray();
        }
    }

    @Test
    void reconstructsInOneStepFromThePredictedNoiseAtEachStart() {
        ReverseChain chain = new ReverseChain(ONE_STEP, 0);
        AllNoiseDenoiser ideal = new AllNoiseDenoiser(NoiseSchedule.linear(100), 2);
        float[] scores = score(chain, ideal, ROWS);
        float[][] squares;
        try (NDManager manager = TorchEngine.newManager()) {
            NDArray x = Tensors.floats(manager, ROWS, new Shape(3, 2));
            squares = new float[][] {chain.squaredErrors(ideal, new NDList(), x).toFloatArray(),
                    chain.errors(ideal, new NDList(), x).toFloatArray()};
        }
        for (int r = 0; r < 3; r++) {
            double meanSquare = (ROWS[2 * r] * ROWS[2 * r] + ROWS[2 * r + 1] * ROWS[2 * r + 1]) / 2.0;
            assertEquals(meanSquare, scores[r], meanSquare * 1e-4, "row " + r);
            assertEquals(meanSquare, squares[1][2 * r], meanSquare * 1e-4, "row " + r + ", start 20");
            assertEquals(meanSquare, squares[1][2 * r + 1], meanSquare * 1e-4, "row " + r + ", start 60");
            for (int j = 0; j < 2; j++) {
                double square = ROWS[2 * r + j] * ROWS[2 * r + j];
                assertEquals(square, squares[0][2 * r + j], square * 1e-4, "the map is each value's squared error");
            }
        }
    }

    @Test
    void aRowsNoiseIsSeededAndTheSameInAnyBatch() {
        Denoiser denoiser = new TwoValueDenoiser.Proportional(0.4f);
        float[] all = score(new ReverseChain(ONE_STEP, 7), denoiser, ROWS);
        float[] last = score(new ReverseChain(ONE_STEP, 7), denoiser, new float[] {-4, 4});
        float[] twice = score(new ReverseChain(ONE_STEP, 7), denoiser, new float[] {-4, 4, 1, -2, -4, 4});
        assertEquals(all[2], last[0]);
        assertEquals(all[2], twice[0]);
        assertEquals(all[0], twice[1]);
        assertEquals(all[2], twice[2]);
        assertArrayEquals(all, score(new ReverseChain(ONE_STEP, 7), denoiser, ROWS));
        assertNotEquals(all[2], score(new ReverseChain(ONE_STEP, 8), denoiser, new float[] {-4, 4})[0],
                "another seed draws other noise");
        assertNotEquals(all[2], score(new ReverseChain(ONE_STEP.withScore(ReconstructionSettings.Score.ONE_STEP, 1), 7),
                denoiser, new float[] {-4, 4})[0], "the draws are averaged");
    }

    @Test
    void contributionsSumToTheScore() {
        Denoiser denoiser = new TwoValueDenoiser.Proportional(0.4f);
        ReverseChain chain = new ReverseChain(ONE_STEP, 3);
        try (NDManager manager = TorchEngine.newManager()) {
            NDArray x = Tensors.floats(manager, ROWS, new Shape(3, 2));
            float[] scores = chain.scores(denoiser, new NDList(), x).toFloatArray();
            float[] parts = chain.contributions(denoiser, new NDList(), x).toFloatArray();
            for (int r = 0; r < 3; r++) {
                assertEquals(scores[r], parts[2 * r] + parts[2 * r + 1], scores[r] * 1e-5, "row " + r);
            }
        }
    }

    @Test
    void newConfigurationsScoreInOneStepButModelFilesWithoutTheKeysKeepTheChain() {
        ReconstructionSettings fresh = ImageDiT.METHOD.configure(Map.of()).reconstruction();
        assertEquals(ReconstructionSettings.IMAGES, fresh);
        assertEquals(ReconstructionSettings.Score.ONE_STEP, fresh.score());
        ReconstructionSettings saved = ImageDiT.METHOD.configureSaved(Map.of("rec_t", "5")).reconstruction();
        assertEquals(ReconstructionSettings.Score.CHAIN, saved.score());
        assertEquals(1, saved.draws());
        assertEquals(List.of(5), saved.starts());
        assertEquals(ReconstructionSettings.Score.ONE_STEP, ImageDDPM.METHOD.configure(Map.of()).reconstruction().score());
        assertEquals(ReconstructionSettings.Score.CHAIN, DDPM.METHOD.configure(Map.of()).reconstruction().score(),
                "the tabular default is the reference's chain");
        assertEquals(ReconstructionSettings.Score.ONE_STEP, ImageDiT.METHOD.configureSaved(
                Map.of("score", "one_step", "draws", "2")).reconstruction().score());
    }

    @Test
    void separatesGeneratedImagesOfAnotherKind() {
        ImageShape shape = new ImageShape(1, 8, 8);
        ImageDiT detector = ImageSize.INFERRED.setIn(new TrainingSettings(20, 32, 1e-3, 0, 0, true).setIn(
                        new ReconstructionSettings(100, List.of(15, 30), false, false, false)
                                .withScore(ReconstructionSettings.Score.ONE_STEP, 2).setIn(ImageDiT.builder())))
                .set(ImageDiT.PATCH, 2).set(ImageDiT.HIDDEN, 16).set(ImageDiT.DEPTH, 1).set(ImageDiT.HEADS, 2)
                .set(ImageDiT.MLP_RATIO, 2).set(ImageDiT.TIME_DIM, 16).set(ReconstructionParameters.EARLY_STOP, false)
                .build();
        try (ReconstructionModel model = detector.fit(TestImages.normal(128, shape, 1))) {
            double[] scores = model.score(TestImages.mixed(60, 20, shape, 7));
            double auc = RankingMetrics.aucRoc(scores, TestImages.labels(60, 20));
            assertTrue(auc > 0.75, "AUC " + auc); // 0.79 with this seed; chance is 0.5
        }
    }
}
