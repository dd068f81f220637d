package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParameterLayoutTest {

    @Test
    void mlpLayoutHasTorchShapesInLayerOrder() {
        Mlp mlp = new Mlp(50, List.of(256, 512, 256), 7, 0.5);
        List<ParameterLayout.Tensor> tensors = mlp.layout().tensors();
        assertEquals(8, tensors.size());
        assertArrayEquals(new long[] {256, 50}, tensors.get(0).shape());
        assertArrayEquals(new long[] {256}, tensors.get(1).shape());
        assertArrayEquals(new long[] {512, 256}, tensors.get(2).shape());
        assertArrayEquals(new long[] {7, 256}, tensors.get(6).shape());
        assertArrayEquals(new long[] {7}, tensors.get(7).shape());
        assertEquals(50 * 256 + 256 + 256 * 512 + 512 + 512 * 256 + 256 + 256 * 7 + 7, mlp.layout().size());
    }

    @Test
    void defaultInitIsUniformWithinOneOverSqrtFanInForWeightsAndBiases() {
        Mlp mlp = new Mlp(50, List.of(256, 512, 256), 7, 0.5);
        float[] values = mlp.layout().initialValues(new SplittableRandom(7));
        long[] sizes = mlp.layout().sizes();
        long[] fanIn = {50, 50, 256, 256, 512, 512, 256, 256};
        int offset = 0;
        for (int t = 0; t < sizes.length; t++) {
            double bound = 1 / Math.sqrt(fanIn[t]);
            double max = 0;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < sizes[t]; i++) {
                float v = values[offset + i];
                assertTrue(Math.abs(v) <= bound, "tensor " + t + " value " + v + " beyond " + bound);
                max = Math.max(max, Math.abs(v));
                sum += v;
                squares += (double) v * v;
            }
            offset += (int) sizes[t];
            assertTrue(max > 0.9 * bound, "tensor " + t + " spans its range");
            if (sizes[t] > 1000) {
                double mean = sum / sizes[t];
                double variance = squares / sizes[t] - mean * mean;
                // A uniform on [-b, b] has variance b^2 / 3.
                assertEquals(bound * bound / 3, variance, 0.05 * bound * bound / 3, "tensor " + t);
            }
        }
    }

    @Test
    void initialValuesRepeatUnderASeed() {
        Mlp mlp = new Mlp(5, List.of(8), 2, 0);
        assertArrayEquals(mlp.layout().initialValues(new SplittableRandom(3)),
                mlp.layout().initialValues(new SplittableRandom(3)));
    }

    @Test
    void refusesBadNetworksNamingTheValue() {
        assertEquals("Invalid dropout probability: 1.0 (must be in [0, 1))",
                assertThrows(IllegalArgumentException.class, () -> new Mlp(5, List.of(8), 1, 1.0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Mlp(0, List.of(8), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Mlp(5, List.of(), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Mlp(5, List.of(8, 0), 1, 0));
    }
}
