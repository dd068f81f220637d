package dtad.bench.report;

import java.util.Arrays;

/**
 * The five numbers of a Tukey box plot: quartiles by linear interpolation between order statistics
 * (numpy's default), whiskers at the most extreme values within 1.5 interquartile ranges of the box.
 */
record BoxStats(double lowWhisker, double q1, double median, double q3, double highWhisker) {

    static BoxStats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("A box plot needs at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
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
        return new BoxStats(low, q1, quantile(sorted, 0.5), q3, high);
    }

    private static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
