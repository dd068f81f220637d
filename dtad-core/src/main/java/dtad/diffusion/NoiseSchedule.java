package dtad.diffusion;

/**
 * The DDPM noise schedule (Ho et al., 2020): {@code T} steps with betas linear from
 * {@code betaStart} to {@code betaEnd}, {@code alphaBar_t = prod_{s<=t} (1 - beta_s)} and noise
 * variance {@code sigma2_t = 1 - alphaBar_t}, for {@code t = 0..T-1}.
 *
 * <p>Two ways of noising a clean row {@code x0} use it:
 * <ul>
 *   <li>variance only (Diffusion Time Estimation): {@code x_t = x0 + sqrt(sigma2_t) eps};</li>
 *   <li>mean and variance (DDPM): {@code x_t = sqrt(alphaBar_t) x0 + sqrt(1 - alphaBar_t) eps}.</li>
 * </ul>
 * Every constant is computed once, in double precision, when the schedule is made.
 */
public final class NoiseSchedule {
    /** The betas of the DTE and DDPM reference implementations. */
    public static final double BETA_START = 1e-4;
    public static final double BETA_END = 1e-2;

    private final double[] betas;
    private final double[] alphaBars;

    private NoiseSchedule(double[] betas) {
        this.betas = betas;
        this.alphaBars = new double[betas.length];
        double product = 1;
        for (int t = 0; t < betas.length; t++) {
            product *= 1 - betas[t];
            alphaBars[t] = product;
        }
    }

    /** The reference schedule with {@code steps} steps (betas 1e-4 to 1e-2). */
    public static NoiseSchedule linear(int steps) {
        return linear(steps, BETA_START, BETA_END);
    }

    /** Betas spaced evenly from {@code betaStart} to {@code betaEnd} inclusive, as {@code torch.linspace}. */
    public static NoiseSchedule linear(int steps, double betaStart, double betaEnd) {
        if (steps < 2) {
            throw new IllegalArgumentException("Invalid number of diffusion steps: " + steps + " (at least 2)");
        }
        if (!(betaStart > 0 && betaEnd < 1 && betaStart <= betaEnd)) {
            throw new IllegalArgumentException("Invalid beta range: " + betaStart + " to " + betaEnd);
        }
        double[] betas = new double[steps];
        for (int t = 0; t < steps; t++) {
            betas[t] = betaStart + (betaEnd - betaStart) * t / (steps - 1);
        }
        return new NoiseSchedule(betas);
    }

    /** The number of steps T. */
    public int steps() {
        return betas.length;
    }

    public double beta(int t) {
        return betas[t];
    }

    /** {@code alphaBar_t = prod_{s<=t} (1 - beta_s)}. */
    public double alphaBar(int t) {
        return alphaBars[t];
    }

    /** The noise variance {@code sigma2_t = 1 - alphaBar_t}. */
    public double variance(int t) {
        return 1 - alphaBars[t];
    }

    /** Every {@code sigma2_t}, t = 0..T-1 (a copy). */
    public double[] variances() {
        double[] out = new double[betas.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = variance(t);
        }
        return out;
    }

    /** Every {@code alphaBar_t}, t = 0..T-1 (a copy). */
    public double[] alphaBars() {
        return alphaBars.clone();
    }

    /** Every {@code beta_t}, t = 0..T-1 (a copy). */
    public double[] betas() {
        return betas.clone();
    }

    /**
     * The variance of the reverse step's posterior {@code q(x_{t-1} | x_t, x0)}:
     * {@code beta_t (1 - alphaBar_{t-1}) / (1 - alphaBar_t)}, with {@code alphaBar_{-1} = 1}.
     */
    public double posteriorVariance(int t) {
        double previous = t == 0 ? 1 : alphaBars[t - 1];
        return betas[t] * (1 - previous) / (1 - alphaBars[t]);
    }
}
