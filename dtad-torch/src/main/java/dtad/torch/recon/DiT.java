package dtad.torch.recon;

import dtad.method.Constraint;
import dtad.method.Family;
import dtad.method.Method;
import dtad.method.Parameter;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.torch.TrainingSettings;

/**
 * DiT reconstruction: the objective and scoring of {@link DDPM} with a transformer denoiser
 * ({@link DiffusionTransformer}, Peebles and Xie, ICCV 2023) over tokens of {@code patch} features
 * ({@link Tokenizer}). Higher = more anomalous.
 *
 * <p>Defaults, small enough for a CPU: hidden 32, depth 2, 4 heads, MLP ratio 4, time embedding 256,
 * the automatic patch giving at most 8 tokens, each token with its own embedding and output weights
 * ({@code per_token}, {@link TokenLinear}), and the output layer reading the tokens without DiT's final
 * LayerNorm ({@code final_norm=false}). Cost per row and network evaluation, with {@code n} tokens: about
 * {@code depth (12 hidden^2 n + 2 hidden n^2)} multiply-adds (26 K per token at the defaults: 0.2 M for 8
 * tokens, four times that at hidden 64), about as many as DDPM's ResNet per row; a chain of {@code rec_t} steps
 * multiplies it. (A step still costs DiT more than DDPM: it is more, smaller operations.) Training as DDPM (400
 * epochs at most, batch 64 with drop-last, weight decay 5e-4, the reference's early stop) but with Adam's rate at
 * 1e-3.
 *
 * <p>Until 2026-12-06 the defaults were at most 32 tokens sharing one embedding and Adam 1e-4 (model files
 * saved before {@code tokens} and {@code per_token} existed keep them). The tokens of a tabular row are groups
 * of different features: with one shared embedding the network tells them apart only by their position
 * embedding. On the development sets of docs/fidelity.md ("DiT's defaults", rec_t=250) the new defaults
 * scored vowels 90.3 (was 85.5) and MVTec-AD_bottle 96.8 (84.1) on seed 0, WBC 51.3 (26.8) on seeds 0-1,
 * and cost four to ten times less on the 512-feature embedding sets; CIFAR10_4 stayed below chance (30.9).
 *
 * <p>Until 2026-12-06 the output layer also read the LayerNorm of the tokens, as DiT's (model files saved before
 * {@code final_norm} existed keep it): the predicted noise then has the same size however far a row lies from the
 * training rows, and on CIFAR10_4, whose anomalies lie far out, it was smaller on the anomalies than on the normal
 * rows, so the chain's errors fell as a row's norm rose. Without it the predicted noise grows with the row, as DDPM's
 * ResNet's does: CIFAR10_4 seed 0 scores 75.4 instead of 30.9 (docs/fidelity.md, "DiT below chance on CIFAR10_4").
 *
 * <p>Until 2026-12-07 the token width was 64 (model files record it). On the six development sets of
 * docs/fidelity.md ("DiT's size and speed"), seeds 0-2, 32 averaged 83.95 against 83.46 (CIFAR10_4 77.90 against
 * 74.86) at about half the process CPU.
 *
 * @param reconstruction the diffusion and the scoring chain
 * @param patch          features per token; 0 chooses the smallest giving at most {@code tokens} tokens
 * @param tokens         with {@code patch} 0, the most tokens per row
 * @param perToken       each token its own embedding and output weights ({@link TokenLinear}); false: one
 *                       shared by all tokens, as DiT's
 * @param finalNorm      the final layer reads the LayerNorm of the tokens, as DiT's; false: the tokens
 *                       themselves, so that the predicted noise grows with a row far from the training rows
 * @param hidden         the token width (a multiple of 2 heads)
 * @param depth          the number of transformer blocks
 * @param heads          attention heads
 * @param mlpRatio       the MLP's width as a multiple of {@code hidden}
 * @param timeDim        the width of the sinusoidal time embedding
 * @param training       epochs, batch, optimizer, seed, drop-last
 * @param earlyStop      the reference's early stop ({@link ReferenceStopping})
 */
