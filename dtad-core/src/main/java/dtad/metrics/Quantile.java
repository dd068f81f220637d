package dtad.metrics;

import java.util.Arrays;

/**
 * Quantiles as numpy's default ({@code np.quantile(x, p)}, method "linear"; {@code np.percentile(x, 100 p)}):
 * with the values sorted, the quantile sits at position {@code p (n - 1)} and interpolates linearly between
 * the two order statistics around it. The one implementation of it: the contamination threshold and the
 * benchmark's box plots both use it.
 */
public final class Quantile {
    private Quantile() {
    }

    /** The {@code p} quantile of {@code values} (not modified), {@code p} in {@code [0, 1]}. */
    public static double linear(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return linearOfSorted(sorted, p);
    }

    /** The {@code p} quantile of values already sorted ascending (avoids sorting again for several quantiles). */
    public static double linearOfSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("A quantile needs at least one value");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Invalid quantile level: " + p + " (must be in [0, 1])");
        }
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
