package dtad.torch.recon;

import dtad.method.Family;
import dtad.method.Method;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;
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

    public static final Method<DDPM> METHOD = new Method<>("DDPM", Family.RECONSTRUCTION,
            "Reconstruction error of a denoising diffusion model with a tabular ResNet (reverse chain from rec_t)",
            ReconstructionParameters.REFERENCE, ReconstructionParameters.addTraining(
                    ReconstructionParameters.addReconstruction(ParameterTable.<DDPM>builder(), ReconstructionSettings.REFERENCE)
                            .add("width", ParameterType.INTEGER, 128, ">= 1", "ResNet main width (d_main)",
                                    DDPM::width)
                            .add("block_width", ParameterType.INTEGER, 256, ">= 1",
                                    "hidden width of each residual block (d_hidden)", DDPM::blockWidth)
                            .add("blocks", ParameterType.INTEGER, 3, ">= 1", "residual blocks", DDPM::blocks)
                            .add("dropout_first", ParameterType.REAL, 0.4, "[0, 1)",
                                    "dropout after each block's first layer", DDPM::dropoutFirst)
                            .add("dropout_second", ParameterType.REAL, 0.1, "[0, 1)",
                                    "dropout after each block's second layer", DDPM::dropoutSecond)
                            .add("time_dim", ParameterType.INTEGER, 256, ">= 2", "width of the time embedding",
                                    DDPM::timeDim))
                    .build(v -> new DDPM(ReconstructionParameters.reconstruction(v), v.integer("width"),
                            v.integer("block_width"), v.integer("blocks"), v.real("dropout_first"),
                            v.real("dropout_second"), v.integer("time_dim"), ReconstructionParameters.training(v),
                            v.bool("early_stop"))),
            ReconstructionModel::load);

    public DDPM {
        ReconstructionParameters.requireCommon(reconstruction, training);
        ReconstructionParameters.requirePositive("width", width);
        ReconstructionParameters.requirePositive("block width", blockWidth);
        ReconstructionParameters.requirePositive("number of blocks", blocks);
        ReconstructionParameters.requireDropout("dropout_first", dropoutFirst);
        ReconstructionParameters.requireDropout("dropout_second", dropoutSecond);
        if (timeDim < 2) {
            throw new IllegalArgumentException("Invalid time embedding width: " + timeDim + " (at least 2)");
        }
        if (training.batchSize() < 2) {
            throw new IllegalArgumentException("Invalid batch size: " + training.batchSize()
                    + " (BatchNorm needs at least 2 rows per batch)");
        }
    }

    /** The reference configuration. */
    public static DDPM defaults() {
        return METHOD.defaults();
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
