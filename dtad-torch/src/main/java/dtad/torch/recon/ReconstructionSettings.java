package dtad.torch.recon;

/**
 * How a reconstruction detector's diffusion and scoring go: {@code steps} diffusion steps T with the
 * reference's linear betas ({@code 1e-4} to {@code 1e-2}, {@link dtad.diffusion.NoiseSchedule#linear(int)}),
 * and the reverse chain that scores a row (see {@link ReverseChain}).
 *
 * @param steps          diffusion steps T (reference 1000)
 * @param start          {@code rec_t}: the chain runs {@code t = start-1 .. 0} (reference 250)
 * @param noiseFirst     noise the row to {@code t = start-1} before denoising (the reference starts from
 *                       the row itself: false)
 * @param fullPath       score the sum of squared step-to-step differences instead of the final error
 * @param posteriorNoise add {@code sqrt(posterior variance_t) z} at each step {@code t > 0}, as DDPM
 *                       sampling does; the reference's code has this term commented out (false)
 */
public record ReconstructionSettings(int steps, int start, boolean noiseFirst, boolean fullPath,
                                     boolean posteriorNoise) {
    /** The reference: T = 1000, rec_t = 250, from the row itself, final-step error, no sampling noise. */
    public static final ReconstructionSettings REFERENCE = new ReconstructionSettings(1000, 250, false, false, false);

    public ReconstructionSettings {
        if (steps < 2) {
            throw new IllegalArgumentException("Invalid number of diffusion steps: " + steps + " (at least 2)");
        }
        if (start < 1 || start > steps) {
            throw new IllegalArgumentException("Invalid reconstruction start rec_t: " + start + " (must be in 1.."
                    + steps + ")");
        }
    }

    /** Whether scoring draws any noise (and so needs the seed). */
    boolean random() {
        return noiseFirst || posteriorNoise;
    }
}
