package dtad.torch.recon;

import dtad.method.Family;
import dtad.method.Method;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.torch.TrainingSettings;

/**
 * DiT reconstruction: the objective and scoring of {@link DDPM} with a transformer denoiser
 * ({@link DiffusionTransformer}, Peebles and Xie, ICCV 2023) over tokens of {@code patch} features
 * ({@link Tokenizer}). Higher = more anomalous.
 *
 * <p>Defaults, small enough for a CPU: hidden 64, depth 2, 4 heads, MLP ratio 4, time embedding 256,
 * and the automatic patch (at most 32 tokens). Cost per row and network evaluation, with {@code n}
 * tokens: about {@code depth (12 hidden^2 n + 2 hidden n^2)} multiply-adds (98 K per token at the
 * defaults, plus attention: 0.6 M for 6 tokens, 3.4 M for 32), against about 200 K per row for DDPM's
 * ResNet; a chain of {@code rec_t} steps multiplies it. DiT's own smallest model (hidden 384, depth
 * 12) and the first defaults here (hidden 128, depth 4: 47.6 ms per training step at d = 6) are too
 * slow for a CPU benchmark; hidden 64, depth 2 is eight times cheaper (7.3 ms) and scored thyroid as
 * well. Training as DDPM (400 epochs at most, batch 64 with drop-last, Adam 1e-4 / 5e-4, the
 * reference's early stop).
 *
 * @param reconstruction the diffusion and the scoring chain
 * @param patch          features per token; 0 chooses the smallest giving at most 32 tokens
 * @param hidden         the token width (a multiple of 2 heads)
 * @param depth          the number of transformer blocks
 * @param heads          attention heads
 * @param mlpRatio       the MLP's width as a multiple of {@code hidden}
 * @param timeDim        the width of the sinusoidal time embedding
 * @param training       epochs, batch, optimizer, seed, drop-last
 * @param earlyStop      the reference's early stop ({@link ReferenceStopping})
 */
public record DiT(ReconstructionSettings reconstruction, int patch, int hidden, int depth, int heads, int mlpRatio,
                  int timeDim, TrainingSettings training, boolean earlyStop) implements ReconstructionDetector {

    public static final Method<DiT> METHOD = new Method<>("DiT", Family.RECONSTRUCTION,
            "Reconstruction error of a denoising diffusion model with a transformer (DiT, adaLN-Zero) denoiser",
            ReconstructionParameters.REFERENCE + "; Peebles, Xie. Scalable Diffusion Models with Transformers. "
                    + "ICCV 2023. arXiv:2212.09748", ReconstructionParameters.addTraining(
                    ReconstructionParameters.addReconstruction(ParameterTable.<DiT>builder(), ReconstructionSettings.REFERENCE)
                            .add("patch", ParameterType.INTEGER, 0, ">= 0 (0 = auto)",
                                    "features per token; 0: the smallest giving at most 32 tokens", DiT::patch)
                            .add("hidden", ParameterType.INTEGER, 64, "multiple of 2 heads", "token width",
                                    DiT::hidden)
                            .add("depth", ParameterType.INTEGER, 2, ">= 1", "transformer blocks", DiT::depth)
                            .add("heads", ParameterType.INTEGER, 4, ">= 1", "attention heads", DiT::heads)
                            .add("mlp_ratio", ParameterType.INTEGER, 4, ">= 1", "MLP width / hidden",
                                    DiT::mlpRatio)
                            .add("time_dim", ParameterType.INTEGER, 256, ">= 2",
                                    "width of the sinusoidal time embedding", DiT::timeDim))
                    .build(v -> new DiT(ReconstructionParameters.reconstruction(v), v.integer("patch"),
                            v.integer("hidden"), v.integer("depth"), v.integer("heads"), v.integer("mlp_ratio"),
                            v.integer("time_dim"), ReconstructionParameters.training(v), v.bool("early_stop"))),
            ReconstructionModel::load);

    public DiT {
        ReconstructionParameters.requireCommon(reconstruction, training);
        if (patch < 0) {
            throw new IllegalArgumentException("Invalid patch size: " + patch + " (0 for automatic, or at least 1)");
        }
        ReconstructionParameters.requirePositive("depth", depth);
        ReconstructionParameters.requirePositive("number of heads", heads);
        ReconstructionParameters.requirePositive("MLP ratio", mlpRatio);
        if (hidden < 2 || hidden % (2 * heads) != 0) {
            throw new IllegalArgumentException("Invalid hidden width: " + hidden + " (must be a positive multiple of "
                    + 2 * heads + ", twice the number of heads)");
        }
        if (timeDim < 2) {
            throw new IllegalArgumentException("Invalid time embedding width: " + timeDim + " (at least 2)");
        }
    }

    /** The default configuration. */
    public static DiT defaults() {
        return METHOD.defaults();
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    /** How rows of {@code features} values become tokens. */
    public Tokenizer tokenizer(int features) {
        return patch == 0 ? Tokenizer.automatic(features) : new Tokenizer(features, patch);
    }

    @Override
    public Denoiser denoiser(int features) {
        return new DiffusionTransformer(tokenizer(features), hidden, depth, heads, mlpRatio, timeDim);
    }
}
