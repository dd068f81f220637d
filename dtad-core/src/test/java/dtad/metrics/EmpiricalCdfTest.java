package dtad.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dtad.data.Matrix;
import org.junit.jupiter.api.Test;

class EmpiricalCdfTest {
    private final EmpiricalCdf cdf = EmpiricalCdf.of(Matrix.of(new double[][] {{3, 5}, {1, 5}, {2, 5}, {2, 5}}));

    @Test
    void countsAtMostIncludeTiesAsStatsmodelsEcdf() {
        // statsmodels ECDF([3, 1, 2, 2]): F(2) = 3/4, F(0.5) = 0, F(3) = 1.
        assertEquals(3, cdf.countAtMost(0, 2));
        assertEquals(0, cdf.countAtMost(0, 0.5));
        assertEquals(4, cdf.countAtMost(0, 3));
        assertEquals(1, cdf.countAtMost(0, 1.5));
    }

    @Test
    void countsAtLeastAreTheEcdfOfTheNegatedColumn() {
        assertEquals(3, cdf.countAtLeast(0, 2));
        assertEquals(4, cdf.countAtLeast(0, 1));
        assertEquals(0, cdf.countAtLeast(0, 3.5));
    }

    @Test
    void skewnessSignFollowsTheLongTailAndIsZeroForAConstantColumn() {
        EmpiricalCdf skewed = EmpiricalCdf.of(Matrix.of(new double[][] {{0, 0}, {0, 10}, {1, 10}, {10, 10}}));
        assertEquals(1, skewed.skewnessSign(0));
        assertEquals(-1, skewed.skewnessSign(1));
        assertEquals(0, cdf.skewnessSign(1), "constant column: scipy's NaN, defined as 0");
        assertEquals(0, EmpiricalCdf.skewnessSign(new double[] {1e6, 1e6}, new double[] {1e6}));
    }

    @Test
    void skewnessSignOfTheUnionCountsBothParts() {
        assertEquals(1, EmpiricalCdf.skewnessSign(new double[] {0, 0, 1}, new double[] {10}));
        assertEquals(-1, EmpiricalCdf.skewnessSign(new double[] {0, 10, 10}, new double[] {10}));
    }

    @Test
    void sortedColumnsRoundTripAndUnsortedOnesAreRefused() {
        EmpiricalCdf again = EmpiricalCdf.ofSortedColumns(cdf.sortedColumns());
        assertEquals(cdf.countAtMost(0, 2), again.countAtMost(0, 2));
        assertEquals(4, again.size());
        assertEquals(2, again.columns());
        assertThrows(IllegalArgumentException.class,
                () -> EmpiricalCdf.ofSortedColumns(Matrix.of(new double[][] {{2, 1}})));
    }
}
