package dtad.torch.recon;

import dtad.method.ParameterTable;
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
 * @param score          how a start becomes an error: the reverse chain ({@link Score#CHAIN}, the reference) or
 *                       one denoising step from the noised row ({@link Score#ONE_STEP})
 * @param draws          {@link Score#ONE_STEP}: the noise draws per start, whose errors are averaged
 */
public record ReconstructionSettings(int steps, List<Integer> starts, boolean noiseFirst, boolean fullPath,
                                     boolean posteriorNoise, Score score, int draws) {

    /** How a start {@code s} of {@code rec_t} becomes a row's error (see {@link ReverseChain}). */
    public enum Score {
        /** The reverse chain {@code t = s-1 .. 0} from the row (or the noised row), as the reference. */
        CHAIN,
        /**
         * Noise the row to {@code t = s-1} ({@code draws} times) and reconstruct it in one step from the
         * predicted noise, {@code x0 = (x_t - sqrt(1 - alphaBar_t) eps_theta) / sqrt(alphaBar_t)}.
         */
        ONE_STEP
    }

    /** The reference: T = 1000, rec_t = 250, from the row itself, final-step error, no sampling noise. */
    public static final ReconstructionSettings REFERENCE = new ReconstructionSettings(1000, List.of(250), false, false,
            false);
    /** The reverse chain of the reference with these settings (no {@code score} or {@code draws} of their own). */
    public ReconstructionSettings(int steps, List<Integer> starts, boolean noiseFirst, boolean fullPath,
                                  boolean posteriorNoise) {
        this(steps, starts, noiseFirst, fullPath, posteriorNoise, Score.CHAIN, 1);
    }

    /**
     * The image networks' default (ImageDDPM, ImageDiT; DDPM and DiT start at the reference's 250 since the
     * second start study of docs/fidelity.md): the reference with rec_t = 50. Over the 15 ADBench data sets of docs/fidelity.md
     * (seeds 0-2) it averaged 2 AUC-ROC points above 250 (far better on the embedding data sets, slightly
     * worse on some small classical ones), better than any combination of starts tried, and scores five
     * times faster.
     */
    public static final ReconstructionSettings DEFAULT = REFERENCE.withStarts(List.of(50));
    /**
     * The image networks' default (ImageDDPM, ImageDiT): the one-step score from three noise levels,
     * {@code rec_t = 500, 800, 1000}, one draw each (three network passes per image), their errors'
     * geometric mean. On Fashion-MNIST one-class (ImageDiT seed 0, classes 0, 3, 5 and 1, docs/benchmarks.md)
     * it scored 89.3, 90.0, 87.3 and 96.3 AUC-ROC where the former default, the chain from the clean image
     * at {@code rec_t = 5}, scored 28.4, 35.6, 27.3 and 94.1: from so little noise a trained denoiser's error
     * follows how much fine texture an image has, not its class. {@code score=chain rec_t=5} restores it.
     */
    public static final ReconstructionSettings IMAGES = DEFAULT.withStarts(List.of(500, 800, 1000))
            .withScore(Score.ONE_STEP, 1);

    /** Checked by the declared keys ({@link ReconstructionParameters#STEPS}, {@link ReconstructionParameters#REC_T}). */
    public ReconstructionSettings {
        ReconstructionParameters.STEPS.require(steps);
        starts = List.copyOf(ReconstructionParameters.REC_T.require(starts, ReconstructionParameters.STEPS.is(steps)));
        if (score == null) {
            throw new IllegalArgumentException("Missing score");
        }
        ReconstructionParameters.DRAWS.require(draws);
    }

    /** {@code settings} with these settings set key by key. */
    public <D> ParameterTable.Settings<D> setIn(ParameterTable.Settings<D> settings) {
        return settings.set(ReconstructionParameters.STEPS, steps).set(ReconstructionParameters.REC_T, starts)
                .set(ReconstructionParameters.NOISE_FIRST, noiseFirst).set(ReconstructionParameters.FULL_PATH, fullPath)
                .set(ReconstructionParameters.POSTERIOR_NOISE, posteriorNoise)
                .set(ReconstructionParameters.SCORE, score).set(ReconstructionParameters.DRAWS, draws);
    }

    /** These settings with other starts. */
    public ReconstructionSettings withStarts(List<Integer> starts) {
        return new ReconstructionSettings(steps, starts, noiseFirst, fullPath, posteriorNoise, score, draws);
    }

    /** These settings scoring by {@code score} with {@code draws} noise draws per start. */
    public ReconstructionSettings withScore(Score score, int draws) {
        return new ReconstructionSettings(steps, starts, noiseFirst, fullPath, posteriorNoise, score, draws);
    }

    /** The latest start: the reverse chain's constants are needed for {@code t < longest()}. */
    int longest() {
        return starts.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** Whether scoring draws any noise (and so needs the seed). */
    boolean random() {
        return noiseFirst || posteriorNoise || score == Score.ONE_STEP;
    }
}
