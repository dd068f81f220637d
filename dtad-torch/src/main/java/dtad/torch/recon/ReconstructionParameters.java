package dtad.torch.recon;

import dtad.method.Constraint;
import dtad.method.ParameterKey;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.method.ParameterValues;
import dtad.torch.NetworkParameters;
import dtad.torch.TrainingSettings;
import java.util.List;

/**
 * The parameter keys DDPM, DiT and their image variants declare alike, each declared once: the
 * diffusion and scoring chain ({@link ReconstructionSettings} checks its values by these keys), the
 * training ({@code early_stop}, and {@code drop_last} of {@link NetworkParameters}), and the width of
 * the time embedding. Each method binds them to its own defaults.
 */
public final class ReconstructionParameters {
    static final String REFERENCE = "Livernoche, Jain, Hezaveh, Ravanbakhsh. On Diffusion Modeling for Anomaly "
            + "Detection. ICLR 2024. arXiv:2305.18593 (DDPM baseline, diffusion/ddpm.py); Ho, Jain, Abbeel. "
            + "Denoising Diffusion Probabilistic Models. NeurIPS 2020";
    /** The reference's training: up to 400 epochs of batch 64 (last partial batch dropped), Adam 1e-4, L2 5e-4. */
    static final TrainingSettings TRAINING = new TrainingSettings(400, 64, 1e-4, 5e-4, 0, true);

    /** Diffusion steps T. */
    public static final ParameterKey<Integer> STEPS = ParameterKey.of("steps", ParameterType.INTEGER,
            Constraint.atLeast(2), "diffusion steps T (linear betas 1e-4 to 1e-2)");
    /** The starts of the reverse chains, each in 1..steps. */
    public static final ParameterKey<List<Integer>> REC_T = ParameterKey.of("rec_t", ParameterType.POSITIVE_INTEGERS,
            Constraint.each(Constraint.between(1, STEPS)).and(Constraint.distinct()),
            "reconstruction start(s): a reverse chain t = s-1 .. 0 per start s; several: geometric mean "
                    + "of their errors (the reference: 250)");
    /** Whether a chain starts from the noised row. */
    public static final ParameterKey<Boolean> NOISE_FIRST = ParameterKey.of("noise_first", ParameterType.BOOLEAN,
            Constraint.none(), "noise the row to t = s-1 before denoising (the reference starts from the row itself)");
    /** Whether the score sums the step-to-step differences. */
    public static final ParameterKey<Boolean> FULL_PATH = ParameterKey.of("full_path", ParameterType.BOOLEAN,
            Constraint.none(), "score the summed squared step-to-step differences instead of the final error");
    /** Whether each step adds the posterior noise. */
    public static final ParameterKey<Boolean> POSTERIOR_NOISE = ParameterKey.of("posterior_noise",
            ParameterType.BOOLEAN, Constraint.none(),
            "add sqrt(posterior variance) z at each step t > 0 (commented out in the reference)");
    /** How a start becomes an error: the reverse chain or one step. */
    public static final ParameterKey<ReconstructionSettings.Score> SCORE = ParameterKey.of("score",
            ParameterType.choice(ReconstructionSettings.Score.class), Constraint.none(),
            "chain: the reverse chain from each start (the reference); one_step: noise the row to t = s-1 and "
                    + "reconstruct it in one step from the predicted noise");
    /** The noise draws per start of the one-step score. */
    public static final ParameterKey<Integer> DRAWS = ParameterKey.of("draws", ParameterType.INTEGER,
            Constraint.atLeast(1), "score=one_step: noise draws per start, their errors averaged");
    /** Images: the start of the chain whose error map's peak raises the score ({@link LocalPeak}); 0: none. */
    public static final ParameterKey<Integer> LOCAL_T = ParameterKey.of("local_t", ParameterType.INTEGER,
            Constraint.between(0, STEPS).note("0 = none"), "images: a reverse chain t = s-1 .. 0 from the image, whose "
                    + "smoothed error map's peak raises the score where it exceeds every training image's (small "
                    + "local defects); 0: none");
    /** Which diffusion times the fit trains at. */
    public static final ParameterKey<ReconstructionSettings.TrainTimes> TRAIN_T = ParameterKey.of("train_t",
            ParameterType.choice(ReconstructionSettings.TrainTimes.class), Constraint.none(),
            "diffusion times the fit trains at: all (the reference), or scored: those the score reads (below a chain's "
                    + "start; from 80% of the earliest one-step start on; below local_t)");
    /** Images, one-step score: the Gaussian that smooths each draw's residual, in pixels; 0: none. */
    public static final ParameterKey<Double> SMOOTH = ParameterKey.of("smooth", ParameterType.REAL,
            Constraint.atLeast(0.0).note("0 = none"), "images, score=one_step: standard deviation in pixels of the "
                    + "Gaussian that smooths each draw's signed reconstruction residual before it is squared; 0: none");
    /** Why a tabular network refuses {@link #LOCAL_T}: its map needs an image's shape. */
    static final String LOCAL_T_IMAGES_ONLY = "local_t is for image networks only";
    /** Why a tabular network refuses {@link #SMOOTH}: it smooths over an image's pixels. */
    static final String SMOOTH_IMAGES_ONLY = "smooth is for image networks only";
    /** Whether the reference's early stop ends the fit. */
    public static final ParameterKey<Boolean> EARLY_STOP = ParameterKey.of("early_stop", ParameterType.BOOLEAN,
            Constraint.none(), "after epoch 51, stop when the epoch's mean loss exceeds the one 39 epochs earlier "
                    + "(as the reference)");
    /** The width of the time embedding. */
    public static final ParameterKey<Integer> TIME_DIM = ParameterKey.of("time_dim", ParameterType.INTEGER,
            Constraint.atLeast(2), "width of the time embedding");

