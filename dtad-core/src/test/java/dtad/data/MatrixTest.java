package dtad.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatrixTest {

    @Test
    void refusesRaggedRowsNamingTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.of(new double[][] {{1, 2}, {3, 4}, {5}}));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    }

    @Test
    void copiesRowsButWrapsArrays() {
        double[][] rows = {{1, 2}, {3, 4}};
        Matrix copied = Matrix.of(rows);
        rows[0][0] = 9;
        assertEquals(1, copied.get(0, 0));
        double[] values = {1, 2, 3, 4};
        Matrix wrapped = Matrix.wrap(2, 2, values);
        values[0] = 9;
        assertEquals(9, wrapped.get(0, 0));
    }
}
