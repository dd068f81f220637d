package dtad.bench.random;

/**
 * Natural logarithm rounded to the nearest double, for positive finite normal inputs (all that the
 * polar Box-Muller method of {@link NumpyRandomState} needs).
 *
 * <p>Why not {@link Math#log}: numpy's legacy {@code gauss} calls the C library's {@code log}, which no
 * Java method reproduces bit for bit. glibc's {@code log} (2.28 and later) is accurate to about 0.52 ulp,
 * so it returns the correctly rounded value except when the exact logarithm lies very near a midpoint
 * between two doubles (on Box-Muller's inputs, about once in a few thousand calls, by one ulp).
 * {@code Math.log} is also off by one ulp about as often, but in other places, and depends on the JVM and
 * CPU. A correctly rounded result is the same on every JVM and agrees with glibc everywhere glibc itself
 * rounds correctly.
 *
 * <p>Method: {@code x = 2^k * m} with {@code m} in {@code [sqrt(1/2), sqrt(2)]}, then
 * {@code log(x) = k*ln2 + 2*atanh(s)} with {@code s = (m-1)/(m+1)}, evaluated in double-double arithmetic
 * (about 100 bits) and rounded once. Stateless and thread-safe.
 */
final class CorrectlyRoundedLog {
    /** ln 2 as a double-double. */
    private static final double LN2_HI = 0x1.62e42fefa39efp-1;
    private static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    private static final double SQRT2 = 1.4142135623730951;

    /** Terms of the series for atanh(s)/s in s^2: |s| <= 0.1716, so s^2 <= 0.0295 and 0.0295^23 < 2^-116. */
    private static final int TERMS = 23;
    /** 1/(2j+1) as double-doubles. */
    private static final double[] COEF_HI = new double[TERMS];
    private static final double[] COEF_LO = new double[TERMS];

    static {
        for (int j = 0; j < TERMS; j++) {
            double d = 2 * j + 1;
            double hi = 1.0 / d;
            double lo = -Math.fma(hi, d, -1.0) / d; // remainder of 1 - hi*d, exact by fma
            COEF_HI[j] = hi;
            COEF_LO[j] = lo;
        }
    }

    private CorrectlyRoundedLog() {
    }

    /** {@code log(x)} correctly rounded; {@code x} must be positive, finite and normal. */
    static double log(double x) {
        if (!(x >= Double.MIN_NORMAL) || x == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("log argument out of the supported range: " + x);
        }
        int k = Math.getExponent(x);
        double m = Math.scalb(x, -k); // in [1, 2), exact
        if (m > SQRT2) {
            m *= 0.5;
            k++;
        }
        if (m == 1.0) {
            return k == 0 ? 0.0 : roundSum(ddMulScalar(LN2_HI, LN2_LO, k));
        }
        // s = (m - 1) / (m + 1): m - 1 is exact (Sterbenz), m + 1 is carried as a double-double.
        double num = m - 1.0;
        double[] den = twoSum(m, 1.0);
        double[] s = ddDiv(num, 0.0, den[0], den[1]);
        double[] s2 = ddMul(s[0], s[1], s[0], s[1]);
        // Horner: p = sum_j s2^j / (2j+1).
        double pHi = COEF_HI[TERMS - 1];
        double pLo = COEF_LO[TERMS - 1];
        for (int j = TERMS - 2; j >= 0; j--) {
            double[] t = ddMul(pHi, pLo, s2[0], s2[1]);
            double[] u = ddAdd(t[0], t[1], COEF_HI[j], COEF_LO[j]);
            pHi = u[0];
            pLo = u[1];
        }
        double[] logM = ddMul(pHi, pLo, 2.0 * s[0], 2.0 * s[1]);
        if (k == 0) {
            return logM[0] + logM[1];
        }
        double[] kLn2 = ddMulScalar(LN2_HI, LN2_LO, k);
        double[] sum = ddAdd(kLn2[0], kLn2[1], logM[0], logM[1]);
        return sum[0] + sum[1];
    }

    private static double roundSum(double[] dd) {
        return dd[0] + dd[1];
    }

    private static double[] ddMulScalar(double hi, double lo, int k) {
        double p = hi * k;
        double e = Math.fma(hi, k, -p) + lo * k;
        return quickTwoSum(p, e);
    }

    private static double[] ddAdd(double aHi, double aLo, double bHi, double bLo) {
        // Accurate double-double addition: both parts summed error-free, then renormalised.
        double[] s = twoSum(aHi, bHi);
        double[] t = twoSum(aLo, bLo);
        double[] r = quickTwoSum(s[0], s[1] + t[0]);
        return quickTwoSum(r[0], r[1] + t[1]);
    }

    /** Knuth's error-free sum: {@code a + b == s + e} exactly. */
    private static double[] twoSum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        return new double[] {s, (a - (s - bb)) + (b - bb)};
    }

    private static double[] ddMul(double aHi, double aLo, double bHi, double bLo) {
        double p = aHi * bHi;
        double e = Math.fma(aHi, bHi, -p) + (aHi * bLo + aLo * bHi);
        return quickTwoSum(p, e);
    }

    private static double[] ddDiv(double aHi, double aLo, double bHi, double bLo) {
        // Three quotient digits, each remainder computed in double-double.
        double q1 = aHi / bHi;
        double[] qb = ddMul(q1, 0.0, bHi, bLo);
        double[] r = ddAdd(aHi, aLo, -qb[0], -qb[1]);
        double q2 = r[0] / bHi;
        qb = ddMul(q2, 0.0, bHi, bLo);
        r = ddAdd(r[0], r[1], -qb[0], -qb[1]);
        double q3 = r[0] / bHi;
        double[] q = quickTwoSum(q1, q2);
        return ddAdd(q[0], q[1], q3, 0.0);
    }

    private static double[] quickTwoSum(double a, double b) {
        double s = a + b;
        return new double[] {s, b - (s - a)};
    }
}
