package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.TestData;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The dense solver against LIBSVM's Java port (the solver scikit-learn wraps) on generated problems:
 * as both compute every kernel entry the same way and take the same decisions, the support vectors,
 * coefficients and rho agree exactly, not only to LIBSVM's tolerance; the iteration counts are
 * compared through the results, which would drift apart after one different step.
 */
class OneClassSvmSolverTest {
    @ParameterizedTest(name = "{0} x {1}, nu {2}, shrinking {3}, cache {4} MB")
    @CsvSource({
            "300, 6, 0.5, true, 200",
            "300, 6, 0.5, false, 200",
            "400, 20, 0.1, true, 200",
            "250, 3, 0.02, true, 200",
            "250, 3, 0.98, true, 200",
            "200, 5, 1.0, true, 200",
            "300, 1, 0.5, true, 200",
            "300, 1, 0.3, false, 200",
            "600, 8, 0.5, true, 1",
            "120, 70, 0.5, true, 200",
            "800, 520, 0.5, true, 200", // rows long enough to be computed on the fork-join pool
    })
    void givesLibsvmsSolution(int rows, int columns, double nu, boolean shrinking, int cacheMb) {
        Matrix x = mixture(rows, columns, rows * 31L + columns);
        assertSameSolution(x, nu, 1.0 / columns, shrinking, cacheMb);
    }

    @Test
    void givesLibsvmsSolutionWithDuplicateRows() {
        Matrix base = mixture(60, 4, 5);
        int[] picks = new int[240];
        for (int i = 0; i < picks.length; i++) {
            picks[i] = (i * 7) % 60; // every row four times, interleaved
        }
        Matrix x = base.selectRows(picks);
        assertSameSolution(x, 0.5, 0.25, true, 200);
        assertSameSolution(x, 0.5, 0.25, false, 200);
        assertSameSolution(x, 0.05, 0.25, true, 200);
    }

    @Test
    void givesLibsvmsSolutionWithZerosAndATightTolerance() {
        Matrix x = mixture(300, 10, 9);
        double[] v = x.values().clone();
        for (int i = 0; i < v.length; i += 3) {
            v[i] = 0; // LIBSVM leaves zeros out of its sparse rows
        }
        Matrix sparse = Matrix.wrap(300, 10, v);
        OneClassSvmSolver.Solution dense = OneClassSvmSolver.solve(sparse, 0.3, 0.1, 1e-6, 200, true);
        Libsvm.Solution reference = Libsvm.oneClass(sparse, 0.3, 0.1, 1e-6, 200, true);
        assertArrayEquals(reference.supportIndices(), dense.supportIndices());
        assertArrayEquals(reference.coefficients(), dense.coefficients());
        assertEquals(reference.rho(), dense.rho());
    }

    @Test
    void coefficientsSumToNuTimesRowsWithinTheBounds() {
        Matrix x = mixture(500, 6, 2);
        OneClassSvmSolver.Solution s = OneClassSvmSolver.solve(x, 0.2, 1.0 / 6, 1e-3, 200, true);
        double sum = 0;
        for (double a : s.coefficients()) {
            assertTrue(a > 0 && a <= 1, "coefficient " + a);
            sum += a;
        }
        assertEquals(0.2 * 500, sum, 1e-9);
        assertTrue(s.supportIndices().length >= 100, "at least nu n support vectors");
    }

    @Test
    void aOneMegabyteCacheGivesTheSameSolutionAsAFullOne() {
        Matrix x = mixture(700, 5, 4);
        OneClassSvmSolver.Solution small = OneClassSvmSolver.solve(x, 0.5, 0.2, 1e-3, 1, true);
        OneClassSvmSolver.Solution large = OneClassSvmSolver.solve(x, 0.5, 0.2, 1e-3, 200, true);
        assertArrayEquals(large.supportIndices(), small.supportIndices());
        assertArrayEquals(large.coefficients(), small.coefficients());
        assertEquals(large.rho(), small.rho());
        assertEquals(large.iterations(), small.iterations());
    }

    private static void assertSameSolution(Matrix x, double nu, double gamma, boolean shrinking, int cacheMb) {
        OneClassSvmSolver.Solution dense = OneClassSvmSolver.solve(x, nu, gamma, 1e-3, cacheMb, shrinking);
        Libsvm.Solution reference = Libsvm.oneClass(x, nu, gamma, 1e-3, cacheMb, shrinking);
        assertArrayEquals(reference.supportIndices(), dense.supportIndices(), "support vectors");
        assertArrayEquals(reference.coefficients(), dense.coefficients(), "coefficients");
        assertEquals(reference.rho(), dense.rho(), "rho");
    }

    /** Two Gaussian clusters and a few scattered rows: a problem with free, bounded and zero coefficients. */
    static Matrix mixture(int rows, int columns, long seed) {
        Matrix a = TestData.gaussian(rows, columns, seed, 0);
        double[] v = a.values().clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < rows; r++) {
            double shift = r % 3 == 0 ? 3 : 0;
            double scale = r % 17 == 0 ? 4 : 1;
            for (int j = 0; j < columns; j++) {
                v[r * columns + j] = v[r * columns + j] * scale + shift + 0.01 * random.nextDouble();
            }
        }
        return Matrix.wrap(rows, columns, v);
    }
}
