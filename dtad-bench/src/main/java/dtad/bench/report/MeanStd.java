package dtad.bench.report;

/**
 * A mean and a standard deviation, in the unit they are shown in (percent for AUCs). The standard
 * deviation is the sample one (n - 1 in the denominator), zero for a single value.
 */
record MeanStd(double mean, double std) {

    MeanStd {
        if (!Double.isFinite(mean) || !Double.isFinite(std) || std < 0) {
            throw new IllegalArgumentException("Invalid mean or standard deviation: " + mean + " ± " + std);
        }
    }

    /** The mean and sample standard deviation of at least one finite value. */
    static MeanStd of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("No values to average");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double std = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        return new MeanStd(mean, std);
    }
}
