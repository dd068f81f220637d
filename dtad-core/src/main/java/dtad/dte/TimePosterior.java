package dtad.dte;

import dtad.diffusion.NoiseSchedule;

/**
 * The non-parametric posterior over diffusion steps of DTE: for a row whose {@code K} nearest
 * training rows lie at mean squared distance {@code m}, in {@code d} features,
 * {@code log p(t | x) = -(a + 1) log sigma2_t - b / sigma2_t + const} with {@code a = d/2 - 1} and
 * {@code b = m/2} (an inverse-gamma density in {@code sigma2_t}), normalised over the schedule's
 * steps {@code t = 0..T-1}. Since {@code a + 1 = d/2}, the unnormalised weights are
 * {@code sigma2_t^(-d/2) exp(-m / (2 sigma2_t))}.
 *
 * <p>For {@code d <= 2} ({@code a <= 0}) the continuous inverse-gamma distribution is improper (the
 * reference's {@code scipy.stats.invgamma.logpdf} returns NaN there), but on the finite grid of steps
 * every weight is positive and finite, so the posterior is well defined for any {@code d >= 1} and
 * {@code m >= 0}. With {@code m = 0} the weights fall with {@code sigma2_t}: the mode is step 0 and
 * the posterior mean is the least any row can get. Raising {@code m} moves mass to later steps (the
 * weights have increasing differences in {@code (m, sigma2_t)}), so both the mode and the mean are
 * non-decreasing in {@code m}.
 *
 * <p>Computed in double precision with the largest log-weight subtracted before exponentiating, so
 * nothing overflows or becomes NaN for any finite {@code m >= 0}. Immutable.
 */
final class TimePosterior {
    private final double halfFeatures;
    private final double[] logVariances;
    private final double[] inverseVariances;

    TimePosterior(NoiseSchedule schedule, int features) {
        if (features < 1) {
            throw new IllegalArgumentException("Invalid number of features: " + features);
        }
        this.halfFeatures = features / 2.0;
        int steps = schedule.steps();
        this.logVariances = new double[steps];
        this.inverseVariances = new double[steps];
        for (int t = 0; t < steps; t++) {
            logVariances[t] = Math.log(schedule.variance(t));
            inverseVariances[t] = 1 / schedule.variance(t);
        }
    }

    int steps() {
        return logVariances.length;
    }

    /** The unnormalised log posterior of step {@code t}: {@code -(d/2) log sigma2_t - (m/2) / sigma2_t}. */
    double logWeight(double meanSquaredDistance, int t) {
        return -halfFeatures * logVariances[t] - 0.5 * meanSquaredDistance * inverseVariances[t];
    }

    /** The posterior mode: the step of largest posterior probability (the first one, if tied). */
    int mode(double meanSquaredDistance) {
        int best = 0;
        double bestWeight = logWeight(meanSquaredDistance, 0);
        for (int t = 1; t < logVariances.length; t++) {
            double w = logWeight(meanSquaredDistance, t);
            if (w > bestWeight) {
                best = t;
                bestWeight = w;
            }
        }
        return best;
    }

    /** The posterior mean of the step, {@code sum_t t p(t | x)}. */
    double mean(double meanSquaredDistance) {
        double[] p = new double[logVariances.length];
        probabilities(meanSquaredDistance, p, 0);
        double sum = 0;
        for (int t = 0; t < p.length; t++) {
            sum += t * p[t];
        }
        return sum;
    }

    /** Writes {@code p(t | x)}, t = 0..T-1, into {@code out[offset, offset + T)}; they sum to 1. */
    void probabilities(double meanSquaredDistance, double[] out, int offset) {
        int steps = logVariances.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < steps; t++) {
            out[offset + t] = logWeight(meanSquaredDistance, t);
            max = Math.max(max, out[offset + t]);
        }
        double sum = 0;
        for (int t = 0; t < steps; t++) {
            out[offset + t] = Math.exp(out[offset + t] - max);
            sum += out[offset + t];
        }
        for (int t = 0; t < steps; t++) {
            out[offset + t] /= sum;
        }
    }
}
