package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

class BatchNormTest {
    private static final float[] X = {1, 10, 2, 20, 3, 30, 6, -4}; // 4 rows, 2 columns

    @Test
    void trainingNormalisesWithTheBatchAndMovesRunningStatisticsAsTorch() {
        ParameterLayout.Builder builder = ParameterLayout.builder();
        BatchNorm.Declared declared = BatchNorm.declare(builder, "bn", 2);
        ParameterLayout layout = builder.build();
        BatchNorm norm = declared.resolve(layout);
        assertEquals(2, layout.tensors().size());
        assertEquals(2, layout.buffers().size());
        try (NDManager manager = TorchEngine.newManager()) {
            ParameterVector state = ParameterVector.of(manager, layout.state(),
                    layout.state().initialValues(new SplittableRandom(0)));
            NDList weights = state.tensors();
            NDArray x = Tensors.floats(manager, X, new Shape(4, 2));
            float[] y = norm.apply(weights, x, true).toFloatArray();
            // Column 0: mean 3, biased variance 3.5; column 1: mean 14, biased variance 158.
            assertEquals((1 - 3) / Math.sqrt(3.5 + 1e-5), y[0], 1e-5);
            assertEquals((-4 - 14) / Math.sqrt(158 + 1e-5), y[7], 1e-5);
            // Running statistics, in place: 0.9 old + 0.1 batch, with the unbiased variance (n - 1 = 3).
            float[] values = state.values();
            assertEquals(0.1 * 3, values[4], 1e-6);
            assertEquals(0.1 * 14, values[5], 1e-5);
            assertEquals(0.9 + 0.1 * 3.5 * 4 / 3, values[6], 1e-5);
            assertEquals(0.9 + 0.1 * 158 * 4 / 3, values[7], 1e-4);
            // Scoring normalises with the running statistics and changes nothing.
            float[] scored = norm.apply(weights, x, false).toFloatArray();
            assertEquals((1 - values[4]) / Math.sqrt(values[6] + 1e-5), scored[0], 1e-5);
            assertArrayEquals(values, state.values());
        }
    }
}
