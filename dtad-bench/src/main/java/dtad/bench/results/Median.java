package dtad.bench.results;

import java.util.Arrays;

/** The median of a set of numbers, shared by the report's time tables and the run's time estimate. */
public final class Median {
    private Median() {
    }

    /** The middle value, or the mean of the middle two for an even count; NaN for none. The input is left as is. */
    public static double of(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
