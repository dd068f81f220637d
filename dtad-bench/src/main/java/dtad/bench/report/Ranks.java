package dtad.bench.report;

import java.util.Arrays;
import java.util.Comparator;

/** Ranks of competing values: rank 1 is the best, tied values share the average of their ranks. */
final class Ranks {
    private Ranks() {
    }

    /**
     * Ranks values where higher is better. NaN stands for "no result" and ranks below every number;
     * several NaNs tie among themselves.
     */
    static double[] descending(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> better = Comparator.comparingDouble(i -> sortKey(values[i]));
        Arrays.sort(order, better);
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && sortKey(values[order[end]]) == sortKey(values[order[start]])) {
                end++;
            }
            double shared = (start + 1 + end) / 2.0; // the mean of the ranks start+1 .. end
            for (int k = start; k < end; k++) {
                ranks[order[k]] = shared;
            }
            start = end;
        }
        return ranks;
    }

    /** Ascending sort key of "better first": the negated value, NaN last. */
    private static double sortKey(double value) {
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : -value;
    }
}
