package dtad.torch.recon;

import java.util.HashSet;
import java.util.List;

/**
 * How a reconstruction detector's diffusion and scoring go: {@code steps} diffusion steps T with the
 * reference's linear betas ({@code 1e-4} to {@code 1e-2}, {@link dtad.diffusion.NoiseSchedule#linear(int)}),
 * and the reverse chain that scores a row (see {@link ReverseChain}).
 *
 * @param steps          diffusion steps T (reference 1000)
 * @param starts         {@code rec_t}: each start {@code s} runs a chain {@code t = s-1 .. 0} (reference: one
 *                       start, 250); with several, the score is the geometric mean of their errors
 * @param noiseFirst     noise the row to {@code t = s-1} before denoising (the reference starts from
 *                       the row itself: false)
 * @param fullPath       score the sum of squared step-to-step differences instead of the final error
 * @param posteriorNoise add {@code sqrt(posterior variance_t) z} at each step {@code t > 0}, as DDPM
 *                       sampling does; the reference's code has this term commented out (false)
 */
public record ReconstructionSettings(int steps, List<Integer> starts, boolean noiseFirst, boolean fullPath,
                                     boolean posteriorNoise) {
    /** The reference: T = 1000, rec_t = 250, from the row itself, final-step error, no sampling noise. */
    public static final ReconstructionSettings REFERENCE = new ReconstructionSettings(1000, List.of(250), false, false,
            false);
    /**
     * The image networks' default (ImageDDPM, ImageDiT; DDPM and DiT start at the reference's 250 since the
     * second start study of docs/fidelity.md): the reference with rec_t = 50. Over the 15 ADBench data sets of docs/fidelity.md
     * (seeds 0-2) it averaged 2 AUC-ROC points above 250 (far better on the embedding data sets, slightly
     * worse on some small classical ones), better than any combination of starts tried, and scores five
     * times faster.
     */
    public static final ReconstructionSettings DEFAULT = REFERENCE.withStarts(List.of(50));

    public ReconstructionSettings {
        if (steps < 2) {
            throw new IllegalArgumentException("Invalid number of diffusion steps: " + steps + " (at least 2)");
        }
        starts = List.copyOf(starts);
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("Missing reconstruction start rec_t");
        }
        for (int start : starts) {
            if (start < 1 || start > steps) {
                throw new IllegalArgumentException("Invalid reconstruction start rec_t: " + start + " (must be in 1.."
                        + steps + ")");
            }
        }
        if (new HashSet<>(starts).size() != starts.size()) {
            throw new IllegalArgumentException("Repeated reconstruction start in rec_t: " + starts);
        }
    }

    /** These settings with other starts. */
    public ReconstructionSettings withStarts(List<Integer> starts) {
        return new ReconstructionSettings(steps, starts, noiseFirst, fullPath, posteriorNoise);
    }

    /** The latest start: the reverse chain's constants are needed for {@code t < longest()}. */
    int longest() {
        return starts.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** Whether scoring draws any noise (and so needs the seed). */
    boolean random() {
        return noiseFirst || posteriorNoise;
    }
}