    private ReconstructionParameters() {
    }

    static <D extends ReconstructionDetector> ParameterTable.Builder<D> addReconstruction(
            ParameterTable.Builder<D> builder) {
        return addReconstruction(builder, ReconstructionSettings.DEFAULT);
    }

    /** Declares the diffusion and chain parameters with the defaults {@code r}. */
    static <D extends ReconstructionDetector> ParameterTable.Builder<D> addReconstruction(
            ParameterTable.Builder<D> builder, ReconstructionSettings r) {
        return builder
                .add(STEPS, r.steps(), d -> d.reconstruction().steps())
                .add(REC_T, r.starts(), d -> d.reconstruction().starts())
                .add(NOISE_FIRST, r.noiseFirst(), d -> d.reconstruction().noiseFirst())
                .add(FULL_PATH, r.fullPath(), d -> d.reconstruction().fullPath())
                .add(POSTERIOR_NOISE, r.posteriorNoise(), d -> d.reconstruction().posteriorNoise())
                // Model files written before these keys scored by the chain.
                .add(SCORE.<D>bind(r.score(), d -> d.reconstruction().score())
                        .inOlderModelFiles(ReconstructionSettings.Score.CHAIN))
                .add(DRAWS.<D>bind(r.draws(), d -> d.reconstruction().draws()).inOlderModelFiles(1))
                // Model files written before this key trained at every time.
                .add(TRAIN_T.<D>bind(r.trainTimes(), d -> d.reconstruction().trainTimes())
                        .inOlderModelFiles(ReconstructionSettings.TrainTimes.ALL));
    }

    /** Declares the image networks' chain parameters with the defaults {@code r}, {@link #LOCAL_T} and {@link #SMOOTH} too. */
    static <D extends ReconstructionDetector> ParameterTable.Builder<D> addImageReconstruction(
            ParameterTable.Builder<D> builder, ReconstructionSettings r) {
        // Model files written before local_t had no local term, those before smooth no smoothing.
        return addReconstruction(builder, r)
                .add(LOCAL_T.<D>bind(r.localStart(), d -> d.reconstruction().localStart()).inOlderModelFiles(0))
                .add(SMOOTH.<D>bind(r.smooth(), d -> d.reconstruction().smooth()).inOlderModelFiles(0.0));
    }

    static <D extends ReconstructionDetector> ParameterTable.Builder<D> addTraining(ParameterTable.Builder<D> builder) {
        return addTraining(builder, TRAINING, true, Constraint.none());
    }

    /** Declares the training parameters with the given defaults and a further rule on {@code batch}. */
    static <D extends ReconstructionDetector> ParameterTable.Builder<D> addTraining(ParameterTable.Builder<D> builder,
                                                                                 TrainingSettings defaults,
                                                                                 boolean earlyStop,
                                                                                 Constraint<Integer> batchRule) {
        ParameterTable.Builder<D> training = NetworkParameters.addTraining(builder, defaults,
                        ReconstructionDetector::training, batchRule)
                .add(NetworkParameters.DROP_LAST, defaults.dropLast(), d -> d.training().dropLast());
        return NetworkParameters.addEma(training, defaults, ReconstructionDetector::training)
                .add(EARLY_STOP, earlyStop, ReconstructionDetector::earlyStop);
    }

    static ReconstructionSettings reconstruction(ParameterValues v) {
        return new ReconstructionSettings(v.get(STEPS), v.get(REC_T), v.get(NOISE_FIRST), v.get(FULL_PATH),
                v.get(POSTERIOR_NOISE), v.get(SCORE), v.get(DRAWS)).withTrainTimes(v.get(TRAIN_T));
    }

    /** {@link #reconstruction} with the image networks' {@link #LOCAL_T} and {@link #SMOOTH}. */
    static ReconstructionSettings imageReconstruction(ParameterValues v) {
        return reconstruction(v).withLocalStart(v.get(LOCAL_T)).withSmoothing(v.get(SMOOTH));
    }

    static TrainingSettings training(ParameterValues v) {
        return NetworkParameters.training(v).withDropLast(v.get(NetworkParameters.DROP_LAST))
                .withEma(v.get(NetworkParameters.EMA));
    }

    /** As {@link #requireCommon}, for the tabular networks: no local term or smoothing, which need an image's shape. */
    static void requireTabular(ReconstructionSettings reconstruction, TrainingSettings training) {
        requireCommon(reconstruction, training);
        if (reconstruction.localStart() != 0) {
            throw new IllegalArgumentException(LOCAL_T_IMAGES_ONLY);
        }
        if (reconstruction.smooth() != 0) {
            throw new IllegalArgumentException(SMOOTH_IMAGES_ONLY);
        }
    }

    static void requireCommon(ReconstructionSettings reconstruction, TrainingSettings training) {
        if (reconstruction == null) {
            throw new IllegalArgumentException("Missing reconstruction settings");
        }
        if (training == null) {
            throw new IllegalArgumentException("Missing training settings");
        }
    }
}
