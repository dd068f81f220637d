package dtad.classical;

/**
 * How one feature's tail scores {@code U_l = -log F_left(x)} and {@code U_r = -log F_right(x)} and the
 * sign of that feature's skewness become the feature's contribution to the row's score; the row's
 * score is the sum of the contributions. The one difference between {@link COPOD} and {@link ECOD} as
 * PyOD computes them.
 *
 * <p>Both use PyOD's skewness-corrected tail
 * {@code U_skew = -sign(s - 1) U_l + sign(s + 1) U_r} for a skewness sign {@code s}: the right tail
 * for positive skew, the left tail for negative skew, and {@code U_l + U_r} for skewness exactly 0
 * (which is also what dtad uses for constant columns, where PyOD gets NaN).
 */
enum TailRule {
    /** PyOD's COPOD: {@code max(U_skew, (U_l + U_r) / 2)}. */
    COPOD {
        @Override
        double combine(double left, double right, int skewSign) {
            return Math.max(skewed(left, right, skewSign), (left + right) / 2);
        }
    },
    /** PyOD's ECOD: {@code max(U_l, U_r, U_skew)} per feature. */
    ECOD {
        @Override
        double combine(double left, double right, int skewSign) {
            return Math.max(skewed(left, right, skewSign), Math.max(left, right));
        }
    };

    /** The contribution of one feature. */
    abstract double combine(double left, double right, int skewSign);

    static double skewed(double left, double right, int skewSign) {
        if (skewSign > 0) {
            return right;
        }
        if (skewSign < 0) {
            return left;
        }
        return left + right;
    }
}
