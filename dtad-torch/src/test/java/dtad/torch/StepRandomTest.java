package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StepRandomTest {

    @Test
    void dropoutMaskHoldsZerosAndInverseKeepRateInTheRightShare() {
        try (NDManager manager = TorchEngine.newManager()) {
            for (double p : new double[] {0.5, 0.2, 0.9}) {
                StepRandom random = new StepRandom(new SplittableRandom(3), manager);
                float[] mask = random.dropoutMask(200, 501, p).toFloatArray();
                float keep = (float) (1 / (1 - p));
                int dropped = 0;
                for (float v : mask) {
                    assertTrue(v == 0 || v == keep, "mask value " + v);
                    dropped += v == 0 ? 1 : 0;
                }
                assertEquals(p, dropped / (double) mask.length, 0.01, "share dropped at p=" + p);
            }
        }
    }

    @Test
    void dropoutMaskRepeatsUnderASeed() {
        try (NDManager manager = TorchEngine.newManager()) {
            float[] a = new StepRandom(new SplittableRandom(9), manager).dropoutMask(7, 9, 0.5).toFloatArray();
            float[] b = new StepRandom(new SplittableRandom(9), manager).dropoutMask(7, 9, 0.5).toFloatArray();
            assertArrayEquals(a, b);
        }
    }

    @Test
    void stepTensorsHoldTheirValuesUntilTheNextStep() {
        try (NDManager manager = TorchEngine.newManager()) {
            StepRandom.Scratch scratch = new StepRandom.Scratch();
            StepRandom step = new StepRandom(new SplittableRandom(1), manager, scratch);
            var floats = step.floats(new Shape(2, 3), (values, n) -> {
                for (int i = 0; i < n; i++) {
                    values[i] = i + 0.5f;
                }
            });
            var longs = step.longs(new Shape(3, 1), new long[] {7, -1, 1L << 40});
            // A big request moves to a bigger arena; the earlier tensors keep theirs.
            var big = step.floats(new Shape(1000, 100), (values, n) -> java.util.Arrays.fill(values, 0, n, 3f));
            assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f}, floats.toFloatArray());
            assertArrayEquals(new long[] {7, -1, 1L << 40}, longs.toLongArray());
            assertEquals(DataType.INT64, longs.getDataType());
            assertEquals(300000f, big.sum().getFloat());
        }
    }
}
