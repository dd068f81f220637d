package dtad.torch.recon;

import dtad.method.Constraint;
import dtad.method.Family;
import dtad.method.Method;
import dtad.method.Parameter;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.torch.NetworkParameters;
import dtad.torch.TrainingSettings;

/**
 * DDPM reconstruction, as the baseline of Livernoche et al. (ICLR 2024, {@code diffusion/ddpm.py}): a
 * {@link TabularResNet} learns to predict the noise of "mean and variance" noised training rows
 * ({@link NoisePrediction}, T = 1000, betas 1e-4 to 1e-2); a row is scored by the squared error of its
 * reconstruction by the reverse chain from {@code t = rec_t - 1} ({@link ReverseChain}). Higher = more
 * anomalous; scores are mean squared differences of standardized values, in {@code [0, inf)}.
 *
 * <p>Defaults are the reference's (width 128, 3 blocks of width 256, dropouts 0.4 / 0.1, time
 * embedding 256; up to 400 epochs of batch 64 with the last partial batch dropped, Adam lr 1e-4 with L2
 * weight decay 5e-4, the reference's early stop; from the row itself, no sampling noise, the
 * final-step error, the chain from {@code rec_t = 250}: within the published band on all 28 published data
 * sets measured, where 50 was on 20; docs/fidelity.md). {@code rec_t=50} scores five times faster and was
 * better on the ResNet/BERT embedding data sets.
 *
 * @param reconstruction the diffusion and the scoring chain
 * @param width          the ResNet's main width (d_main)
 * @param blockWidth     the hidden width of each residual block (d_hidden)
 * @param blocks         the number of residual blocks
 * @param dropoutFirst   dropout after each block's first layer
 * @param dropoutSecond  dropout after each block's second layer
 * @param timeDim        the width of the time embedding
 * @param training       epochs, batch (at least 2, for BatchNorm), optimizer, seed, drop-last
 * @param earlyStop      the reference's early stop ({@link ReferenceStopping})
 */
public record DDPM(ReconstructionSettings reconstruction, int width, int blockWidth, int blocks, double dropoutFirst,
                   double dropoutSecond, int timeDim, TrainingSettings training, boolean earlyStop)
        implements ReconstructionDetector {

    /** {@code width}: the reference's d_main. */
    public static final Parameter<DDPM, Integer> WIDTH = Parameter.of("width", ParameterType.INTEGER, 128,
            Constraint.atLeast(1), "ResNet main width (d_main)", DDPM::width);
    /** {@code block_width}: the reference's d_hidden. */
    public static final Parameter<DDPM, Integer> BLOCK_WIDTH = Parameter.of("block_width", ParameterType.INTEGER, 256,
            Constraint.atLeast(1), "hidden width of each residual block (d_hidden)", DDPM::blockWidth);
    /** {@code blocks}: the reference's 3. */
    public static final Parameter<DDPM, Integer> BLOCKS = Parameter.of("blocks", ParameterType.INTEGER, 3,
            Constraint.atLeast(1), "residual blocks", DDPM::blocks);
    /** {@code dropout_first}: the reference's 0.4. */
    public static final Parameter<DDPM, Double> DROPOUT_FIRST = Parameter.of("dropout_first", ParameterType.REAL, 0.4,
            Constraint.closedOpen(0, 1), "dropout after each block's first layer", DDPM::dropoutFirst);
    /** {@code dropout_second}: the reference's 0.1. */
    public static final Parameter<DDPM, Double> DROPOUT_SECOND = Parameter.of("dropout_second", ParameterType.REAL,
            0.1, Constraint.closedOpen(0, 1), "dropout after each block's second layer", DDPM::dropoutSecond);
    /** {@code time_dim}: the reference's 256. */
    public static final Parameter<DDPM, Integer> TIME_DIM = ReconstructionParameters.TIME_DIM.bind(256, DDPM::timeDim);
    /** DDPM's further rule on the shared {@code batch} key: BatchNorm needs two rows per batch. */
    static final Constraint<Integer> BATCH_NORM_BATCH = Constraint.atLeast(2).note("BatchNorm needs 2 rows");

    public static final Method<DDPM> METHOD = new Method<>("DDPM", Family.RECONSTRUCTION,
            "Reconstruction error of a denoising diffusion model with a tabular ResNet (reverse chain from rec_t)",
            ReconstructionParameters.REFERENCE, ReconstructionParameters.addTraining(
                    ReconstructionParameters.addReconstruction(ParameterTable.<DDPM>builder(), ReconstructionSettings.REFERENCE)
                            .add(WIDTH).add(BLOCK_WIDTH).add(BLOCKS).add(DROPOUT_FIRST).add(DROPOUT_SECOND).add(TIME_DIM),
                    ReconstructionParameters.TRAINING, true, BATCH_NORM_BATCH)
                    .build(v -> new DDPM(ReconstructionParameters.reconstruction(v), v.get(WIDTH), v.get(BLOCK_WIDTH),
                            v.get(BLOCKS), v.get(DROPOUT_FIRST), v.get(DROPOUT_SECOND), v.get(TIME_DIM),
                            ReconstructionParameters.training(v), v.get(ReconstructionParameters.EARLY_STOP))),
            ReconstructionModel::load);

    public DDPM {
        ReconstructionParameters.requireTabular(reconstruction, training);
        WIDTH.require(width);
        BLOCK_WIDTH.require(blockWidth);
        BLOCKS.require(blocks);
        DROPOUT_FIRST.require(dropoutFirst);
        DROPOUT_SECOND.require(dropoutSecond);
        TIME_DIM.require(timeDim);
        NetworkParameters.BATCH.require(training.batchSize(), BATCH_NORM_BATCH);
    }

    /** The reference configuration. */
    public static DDPM defaults() {
        return METHOD.defaults();
    }

    /** Settings by name, from the defaults: {@code DDPM.builder().set(WIDTH, 64).build()}. */
    public static ParameterTable.Settings<DDPM> builder() {
        return METHOD.parameters().settings();
    }

    /** Settings by name, from this configuration. */
    public ParameterTable.Settings<DDPM> toBuilder() {
        return METHOD.parameters().settings(this);
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    @Override
    public Denoiser denoiser(int features) {
        return new TabularResNet(features, width, blockWidth, blocks, dropoutFirst, dropoutSecond, timeDim);
    }
}
