package dtad.bench.report;

import dtad.metrics.Quantile;
import java.util.Arrays;

/**
 * The five numbers of a Tukey box plot: quartiles by linear interpolation between order statistics
 * (numpy's default, {@link Quantile}), whiskers at the most extreme values within 1.5 interquartile
 * ranges of the box.
 */
record BoxStats(double lowWhisker, double q1, double median, double q3, double highWhisker) {

    static BoxStats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("A box plot needs at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double q1 = Quantile.linearOfSorted(sorted, 0.25);
        double q3 = Quantile.linearOfSorted(sorted, 0.75);
        double reach = 1.5 * (q3 - q1);
        double low = q1;
        double high = q3;
        for (double v : sorted) {
            if (v >= q1 - reach) {
                low = Math.min(low, v);
            }
            if (v <= q3 + reach) {
                high = Math.max(high, v);
            }
        }
        return new BoxStats(low, q1, Quantile.linearOfSorted(sorted, 0.5), q3, high);
    }
}
