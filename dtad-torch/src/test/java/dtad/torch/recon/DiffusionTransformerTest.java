package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.torch.ParameterLayout;
import dtad.torch.ParameterVector;
import dtad.torch.Tensors;
import dtad.torch.TorchEngine;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiffusionTransformerTest {
    private static final float[] ROWS = {1, -2, 3, 0.5f, -4, 4, 0, 2, 1, -1};

    @Test
    void untrainedNetworkPredictsZeroNoiseAndConditionsEveryBlock() {
        DiffusionTransformer network = new DiffusionTransformer(new Tokenizer(5, 2), 16, 3, 2, 4, 32);
        ParameterLayout layout = network.layout();
        try (NDManager manager = TorchEngine.newManager()) {
            NDList weights = ParameterVector.of(manager, layout, layout.initialValues(new SplittableRandom(1))).tensors();
            NDArray conditioning = network.conditioning(weights, Tensors.floats(manager, new float[] {0, 999},
                    new Shape(2)));
            assertEquals(new Shape(2, (6 * 3 + 2) * 16), conditioning.getShape(), "every modulation of every block");
            NDArray eps = network.predictNoise(weights, Tensors.floats(manager, ROWS, new Shape(2, 5)), conditioning,
                    null);
            assertEquals(new Shape(2, 5), eps.getShape());
            for (float v : eps.toFloatArray()) {
                assertEquals(0, v, "adaLN-Zero and the zero output layer");
            }
        }
    }

    @Test
    void positionsAreSinesThenCosines() {
        float[] p = DiffusionTransformer.positions(3, 4);
        assertEquals(0, p[0]);
        assertEquals(1, p[2]);
        assertEquals(Math.sin(2), p[8], 1e-6);
        assertEquals(Math.sin(2 / 100.0), p[9], 1e-6);
        assertEquals(Math.cos(2 / 100.0), p[11], 1e-6);
    }

    @Test
    void refusesWidthsTheHeadsDoNotDivide() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DiT.builder().set(DiT.HIDDEN, 100).set(DiT.DEPTH, 4).set(DiT.HEADS, 3).build());
        assertEquals("Invalid hidden: 100 (must be a positive multiple of 6, 2 x heads)", e.getMessage());
    }
}
