package dtad.data;

import dtad.InputException;

/**
 * Standard scaling fitted on training rows, as the ADBench protocol applies it: each column is
 * shifted by its mean and divided by its population standard deviation (both ignoring NaN). A
 * constant (or all-NaN) column keeps scale 1, so it never produces NaN or infinity. After scaling, a
 * missing value (NaN) becomes 0, the training column mean. Infinite values are refused: they would
 * poison every statistic computed from them.
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
            double std = counts[j] == 0 ? 0 : Math.sqrt(squares[j] / counts[j]);
            // As scikit-learn: a (near-)zero deviation keeps scale 1 instead of dividing by ~0.
            scales[j] = std < 10 * Math.ulp(Math.max(1.0, Math.abs(means[j]))) ? 1.0 : std;
        }
        return new Standardizer(means, scales);
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
                out[i + j] = Double.isNaN(value) ? 0 : (value - means[j]) / scales[j];
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
