package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.torch.ParameterLayout;
import dtad.torch.Tensors;
import dtad.torch.TorchEngine;
import org.junit.jupiter.api.Test;

class TimeEmbeddingTest {
    @Test
    void sinusoidHoldsCosinesThenSinesOfGeometricFrequencies() {
        TimeEmbedding embedding = TimeEmbedding.declare(ParameterLayout.builder(), "t", 8, 8);
        try (NDManager manager = TorchEngine.newManager()) {
            float[] e = embedding.sinusoid(Tensors.floats(manager, new float[] {0, 7}, new Shape(2))).toFloatArray();
            assertEquals(16, e.length);
            for (int k = 0; k < 4; k++) {
                double frequency = Math.pow(10000, -k / 4.0);
                assertEquals(1, e[k], 1e-6, "cos(0)");
                assertEquals(0, e[4 + k], 1e-6, "sin(0)");
                assertEquals(Math.cos(7 * frequency), e[8 + k], 1e-5);
                assertEquals(Math.sin(7 * frequency), e[12 + k], 1e-5);
            }
        }
    }

    @Test
    void oddWidthEndsInAZeroColumn() {
        TimeEmbedding embedding = TimeEmbedding.declare(ParameterLayout.builder(), "t", 5, 4);
        try (NDManager manager = TorchEngine.newManager()) {
            float[] e = embedding.sinusoid(Tensors.floats(manager, new float[] {3}, new Shape(1))).toFloatArray();
            assertEquals(5, e.length);
            assertEquals(0, e[4]);
            assertEquals(Math.cos(3), e[0], 1e-6);
        }
    }
}
