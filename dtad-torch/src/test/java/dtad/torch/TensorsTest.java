package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dtad.data.Matrix;
import org.junit.jupiter.api.Test;

class TensorsTest {

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

    @Test
    void refusesValuesThatDoNotFitTheShape() {
        try (NDManager manager = TorchEngine.newManager()) {
            assertThrows(IllegalArgumentException.class, () -> Tensors.floats(manager, new float[5], new Shape(2, 3)));
        }
    }
}
