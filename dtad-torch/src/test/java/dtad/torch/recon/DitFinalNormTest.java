package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.torch.ParameterVector;
import dtad.torch.Tensors;
import dtad.torch.TorchEngine;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, DiT below chance on CIFAR10_4 (docs/fidelity.md): with DiT's LayerNorm before the output layer the
 * predicted noise has the same size however far a row lies from the training rows, so the reverse chain removed
 * less from the anomalies (five times the normal rows' squared norm) than from the normal rows. Without it
 * ({@code final_norm=false}, the default) the predicted noise grows with the row, as DDPM's ResNet's does.
 */
class DitFinalNormTest {

    /**
     * How much larger the predicted noise of {@code 1000 x} is than that of {@code 100 x}, with random weights: far
     * from the training rows, where the blocks' additions (each read from a LayerNorm) no longer change with the
     * scale and the token embedding dominates.
     */
    private static double growth(DiT config) {
        int features = 16;
        Denoiser denoiser = config.denoiser(features);
        SplittableRandom random = new SplittableRandom(7);
        // DiT's initialisation, with the zero-initialised modulations, output layer and biases made small random
        // numbers: a network that predicts something, as after training.
        float[] values = denoiser.layout().initialValues(random);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == 0) {
                values[i] = (float) (0.1 * (random.nextDouble() - 0.5));
            }
        }
        float[] row = new float[2 * features];
        for (int j = 0; j < features; j++) {
            double value = random.nextGaussian();
            row[j] = (float) (100 * value);
            row[features + j] = (float) (1000 * value);
        }
        try (NDManager manager = TorchEngine.newManager()) {
            NDList weights = ParameterVector.of(manager, denoiser.layout(), values).tensors();
            NDArray condition = denoiser.conditioning(weights, Tensors.floats(manager, new float[] {249}, new Shape(1)));
            float[] size = denoiser.predictNoise(weights, Tensors.floats(manager, row, new Shape(2, features)), condition,
                    null).square().sum(new int[] {1}).sqrt().toFloatArray();
            return size[1] / size[0];
        }
    }

    @Test
    void theDefaultDitsPredictedNoiseGrowsWithTheRow() {
        assertFalse(DiT.defaults().finalNorm());
        double growth = growth(DiT.defaults());
        assertTrue(growth > 5, "10 times the row: " + growth + " times the predicted noise");
    }

    @Test
    void withDitsFinalLayerNormThePredictedNoiseHardlyGrowsAndOlderModelFilesKeepIt() {
        DiT saved = DiT.METHOD.configureSaved(Map.of("hidden", "64"));
        assertTrue(saved.finalNorm());
        double growth = growth(DiT.defaults().toBuilder().set(DiT.FINAL_NORM, true).build());
        assertTrue(growth < 1.5, "10 times the row: " + growth + " times the predicted noise");
    }
}
