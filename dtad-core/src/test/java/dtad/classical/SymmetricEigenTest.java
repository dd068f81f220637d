package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
    @Test
    void findsTheEigenpairsOfATwoByTwoMatrix() {
        SymmetricEigen e = SymmetricEigen.of(new double[] {2, 1, 1, 2}, 2);
        assertArrayEquals(new double[] {1, 3}, e.values(), 1e-14);
        double[] v = e.vector(1);
        assertEquals(Math.abs(v[0]), Math.abs(v[1]), 1e-14);
        assertEquals(1 / Math.sqrt(2), Math.abs(v[0]), 1e-14);
    }

    @Test
    void reconstructsARandomSymmetricMatrixWithOrthonormalVectors() {
        int n = 60;
        SplittableRandom random = new SplittableRandom(3);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i * n + j] = random.nextDouble() - 0.5;
                a[j * n + i] = a[i * n + j];
            }
        }
        SymmetricEigen e = SymmetricEigen.of(a, n);
        double[] values = e.values();
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                assertEquals(true, values[k - 1] <= values[k], "ascending");
            }
            double[] v = e.vector(k);
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i * n + j] * v[j];
                }
                assertEquals(values[k] * v[i], av, 1e-12);
            }
            for (int m = 0; m <= k; m++) {
                double[] w = e.vector(m);
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += v[j] * w[j];
                }
                assertEquals(m == k ? 1 : 0, dot, 1e-12);
            }
        }
    }

    @Test
    void handlesZeroRowsAndColumnsAsZeroEigenvalues() {
        double[] a = {4, 0, 2, 0, 0, 0, 2, 0, 1};
        SymmetricEigen e = SymmetricEigen.of(a, 3);
        assertArrayEquals(new double[] {0, 0, 5}, e.values(), 1e-14);
    }

    /** Entries near the underflow limit (a column of almost zero variance) once gave 0/0 = NaN vectors. */
    @Test
    void tinyEntriesGiveFiniteOrthonormalVectors() {
        for (double t : new double[] {1e-150, 1e-155, 1e-160, 1e-162, 1e-165}) {
            double[] a = {
                1, t, 2 * t, 0,
                t, t * t, t, 0,
                2 * t, t, 3 * t, 0,
                0, 0, 0, 2};
            SymmetricEigen e = SymmetricEigen.of(a, 4);
            for (int i = 0; i < 4; i++) {
                double[] v = e.vector(i);
                double norm = 0;
                for (double x : v) {
                    assertTrue(Double.isFinite(x), "t = " + t + ": vector " + i + " has " + x);
                    norm += x * x;
                }
                assertEquals(1, norm, 1e-12, "t = " + t);
            }
            assertEquals(2, e.values()[3], 1e-15);
        }
    }
}
