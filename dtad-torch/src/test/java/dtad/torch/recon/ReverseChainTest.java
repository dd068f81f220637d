package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.diffusion.NoiseSchedule;
import dtad.torch.Tensors;
import dtad.torch.TorchEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReverseChainTest {
    private static final float[] ROWS = {1, -2, 3, 0.5f, -4, 4};

    private static float[] score(ReverseChain chain, Denoiser denoiser, float[] rows) {
        try (NDManager manager = TorchEngine.newManager()) {
            NDArray x = Tensors.floats(manager, rows, new Shape(rows.length / 2, 2));
            return chain.scores(denoiser, new NDList(), x).toFloatArray();
        }
    }

    @Test
    void finalErrorFollowsTheReverseStepFormula() {
        ReconstructionSettings settings = new ReconstructionSettings(1000, List.of(250), false, false, false);
        NoiseSchedule schedule = NoiseSchedule.linear(1000);
        float a = 0.3f;
        float[] scores = score(new ReverseChain(settings, 0), new TwoValueDenoiser.Proportional(a), ROWS);
        for (int r = 0; r < 3; r++) {
            double expected = closedFormError(schedule, a, 250, ROWS[2 * r], ROWS[2 * r + 1]);
            assertEquals(expected, scores[r], expected * 1e-4, "row " + r);
        }
    }

    /** The final error of the closed-form chain from {@code start}, for a row {@code (x0, x1)}. */
    private static double closedFormError(NoiseSchedule schedule, float a, int start, double x0, double x1) {
        double factor = 1;
        for (int t = start - 1; t >= 0; t--) {
            double coefficient = schedule.beta(t) / Math.sqrt(1 - schedule.alphaBar(t));
            factor *= (1 - coefficient * a) / Math.sqrt(1 - schedule.beta(t));
        }
        return (x0 * x0 + x1 * x1) * (1 - factor) * (1 - factor) / 2;
    }

    @Test
    void severalStartsRunOneChainEachAndScoreTheGeometricMeanOfTheirErrors() {
        NoiseSchedule schedule = NoiseSchedule.linear(1000);
        float a = 0.3f;
        ReverseChain chain = new ReverseChain(new ReconstructionSettings(1000, List.of(250, 10, 50), false, false,
                false), 0);
        float[] scores;
        float[] errors;
        try (NDManager manager = TorchEngine.newManager()) {
            NDArray x = Tensors.floats(manager, ROWS, new Shape(3, 2));
            errors = chain.errors(new TwoValueDenoiser.Proportional(a), new NDList(), x).toFloatArray();
            scores = chain.scores(new TwoValueDenoiser.Proportional(a), new NDList(), x).toFloatArray();
        }
        int[] starts = {250, 10, 50};
        for (int r = 0; r < 3; r++) {
            double logSum = 0;
            for (int s = 0; s < 3; s++) {
                double expected = closedFormError(schedule, a, starts[s], ROWS[2 * r], ROWS[2 * r + 1]);
                assertEquals(expected, errors[3 * r + s], expected * 1e-4, "row " + r + ", start " + starts[s]);
                logSum += Math.log(expected);
            }
            double geometric = Math.exp(logSum / 3);
            assertEquals(geometric, scores[r], geometric * 1e-4, "row " + r);
        }
        float[] perfect = score(chain, new TwoValueDenoiser.Proportional(0), new float[] {0, 0});
        assertEquals(0, perfect[0], 1e-20, "a perfect reconstruction scores (about) zero, not NaN");
    }

    @Test
    void fullPathSumsTheSquaredStepsOfTheChain() {
        ReconstructionSettings settings = new ReconstructionSettings(100, List.of(10), false, true, false);
        NoiseSchedule schedule = NoiseSchedule.linear(100);
        float a = -0.5f;
        float[] scores = score(new ReverseChain(settings, 0), new TwoValueDenoiser.Proportional(a), ROWS);
        double x0 = ROWS[0];
        double x1 = ROWS[1];
        double total = 0;
        for (int t = 9; t >= 0; t--) {
            double coefficient = schedule.beta(t) / Math.sqrt(1 - schedule.alphaBar(t));
            double step = (1 - coefficient * a) / Math.sqrt(1 - schedule.beta(t));
            total += ((x0 - x0 * step) * (x0 - x0 * step) + (x1 - x1 * step) * (x1 - x1 * step)) / 2;
            x0 *= step;
            x1 *= step;
        }
        assertEquals(total, scores[0], total * 1e-4);
    }

    @Test
    void sampledNoiseIsSeededAndTheSameForARowInAnyBatch() {
        ReconstructionSettings settings = new ReconstructionSettings(100, List.of(30), true, false, true);
        Denoiser denoiser = new TwoValueDenoiser.Proportional(0.1f);
        float[] all = score(new ReverseChain(settings, 7), denoiser, ROWS);
        float[] last = score(new ReverseChain(settings, 7), denoiser, new float[] {-4, 4});
        float[] twice = score(new ReverseChain(settings, 7), denoiser, new float[] {-4, 4, -4, 4});
        assertEquals(all[2], last[0]);
        assertEquals(all[2], twice[0]);
        assertEquals(all[2], twice[1]);
        assertArrayEquals(all, score(new ReverseChain(settings, 7), denoiser, ROWS));
        assertNotEquals(all[2], score(new ReverseChain(settings, 8), denoiser, new float[] {-4, 4})[0]);
        float[] deterministic = score(new ReverseChain(new ReconstructionSettings(100, List.of(30), false, false, false), 7),
                denoiser, ROWS);
        assertFalse(deterministic[0] == all[0], "noise changes the reconstruction");
    }
}