public record DiT(ReconstructionSettings reconstruction, int patch, int tokens, boolean perToken, boolean finalNorm,
                  int hidden, int depth, int heads, int mlpRatio, int timeDim, TrainingSettings training,
                  boolean earlyStop)
        implements ReconstructionDetector {

    /** DDPM's training (the reference's) with Adam's rate at 1e-3: the transformer trains better in fewer epochs. */
    static final TrainingSettings TRAINING = new TrainingSettings(400, 64, 1e-3, 5e-4, 0, true);

    /** {@code patch}: automatic by default. */
    public static final Parameter<DiT, Integer> PATCH = Parameter.of("patch", ParameterType.INTEGER, 0,
            Constraint.atLeast(0).note("0 = auto"),
            "features per token; 0: the smallest giving at most `tokens` tokens",
            DiT::patch);
    /** {@code tokens}: the most tokens of the automatic patch; model files written before the key had 32. */
    public static final Parameter<DiT, Integer> TOKENS = Parameter.of("tokens", ParameterType.INTEGER, 8,
            Constraint.atLeast(1), "patch=0: the most tokens per row (the patch is the smallest giving at most these)",
            DiT::tokens).inOlderModelFiles(32);
    /** {@code per_token}: each token its own embedding and output weights; model files before the key shared them. */
    public static final Parameter<DiT, Boolean> PER_TOKEN = Parameter.of("per_token", ParameterType.BOOLEAN, true,
            Constraint.none(), "each token (group of features) its own embedding and output weights; false: one "
                    + "shared by all tokens, as DiT's image patches", DiT::perToken).inOlderModelFiles(false);
    /**
     * {@code final_norm}: the final layer reads the LayerNorm of the tokens (DiT's); model files before the key
     * had it. With it, the predicted noise has the same size however far a row lies from the training rows.
     */
    public static final Parameter<DiT, Boolean> FINAL_NORM = Parameter.of("final_norm", ParameterType.BOOLEAN, false,
            Constraint.none(), "LayerNorm before the output layer, as DiT's; false: the output layer reads the tokens "
                    + "themselves, so that the predicted noise grows with a row's distance from the training rows",
            DiT::finalNorm).inOlderModelFiles(true);
    /** {@code heads}: attention heads (declared before {@link #HIDDEN}, whose rule refers to it). */
    public static final Parameter<DiT, Integer> HEADS = Parameter.of("heads", ParameterType.INTEGER, 4,
            Constraint.atLeast(1), "attention heads", DiT::heads);
    /**
     * {@code hidden}: the token width, a multiple of twice the heads. 32 since issue 20's size study
     * (docs/fidelity.md, "DiT's size and speed"): as accurate as 64 on the development sets at about half the
     * time. Model files record it, so those fitted at 64 keep 64.
     */
    public static final Parameter<DiT, Integer> HIDDEN = Parameter.of("hidden", ParameterType.INTEGER, 32,
            Constraint.multipleOf(2, HEADS.declaration()), "token width", DiT::hidden);
    /** {@code depth}: transformer blocks. */
    public static final Parameter<DiT, Integer> DEPTH = Parameter.of("depth", ParameterType.INTEGER, 2,
            Constraint.atLeast(1), "transformer blocks", DiT::depth);
    /** {@code mlp_ratio}: the MLP's width over {@code hidden}. */
    public static final Parameter<DiT, Integer> MLP_RATIO = Parameter.of("mlp_ratio", ParameterType.INTEGER, 4,
            Constraint.atLeast(1), "MLP width / hidden", DiT::mlpRatio);
    /** {@code time_dim}: the sinusoidal embedding's width. */
    public static final Parameter<DiT, Integer> TIME_DIM = ReconstructionParameters.TIME_DIM.bind(256,
            "width of the sinusoidal time embedding", DiT::timeDim);

    public static final Method<DiT> METHOD = new Method<>("DiT", Family.RECONSTRUCTION,
            "Reconstruction error of a denoising diffusion model with a transformer (DiT, adaLN-Zero) denoiser",
            ReconstructionParameters.REFERENCE + "; Peebles, Xie. Scalable Diffusion Models with Transformers. "
                    + "ICCV 2023. arXiv:2212.09748", ReconstructionParameters.addTraining(
                    ReconstructionParameters.addReconstruction(ParameterTable.<DiT>builder(), ReconstructionSettings.REFERENCE)
                            .add(PATCH).add(TOKENS).add(PER_TOKEN).add(FINAL_NORM).add(HIDDEN).add(DEPTH).add(HEADS)
                            .add(MLP_RATIO).add(TIME_DIM), TRAINING, true, Constraint.none())
                    .build(v -> new DiT(ReconstructionParameters.reconstruction(v), v.get(PATCH), v.get(TOKENS),
                            v.get(PER_TOKEN), v.get(FINAL_NORM), v.get(HIDDEN), v.get(DEPTH), v.get(HEADS),
                            v.get(MLP_RATIO), v.get(TIME_DIM),
                            ReconstructionParameters.training(v), v.get(ReconstructionParameters.EARLY_STOP))),
            ReconstructionModel::load);

    public DiT {
        ReconstructionParameters.requireTabular(reconstruction, training);
        PATCH.require(patch);
        TOKENS.require(tokens);
        DEPTH.require(depth);
        HEADS.require(heads);
        MLP_RATIO.require(mlpRatio);
        HIDDEN.require(hidden, HEADS.is(heads));
        TIME_DIM.require(timeDim);
    }

    /** The default configuration. */
    public static DiT defaults() {
        return METHOD.defaults();
    }

    /** Settings by name, from the defaults: {@code DiT.builder().set(DEPTH, 4).build()}. */
    public static ParameterTable.Settings<DiT> builder() {
        return METHOD.parameters().settings();
    }

    /** Settings by name, from this configuration. */
    public ParameterTable.Settings<DiT> toBuilder() {
        return METHOD.parameters().settings(this);
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    /** How rows of {@code features} values become tokens. */
    Tokenizer tokenizer(int features) {
        return patch == 0 ? Tokenizer.automatic(features, tokens) : new Tokenizer(features, patch);
    }

    @Override
    public Denoiser denoiser(int features) {
        return new DiffusionTransformer(tokenizer(features), hidden, depth, heads, mlpRatio, timeDim, perToken,
                finalNorm);
    }
}
