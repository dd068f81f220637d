package dtad.neighbors;

import dtad.data.Matrix;

/**
 * The single-precision screen of a search and the exact distances behind it. All rows are
 * multiplied by one power of two {@code s = 2^-e}, chosen so that the largest magnitude lies in
 * {@code [0.5, 1)} (exact in binary; it keeps {@code float} far from overflow). For a pair of rows the
 * screen is {@code |a|^2 + (|b|^2 - 2 a.b)}, the bracket computed in {@code float} by
 * {@link ReferenceBlocks#partialDistances}. With {@code u = 2^-24} it differs from the exact scaled
 * squared distance by at most about {@code (d + 5) u (|a|^2 + 2 |b|^2)} (rounding the inputs to
 * {@code float}, then summing {@code d + 1} terms whose magnitudes add up to at most
 * {@code |a|^2 + 2 |b|^2}); {@link #error} is twice that, plus a term for subnormal floats. A row is
 * examined exactly when its screen is below {@link #threshold}, so no row that belongs among the
 * {@code k} nearest is ever skipped; the exact distance is {@code sum_f (s a_f - s b_f)^2} in double
 * precision: {@code s^2} times {@code sum_f (a_f - b_f)^2} bit for bit, unless it overflows or
 * underflows. Immutable.
 */
final class Screen {
    /** The unit roundoff of {@code float}. */
    private static final double FLOAT_EPSILON = 0x1p-24;
    /** Covers the absolute error of values rounded to subnormal floats. */
    private static final double FLOAT_TINY = 0x1p-120;
    /** Widens a threshold by a few double roundings of the sum that makes it. */
    private static final double SLACK = 1 + 0x1p-50;
    /**
     * The scaling exponent stays in this range, so that {@code 2^-e} is a normal double; beyond it
     * (magnitudes above 1e301) scaled values stay below 2^24, still far from overflow in {@code float}.
     */
    private static final int MAX_EXPONENT = 1000;

    private final int features;
    private final int exponent;
    private final double scale;
    private final double relativeError;
    private final double absoluteError;

    private Screen(int features, int exponent) {
        this.features = features;
        this.exponent = exponent;
        this.scale = Math.scalb(1.0, -exponent);
        this.relativeError = 2 * (features + 8) * FLOAT_EPSILON;
        this.absoluteError = (features + 8) * FLOAT_TINY;
    }

    /** The screen for rows whose largest magnitude is {@code largest}. */
    static Screen of(int features, double largest) {
        int exponent = largest == 0 ? 0
                : Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, Math.getExponent(largest) + 1));
        return new Screen(features, exponent);
    }

    /** The exponent {@code e} of the scaling {@code 2^-e}. */
    int exponent() {
        return exponent;
    }

    /** The scaling factor {@code 2^-e}. */
    double scale() {
        return scale;
    }

    /** Rows {@code [from, to)} of {@code x}, scaled and rounded to {@code float}, row after row. */
    float[] rounded(Matrix x, int from, int to) {
        int d = features;
        double[] v = x.values();
        float[] out = new float[(to - from) * d];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (v[from * d + i] * scale);
        }
        return out;
    }

    /** The scaled squared norms of rows {@code [from, to)} of {@code x}, in double precision. */
    double[] squaredNorms(Matrix x, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = ReferenceBlocks.scaledSquaredNorm(x.values(), i * features, features, scale);
        }
        return out;
    }

    /** A bound (twice the proven one) on the screen's error for a row of norm {@code a} against rows of norm at most {@code b}. */
    double error(double queryNorm, double maxReferenceNorm) {
        return relativeError * (queryNorm + 2 * maxReferenceNorm) + absoluteError;
    }

    /**
     * The value below which a screen must lie for the exact distance to possibly be below
     * {@code worst}: {@code worst + error}, widened for its own rounding (infinite if {@code worst} is).
     */
    static double threshold(double worst, double error) {
        return (worst + error) * SLACK;
    }

    /**
     * A {@code float} bound on the bracket {@code |b|^2 - 2 a.b} of the screen: {@code threshold - |a|^2}
     * rounded up, so that every screen below {@code threshold} passes it.
     */
    static float partialBound(double threshold, double queryNorm) {
        double difference = threshold - queryNorm;
        double bound = difference + Math.abs(difference) * 0x1p-50 + Math.ulp(threshold) + Math.ulp(queryNorm);
        float rounded = (float) bound;
        return rounded < bound ? Math.nextUp(rounded) : rounded;
    }

    /** The exact scaled squared distance {@code sum_f (s a_if - s b_jf)^2}, in double precision. */
    double distance(double[] a, int i, double[] b, int j) {
        int d = features;
        int p = i * d;
        int q = j * d;
        double sum = 0;
        for (int f = 0; f < d; f++) {
            double diff = a[p + f] * scale - b[q + f] * scale;
            sum += diff * diff;
        }
        return sum;
    }

    /**
     * {@link #distance} from row {@code i} of {@code a} to rows {@code js[0 .. count)} of {@code b}
     * ({@code count} from 1 to 4) into {@code out[0 .. count)}: the same values, bit for bit (each sum
     * still runs over the features in order), but four sums advance together, so that their additions,
     * each of which waits for the previous one of its own sum, overlap.
     */
    void distances(double[] a, int i, double[] b, int[] js, int count, double[] out) {
        int d = features;
        int p = i * d;
        int q0 = js[0] * d;
        int q1 = js[Math.min(1, count - 1)] * d;
        int q2 = js[Math.min(2, count - 1)] * d;
        int q3 = js[Math.min(3, count - 1)] * d;
        double sum0 = 0;
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        for (int f = 0; f < d; f++) {
            double x = a[p + f] * scale;
            double diff0 = x - b[q0 + f] * scale;
            double diff1 = x - b[q1 + f] * scale;
            double diff2 = x - b[q2 + f] * scale;
            double diff3 = x - b[q3 + f] * scale;
            sum0 += diff0 * diff0;
            sum1 += diff1 * diff1;
            sum2 += diff2 * diff2;
            sum3 += diff3 * diff3;
        }
        out[0] = sum0;
        if (count > 1) {
            out[1] = sum1;
        }
        if (count > 2) {
            out[2] = sum2;
        }
        if (count > 3) {
            out[3] = sum3;
        }
    }
}
