package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dtad.data.Matrix;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorsTest {

    /**
     * A product saves its scalar factor for the backward pass, after the factor's Java handle is gone
     * (as DJL's {@code mul(Number)} closes it at once). Between forward and backward the collector runs
     * and new direct buffers, filled with 99, take whatever native memory it freed: the gradient must
     * still be the factor.
     */
    @Test
    void aScalarFactorSurvivesItsHandleUntilTheBackwardPass() {
        try (NDManager manager = TorchEngine.newManager()) {
            TorchEngine.exclusively(() -> {
                for (int round = 0; round < 5; round++) {
                    try (GradientCollector collector = TorchEngine.engine().newGradientCollector();
                         NDManager step = manager.newSubManager()) {
                        NDArray x = step.ones(new Shape(8));
                        x.setRequiresGradient(true);
                        NDArray y;
                        try (NDManager factor = step.newSubManager()) {
                            y = x.mul(Tensors.scalar(factor, 0.125f));
                            y.attach(step);
                        }
                        List<ByteBuffer> reuse = reuseFreedDirectMemory();
                        collector.backward(y.sum());
                        float[] expected = new float[8];
                        Arrays.fill(expected, 0.125f);
                        assertArrayEquals(expected, x.getGradient().toFloatArray(), "round " + round + ", "
                                + reuse.size() + " buffers");
                    }
                }
                return null;
            });
        }
    }

    private static List<ByteBuffer> reuseFreedDirectMemory() {
        System.gc();
        try {
            Thread.sleep(20); // the cleaner thread frees the collected direct buffers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(0, 99f);
            buffers.add(b);
        }
        return buffers;
    }

    @Test
    void uploadsKeepValuesShapeAndType() {
        try (NDManager manager = TorchEngine.newManager()) {
            float[] floats = {1.5f, -2, 3, 4, 5, 6};
            NDArray f = Tensors.floats(manager, floats, new Shape(2, 3));
            assertEquals(new Shape(2, 3), f.getShape());
            assertEquals(DataType.FLOAT32, f.getDataType());
            assertArrayEquals(floats, f.toFloatArray());
            long[] longs = {7, -1, 1L << 40};
            NDArray l = Tensors.longs(manager, longs, new Shape(3, 1));
            assertEquals(DataType.INT64, l.getDataType());
            assertArrayEquals(longs, l.toLongArray());
            NDArray rows = Tensors.rows(manager, Matrix.of(new double[][] {{1, 2}, {3, 4.25}, {5, 6}}));
            assertEquals(new Shape(3, 2), rows.getShape());
            assertArrayEquals(new float[] {1, 2, 3, 4.25f, 5, 6}, rows.toFloatArray());
        }
    }

    /** Rows are converted chunk by chunk into the tensor: every value lands, across chunk boundaries. */
    @Test
    void uploadsRowsLongerThanOneConversionChunk() {
        try (NDManager manager = TorchEngine.newManager()) {
            double[] values = new double[7 * 28100]; // three chunks of 65,536 and part of a fourth
            for (int i = 0; i < values.length; i++) {
                values[i] = i * 0.1 - 5;
            }
            float[] expected = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                expected[i] = (float) values[i];
            }
            NDArray rows = Tensors.rows(manager, Matrix.wrap(7, values.length / 7, values));
            assertEquals(new Shape(7, values.length / 7), rows.getShape());
            assertArrayEquals(expected, rows.toFloatArray());
        }
    }

    @Test
    void refusesValuesThatDoNotFitTheShape() {
        try (NDManager manager = TorchEngine.newManager()) {
            assertThrows(IllegalArgumentException.class, () -> Tensors.floats(manager, new float[5], new Shape(2, 3)));
        }
    }
}
