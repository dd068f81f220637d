package dtad.bench.report;

import java.util.Locale;

/** How the report writes numbers: one place for every precision and format. */
final class Text {
    /** Decimals of a percentage (AUC in %); means that read the same at this precision tie. */
    static final int PERCENT_DECIMALS = 2;
    /** Decimals of an average rank. */
    static final int RANK_DECIMALS = 2;

    private Text() {
    }

    static double roundPercent(double percent) {
        return round(percent, PERCENT_DECIMALS);
    }

    static double roundRank(double rank) {
        return Double.isNaN(rank) ? rank : round(rank, RANK_DECIMALS);
    }

    /** {@code 91.23} */
    static String percent(double percent) {
        return String.format(Locale.ROOT, "%." + PERCENT_DECIMALS + "f", percent);
    }

    /** {@code 91.23±0.45}, or the mean alone when there was one seed. */
    static String meanStd(MeanStd value, int seeds) {
        return seeds > 1 ? percent(value.mean()) + "±" + percent(value.std()) : percent(value.mean());
    }

    /** {@code 91.23±0.45} as published. */
    static String published(MeanStd value) {
        return percent(value.mean()) + "±" + percent(value.std());
    }

    /** A difference in percentage points with its sign, {@code +1.20} or {@code -0.35}. */
    static String signedPoints(double points) {
        return String.format(Locale.ROOT, "%+." + PERCENT_DECIMALS + "f", points);
    }

    /** {@code 2.50} */
    static String rank(double rank) {
        return String.format(Locale.ROOT, "%." + RANK_DECIMALS + "f", rank);
    }

    /**
     * Seconds with three significant digits and at most three decimals ({@code 0.0123 -> 0.012});
     * a time under a millisecond reads {@code <0.001}.
     */
    static String seconds(double seconds) {
        if (seconds > 0 && seconds < 0.0005) {
            return "<0.001";
        }
        if (seconds >= 100) {
            return String.format(Locale.ROOT, "%.0f", seconds);
        }
        if (seconds >= 10) {
            return String.format(Locale.ROOT, "%.1f", seconds);
        }
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.2f", seconds);
        }
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
