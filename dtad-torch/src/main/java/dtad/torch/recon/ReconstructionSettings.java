package dtad.torch.recon;

import dtad.method.ParameterTable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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
 * @param localStart     images ({@code local_t}): the start of a reverse chain from the image whose smoothed error
 *                       map's peak raises the score where it exceeds every training image's ({@link LocalPeak}); 0:
 *                       none
 * @param trainTimes     {@code train_t}: the diffusion times the fit draws, every one or those the score reads
 * @param smooth         images ({@code smooth}), {@link Score#ONE_STEP}: the standard deviation in pixels of the Gaussian
 *                       that smooths each draw's signed residual before it is squared ({@link ResidualSmoothing});
 *                       0: none
 */
public record ReconstructionSettings(int steps, List<Integer> starts, boolean noiseFirst, boolean fullPath,
                                     boolean posteriorNoise, Score score, int draws, int localStart,
                                     TrainTimes trainTimes, double smooth) {

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

    /** Which diffusion times the fit trains the denoiser at ({@link #trainingTimes()}). */
    public enum TrainTimes {
        /** Every time {@code 0..T-1}, as the reference. */
        ALL,
        /**
         * The times the score reads: below the latest start of a chain; from {@value #ONE_STEP_MARGIN} of the
         * earliest one-step start on (one step from {@code s} reads {@code s-1}, and a margin below it lets the
         * network learn the times around it); below {@code local_t}, the local chain's. On Fashion-MNIST one-class
         * ImageDiT gained 0.4 AUC-ROC points (six classes), but the local chain's maps of small defects lost up to
         * 0.17 of pixel AUC-ROC (docs/benchmarks.md, "Training at the scored times"): not a default.
         */
        SCORED;

        /** The share of the earliest one-step start from which {@link #SCORED} trains: 500 trains from 400. */
        static final double ONE_STEP_MARGIN = 0.8;
    }

    /** The reference: T = 1000, rec_t = 250, from the row itself, final-step error, no sampling noise. */
    public static final ReconstructionSettings REFERENCE = new ReconstructionSettings(1000, List.of(250), false, false,
            false);
    /** The reverse chain of the reference with these settings (no {@code score} or {@code draws} of their own). */
    public ReconstructionSettings(int steps, List<Integer> starts, boolean noiseFirst, boolean fullPath,
                                  boolean posteriorNoise) {
        this(steps, starts, noiseFirst, fullPath, posteriorNoise, Score.CHAIN, 1);
    }

    /** These settings without a local term or smoothing, training at every time. */
    public ReconstructionSettings(int steps, List<Integer> starts, boolean noiseFirst, boolean fullPath,
                                  boolean posteriorNoise, Score score, int draws) {
        this(steps, starts, noiseFirst, fullPath, posteriorNoise, score, draws, 0, TrainTimes.ALL, 0);
    }

    /**
     * The reference from rec_t = 50: over the 15 ADBench data sets of docs/fidelity.md's first start study (seeds
     * 0-2) 2 AUC-ROC points above 250 (far better on the embedding data sets), but outside the published band on
     * 8 of 28 published sets where 250 is inside on all; DDPM and DiT start at 250 since.
     */
    public static final ReconstructionSettings DEFAULT = REFERENCE.withStarts(List.of(50));
    /**
     * ImageDiT's default score (ImageDDPM's without the local term): the one-step score from three noise levels,
     * {@code rec_t = 500, 800, 1000}, four noise draws each (twelve network passes per image), their errors'
     * geometric mean. The draws average out the noise of a single draw: on the whole Fashion-MNIST test split
     * ImageDDPM's classes 0 and 5 scored 87.50 and 85.27 with one draw, 88.31 and 85.78 with four, 88.34 and 85.83
     * with eight (ImageDiT, class 0, 60 epochs: 89.61 and 89.99). On Fashion-MNIST one-class (ImageDiT seed 0,
     * classes 0, 3, 5 and 1, docs/benchmarks.md) the one-step score with one draw scored 89.3, 90.0, 87.3 and 96.3
     * AUC-ROC where the former default, the chain from the clean image
     * at {@code rec_t = 5}, scored 28.4, 35.6, 27.3 and 94.1: from so little noise a trained denoiser's error
     * follows how much fine texture an image has, not its class. {@code score=chain rec_t=5} restores it.
     * From so much noise small defects vanish (textures with scratches and stains, 128 px: image AUC-ROC 0.53,
     * pixel 0.53), so the local term of the chain from {@code t = 25} ({@code local_t}, {@link LocalPeak}) adds
     * them back without costing the classes (docs/benchmarks.md, "One image score for both kinds of anomaly").
     * Each draw's residual is smoothed by a Gaussian of 1.25 pixels before it is squared ({@code smooth},
     * {@link ResidualSmoothing}): on 2,500 Fashion-MNIST test images the same ImageDiT fits (seed 0, classes 0, 3, 5
     * and 8) scored 87.01 on average unsmoothed and 91.58 smoothed, two ImageDDPM fits 88.67 and 92.21
     * (docs/benchmarks.md, "Smoothing the residual").
     */
    public static final ReconstructionSettings IMAGES = DEFAULT.withStarts(List.of(500, 800, 1000))
            .withScore(Score.ONE_STEP, 4).withLocalStart(25).withSmoothing(1.25);

    /** Checked by the declared keys ({@link ReconstructionParameters#STEPS}, {@link ReconstructionParameters#REC_T}). */
    public ReconstructionSettings {
        ReconstructionParameters.STEPS.require(steps);
        starts = List.copyOf(ReconstructionParameters.REC_T.require(starts, ReconstructionParameters.STEPS.is(steps)));
        if (score == null) {
            throw new IllegalArgumentException("Missing score");
        }
        ReconstructionParameters.DRAWS.require(draws);
        ReconstructionParameters.LOCAL_T.require(localStart, ReconstructionParameters.STEPS.is(steps));
        if (trainTimes == null) {
            throw new IllegalArgumentException("Missing train_t");
        }
        ReconstructionParameters.SMOOTH.require(smooth);
    }

    /** {@code settings} with these settings set key by key. */
    public <D> ParameterTable.Settings<D> setIn(ParameterTable.Settings<D> settings) {
        settings = settings.set(ReconstructionParameters.STEPS, steps).set(ReconstructionParameters.REC_T, starts)
                .set(ReconstructionParameters.NOISE_FIRST, noiseFirst).set(ReconstructionParameters.FULL_PATH, fullPath)
                .set(ReconstructionParameters.POSTERIOR_NOISE, posteriorNoise)
                .set(ReconstructionParameters.SCORE, score).set(ReconstructionParameters.DRAWS, draws)
                .set(ReconstructionParameters.TRAIN_T, trainTimes);
        if (settings.declares(ReconstructionParameters.LOCAL_T)) {
            return settings.set(ReconstructionParameters.LOCAL_T, localStart)
                    .set(ReconstructionParameters.SMOOTH, smooth);
        }
        if (localStart != 0) {
            throw new IllegalArgumentException(ReconstructionParameters.LOCAL_T_IMAGES_ONLY);
        }
        if (smooth != 0) {
            throw new IllegalArgumentException(ReconstructionParameters.SMOOTH_IMAGES_ONLY);
        }
        return settings;
    }

    /** These settings with other starts. */
    public ReconstructionSettings withStarts(List<Integer> starts) {
        return new ReconstructionSettings(steps, starts, noiseFirst, fullPath, posteriorNoise, score, draws, localStart,
                trainTimes, smooth);
    }

    /** These settings scoring by {@code score} with {@code draws} noise draws per start. */
    public ReconstructionSettings withScore(Score score, int draws) {
        return new ReconstructionSettings(steps, starts, noiseFirst, fullPath, posteriorNoise, score, draws, localStart,
                trainTimes, smooth);
    }

    /** These settings with the local term of the chain from {@code localStart} (0: none). */
    public ReconstructionSettings withLocalStart(int localStart) {
        return new ReconstructionSettings(steps, starts, noiseFirst, fullPath, posteriorNoise, score, draws, localStart,
                trainTimes, smooth);
    }

    /** These settings training at {@code trainTimes}. */
    public ReconstructionSettings withTrainTimes(TrainTimes trainTimes) {
        return new ReconstructionSettings(steps, starts, noiseFirst, fullPath, posteriorNoise, score, draws, localStart,
                trainTimes, smooth);
    }

    /** These settings smoothing the one-step residuals of images with a Gaussian of {@code smooth} pixels (0: none). */
    public ReconstructionSettings withSmoothing(double smooth) {
        return new ReconstructionSettings(steps, starts, noiseFirst, fullPath, posteriorNoise, score, draws, localStart,
                trainTimes, smooth);
    }

    /** The diffusion times the fit draws from, uniformly, in increasing order (see {@link TrainTimes}). */
    int[] trainingTimes() {
        if (trainTimes == TrainTimes.ALL) {
            return IntStream.range(0, steps).toArray();
        }
        boolean[] read = new boolean[steps];
        if (score == Score.CHAIN) {
            Arrays.fill(read, 0, longest(), true);
        } else {
            int earliest = starts.stream().mapToInt(Integer::intValue).min().orElseThrow();
            int from = Math.min(earliest - 1, (int) Math.round(TrainTimes.ONE_STEP_MARGIN * earliest));
            Arrays.fill(read, from, steps, true);
        }
        Arrays.fill(read, 0, localStart, true);
        return IntStream.range(0, steps).filter(t -> read[t]).toArray();
    }

    /** The plain reverse chain from the image at {@link #localStart()}, the local term's. */
    ReconstructionSettings localChain() {
        return new ReconstructionSettings(steps, List.of(localStart), false, false, false);
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
