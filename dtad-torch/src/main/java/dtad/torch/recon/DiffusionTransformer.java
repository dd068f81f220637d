package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dtad.torch.ParameterLayout;
import dtad.torch.StepRandom;
import dtad.torch.Tensors;
import java.util.ArrayList;
import java.util.List;

/**
 * DiT's noise-prediction network (Peebles and Xie, "Scalable Diffusion Models with Transformers",
 * ICCV 2023) for rows of features, or for images cut into patches ({@link Patching}):
 * <pre>
 *   tokens = Linear(patch, hidden)(Tokenizer(x)) + pos           fixed sin-cos positions (1-D; 2-D for images)
 *   c      = TimeEmbedding(t)                                    sinusoid(timeDim) -> Linear -> SiLU -> Linear
 *   tokens = TransformerBlock(tokens, c)                          depth times, adaLN-Zero
 *   eps    = untokenize(Linear(hidden, patch)(LayerNorm(tokens) * (1 + scale) + shift)),  (finalNorm; else tokens)
 *            shift, scale = Linear(hidden, 2 hidden)(SiLU(c))     (final layer, zero-initialised)
 * </pre>
 * The {@linkplain #conditioning conditioning} of a time is every modulation vector of every block and
 * of the final layer, concatenated ({@code [n, (6 depth + 2) hidden]}): it depends on {@code t} alone,
 * so a reverse chain computes it once per step for all rows.
 *
 * <p>Initialisation as DiT's {@code initialize_weights}: Xavier-uniform linear layers with zero bias,
 * the token embedding likewise, the time MLP's weights with deviation 0.02 (uniform here, normal in
 * DiT), and zero modulation and output layers, so that the untrained network predicts zero noise.
 * GELU is the exact (erf) form; DiT uses the tanh approximation.
 */
final class DiffusionTransformer implements Denoiser {
    private final Patching tokenizer;
    private final int hidden;
    private final TokenMap embedding;
    private final TimeEmbedding time;
    private final List<TransformerBlock> blocks;
    private final Linear finalModulation;
    private final TokenMap output;
    /** Whether the final layer reads the LayerNorm of the tokens (DiT's) or the tokens themselves. */
    private final boolean finalNorm;
    private final float[] positions;
    /** Where the conditioning splits into the blocks' modulations and the final layer's. */
    private final long[] splits;
    private final ParameterLayout layout;

    /** A layer applied to each token, {@code [n, tokens, in]} to {@code [n, tokens, out]}. */
    private interface TokenMap {
        NDArray apply(NDList weights, NDArray tokens);
    }

    /** DiT's network: one token embedding and one output layer shared by every token (as DiT's for images). */
    DiffusionTransformer(Patching tokenizer, int hidden, int depth, int heads, int mlpRatio, int timeDim) {
        this(tokenizer, hidden, depth, heads, mlpRatio, timeDim, false, true);
    }

    /**
     * @param perToken  each token position its own embedding and output weights ({@link TokenLinear}), for
     *                  tokens that are groups of different features; false: shared, as DiT's
     * @param finalNorm the final layer reads {@code LayerNorm(tokens)}, as DiT's; false: the tokens themselves,
     *                  so that the predicted noise can grow with the row (the token embedding is linear and the
     *                  blocks only add to it), as DDPM's ResNet's does: with the LayerNorm the predicted noise has
     *                  the same size however far a row lies from the training rows (docs/fidelity.md, "DiT below
     *                  chance on CIFAR10_4")
     */
    DiffusionTransformer(Patching tokenizer, int hidden, int depth, int heads, int mlpRatio, int timeDim,
                         boolean perToken, boolean finalNorm) {
        this.tokenizer = tokenizer;
        this.finalNorm = finalNorm;
        this.hidden = hidden;
        ParameterLayout.Builder builder = ParameterLayout.builder();
        int tokens = tokenizer.tokens();
        this.embedding = perToken
                ? TokenLinear.declareXavier(builder, "x_embedder", tokens, tokenizer.patch(), hidden)::apply
                : Linear.declareXavier(builder, "x_embedder", tokenizer.patch(), hidden)::apply;
        this.time = TimeEmbedding.declareDit(builder, "t_embedder.mlp", timeDim, hidden);
        List<TransformerBlock> list = new ArrayList<>();
        for (int b = 0; b < depth; b++) {
            list.add(new TransformerBlock(builder, "blocks." + b, hidden, heads, mlpRatio));
        }
        this.blocks = List.copyOf(list);
        this.finalModulation = Linear.declareZero(builder, "final_layer.adaLN_modulation.1", hidden, 2 * hidden);
        this.output = perToken
                ? TokenLinear.declareZero(builder, "final_layer.linear", tokens, hidden, tokenizer.patch())::apply
                : Linear.declareZero(builder, "final_layer.linear", hidden, tokenizer.patch())::apply;
        this.layout = builder.build();
        this.positions = tokenizer.positions(hidden);
        this.splits = new long[depth];
        for (int b = 0; b < depth; b++) {
            splits[b] = (long) (b + 1) * 6 * hidden;
        }
    }

    /** DiT's 1-D sin-cos embedding of positions {@code 0..tokens-1}: sines, then cosines. */
    static float[] positions(int tokens, int hidden) {
        int half = hidden / 2;
        float[] out = new float[tokens * hidden];
        for (int p = 0; p < tokens; p++) {
            for (int k = 0; k < half; k++) {
                double angle = p / Math.pow(10000, (double) k / half);
                out[p * hidden + k] = (float) Math.sin(angle);
                out[p * hidden + half + k] = (float) Math.cos(angle);
            }
        }
        return out;
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public int features() {
        return tokenizer.features();
    }

    @Override
    public NDArray conditioning(NDList weights, NDArray times) {
        NDArray c = Activations.silu(time.apply(weights, times));
        NDList modulations = new NDList(blocks.size() + 1);
        for (TransformerBlock block : blocks) {
            modulations.add(block.modulation(weights, c));
        }
        modulations.add(finalModulation.apply(weights, c));
        return NDArrays.concat(modulations, 1);
    }

    @Override
    public NDArray predictNoise(NDList weights, NDArray noisy, NDArray conditioning, StepRandom random) {
        NDList parts = conditioning.split(splits, 1);
        NDArray x = embedding.apply(weights, tokenizer.tokenize(noisy));
        x = x.add(Tensors.floats(x.getManager(), positions, new Shape(1, tokenizer.tokens(), hidden)));
        for (int b = 0; b < blocks.size(); b++) {
            x = blocks.get(b).apply(weights, x, parts.get(b));
        }
        NDList shiftScale = parts.get(blocks.size()).expandDims(1).split(2, 2);
        NDArray z = TransformerBlock.modulate(finalNorm ? Activations.layerNorm(x) : x, shiftScale.get(0),
                shiftScale.get(1));
        return tokenizer.untokenize(output.apply(weights, z));
    }
}
