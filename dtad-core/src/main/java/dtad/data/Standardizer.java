package dtad.data;

import dtad.InputException;

/**
 * Standard scaling fitted on training rows, as the ADBench protocol applies it: each column is
 * shifted by its mean and divided by its population standard deviation (both ignoring NaN). A
 * constant (or all-NaN) column keeps scale 1, so it never produces NaN or infinity. After scaling, a
 * missing value (NaN) becomes 0, the training column mean. Infinite values are refused: they would
 * poison every statistic computed from them. Values up to the largest double are scaled without
 * overflow; a column whose deviation itself cannot be represented is refused, naming the column.
 *
 * <p>Immutable; {@link #transform} returns a new matrix and leaves its input untouched.
 */
public final class Standardizer {
    private final double[] means;
    private final double[] scales;

    private Standardizer(double[] means, double[] scales) {
        this.means = means;
        this.scales = scales;
    }

    /** Restores a fitted scaler, e.g. from a model file. */
    public static Standardizer of(double[] means, double[] scales) {
        if (means.length != scales.length) {
            throw new IllegalArgumentException("Scaling statistics disagree: " + means.length + " means, "
                    + scales.length + " scales");
        }
        for (int j = 0; j < means.length; j++) {
            if (!Double.isFinite(means[j]) || !Double.isFinite(scales[j]) || scales[j] <= 0) {
                throw new IllegalArgumentException("Invalid scaling statistics for column " + j + ": mean "
                        + means[j] + ", scale " + scales[j]);
            }
        }
        return new Standardizer(means.clone(), scales.clone());
    }

    /** Fits means and scales on the training rows. */
    public static Standardizer fit(Matrix train) {
        if (train.rows() == 0) {
            throw new InputException("No training rows");
        }
        requireFinite(train);
        int d = train.columns();
        double[] v = train.values();
        double[] sums = new double[d];
        long[] counts = new long[d];
        for (int r = 0, o = 0; r < train.rows(); r++, o += d) {
            for (int j = 0; j < d; j++) {
                double x = v[o + j];
                if (!Double.isNaN(x)) {
                    sums[j] += x;
                    counts[j]++;
                }
            }
        }
        double[] means = new double[d];
        for (int j = 0; j < d; j++) {
            means[j] = counts[j] == 0 ? 0 : sums[j] / counts[j];
        }
        // Two passes: the centred sum of squares is accurate where E[x^2] - E[x]^2 is not.
        double[] squares = new double[d];
        for (int r = 0, o = 0; r < train.rows(); r++, o += d) {
            for (int j = 0; j < d; j++) {
                double x = v[o + j];
                if (!Double.isNaN(x)) {
                    double c = x - means[j];
                    squares[j] += c * c;
                }
            }
        }
        double[] scales = new double[d];
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(means[j]) || !Double.isFinite(squares[j])) {
                // Values beyond ~1e154 overflow the sums above; the same statistics of the column divided
                // by its largest magnitude do not (only such columns take this path, so ordinary data
                // keeps the bits it always had).
                double[] meanAndStd = scaledMeanAndStd(v, train.rows(), d, j);
                means[j] = meanAndStd[0];
                squares[j] = meanAndStd[1] * meanAndStd[1] * counts[j];
                if (!Double.isFinite(meanAndStd[0]) || !Double.isFinite(meanAndStd[1])) {
                    throw new InputException("Column " + (j + 1) + " cannot be scaled: its values are too large "
                            + "(standard deviation beyond " + Double.MAX_VALUE + ")");
                }
                scales[j] = meanAndStd[1] == 0 ? 1.0 : meanAndStd[1];
                continue;
            }
            double std = counts[j] == 0 ? 0 : Math.sqrt(squares[j] / counts[j]);
            // As scikit-learn: a (near-)zero deviation keeps scale 1 instead of dividing by ~0.
            scales[j] = std < 10 * Math.ulp(Math.max(1.0, Math.abs(means[j]))) ? 1.0 : std;
        }
        return new Standardizer(means, scales);
    }

    /** Mean and population standard deviation of column {@code j} (NaN ignored), computed on x / max|x|. */
    private static double[] scaledMeanAndStd(double[] v, int rows, int d, int j) {
        double largest = 0;
        for (int r = 0; r < rows; r++) {
            double x = v[r * d + j];
            if (!Double.isNaN(x)) {
                largest = Math.max(largest, Math.abs(x));
            }
        }
        double sum = 0;
        long count = 0;
        for (int r = 0; r < rows; r++) {
            double x = v[r * d + j];
            if (!Double.isNaN(x)) {
                sum += x / largest;
                count++;
            }
        }
        double mean = sum / count; // in [-1, 1]
        double squares = 0;
        for (int r = 0; r < rows; r++) {
            double x = v[r * d + j];
            if (!Double.isNaN(x)) {
                double c = x / largest - mean; // in [-2, 2]
                squares += c * c;
            }
        }
        double std = Math.sqrt(squares / count);
        boolean constant = std < 10 * Math.ulp(Math.max(1.0, Math.abs(mean)));
        return new double[] {mean * largest, constant ? 0 : std * largest};
    }

    /** Scales rows with the training statistics; NaN becomes 0 (the training mean). */
    public Matrix transform(Matrix x) {
        if (x.columns() != means.length) {
            throw new InputException("Expected " + means.length + " features, got " + x.columns());
        }
        requireFinite(x);
        int d = means.length;
        double[] in = x.values();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i += d) {
            for (int j = 0; j < d; j++) {
                double value = in[i + j];
                double z = (value - means[j]) / scales[j];
                if (Double.isInfinite(z)) {
                    // value - mean overflowed (both beyond ~1e308, of opposite signs): scale each first.
                    z = value / scales[j] - means[j] / scales[j];
                }
                out[i + j] = Double.isNaN(value) ? 0 : z;
            }
        }
        return Matrix.wrap(x.rows(), d, out);
    }

    public int features() {
        return means.length;
    }

    public double[] means() {
        return means.clone();
    }

    public double[] scales() {
        return scales.clone();
    }

    private static void requireFinite(Matrix x) {
        double[] v = x.values();
        for (int i = 0; i < v.length; i++) {
            if (Double.isInfinite(v[i])) {
                throw new InputException("Infinite value at row " + (i / x.columns() + 1) + ", column "
                        + (i % x.columns() + 1));
            }
        }
    }
}
