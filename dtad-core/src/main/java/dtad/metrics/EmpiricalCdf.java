package dtad.metrics;

import dtad.data.Matrix;
import java.util.Arrays;

/**
 * The empirical distribution of each column of a set of rows: for column {@code j} and a value
 * {@code x}, the counts {@code #{v <= x}} and {@code #{v >= x}} over the column's values, from which
 * the left tail {@code F(x) = #{v <= x} / n} (statsmodels' {@code ECDF}, i.e.
 * {@code searchsorted(sorted, x, side='right') / n}, as PyOD uses it) and the right tail
 * {@code #{v >= x} / n} (the ECDF of {@code -X} at {@code -x}) follow. It also gives the sign of each
 * column's skewness. The one ECDF of dtad: {@link COPOD} and {@link ECOD} both use it.
 *
 * <p>Each column is held sorted, so a count is a binary search: {@code O(log n)}. Immutable.
 */
public final class EmpiricalCdf {
    /**
     * scipy's {@code skew} calls a column constant (and answers NaN) when its second central moment
     * is at most {@code (resolution * mean)^2}, with the float64 resolution 1e-15.
     */
    private static final double RESOLUTION = 1e-15;

    private final double[][] sorted;

    private EmpiricalCdf(double[][] sorted) {
        this.sorted = sorted;
    }

    /** The column distributions of {@code rows} (at least one row, no NaN). */
    public static EmpiricalCdf of(Matrix rows) {
        if (rows.rows() == 0) {
            throw new IllegalArgumentException("An empirical distribution needs at least one row");
        }
        double[][] sorted = new double[rows.columns()][];
        for (int j = 0; j < sorted.length; j++) {
            sorted[j] = rows.column(j);
            Arrays.sort(sorted[j]);
            requireNoNaN(sorted[j], j);
        }
        return new EmpiricalCdf(sorted);
    }

    /**
     * Restores distributions from {@link #sortedColumns()}; refuses columns that are not sorted or hold
     * NaN, as a damaged model file would.
     */
    public static EmpiricalCdf ofSortedColumns(Matrix columns) {
        if (columns.columns() == 0) {
            throw new IllegalArgumentException("An empirical distribution needs at least one value per column");
        }
        double[][] sorted = new double[columns.rows()][];
        for (int j = 0; j < sorted.length; j++) {
            sorted[j] = columns.row(j);
            requireNoNaN(sorted[j], j);
            for (int i = 1; i < sorted[j].length; i++) {
                if (sorted[j][i - 1] > sorted[j][i]) {
                    throw new IllegalArgumentException("Column " + j + " of the empirical distribution is not sorted");
                }
            }
        }
        return new EmpiricalCdf(sorted);
    }

    /** The sorted values, one row per column of the data: a {@code columns x size} matrix. */
    public Matrix sortedColumns() {
        return Matrix.of(sorted);
    }

    /** The number of rows the distributions were made of. */
    public int size() {
        return sorted.length == 0 ? 0 : sorted[0].length;
    }

    public int columns() {
        return sorted.length;
    }

    /** {@code #{v <= x}} over the values of {@code column}. */
    public int countAtMost(int column, double x) {
        return countAtMost(sorted[column], x);
    }

    /** {@code #{v >= x}} over the values of {@code column}. */
    public int countAtLeast(int column, double x) {
        return countAtLeast(sorted[column], x);
    }

    /** The sign (-1, 0 or 1) of the column's sample skewness; see {@link #skewnessSign(double[], double[])}. */
    public int skewnessSign(int column) {
        return skewnessSign(sorted[column], new double[0]);
    }

    /**
     * The sign of the skewness of {@code column} together with {@code more} values: 0 for a constant
     * column, whose skewness (0/0) scipy reports as NaN; we define it as 0.
     */
    public int skewnessSign(int column, double[] more) {
        return skewnessSign(sorted[column], more);
    }

    /** {@code #{v <= x}} in an ascending array: the insertion point after any equal values. */
    public static int countAtMost(double[] ascending, double x) {
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ascending[mid] <= x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** {@code #{v >= x}} in an ascending array. */
    public static int countAtLeast(double[] ascending, double x) {
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ascending[mid] < x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return ascending.length - low;
    }

    /**
     * The sign of the (biased) sample skewness {@code m3 / m2^1.5} of the values of {@code a} and
     * {@code b} together, as scipy's {@code skew}; 0 where scipy finds the column constant
     * ({@code m2 <= (1e-15 * mean)^2}) and answers NaN.
     */
    public static int skewnessSign(double[] a, double[] b) {
        long n = (long) a.length + b.length;
        double sum = 0;
        for (double v : a) {
            sum += v;
        }
        for (double v : b) {
            sum += v;
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        for (double v : a) {
            double c = v - mean;
            m2 += c * c;
            m3 += c * c * c;
        }
        for (double v : b) {
            double c = v - mean;
            m2 += c * c;
            m3 += c * c * c;
        }
        m2 /= n;
        if (m2 <= (RESOLUTION * mean) * (RESOLUTION * mean)) {
            return 0;
        }
        return (int) Math.signum(m3);
    }

    private static void requireNoNaN(double[] values, int column) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("NaN in column " + column + " of an empirical distribution");
            }
        }
    }
}
