package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dtad.torch.ParameterLayout;
import dtad.torch.Tensors;

/**
 * One DiT block with adaLN-Zero conditioning (Peebles and Xie, 2023, {@code DiTBlock}):
 * <pre>
 *   shift1, scale1, gate1, shift2, scale2, gate2 = Linear(hidden, 6 hidden)(SiLU(c))      (zero-initialised)
 *   x = x + gate1 * Attention(LayerNorm(x) * (1 + scale1) + shift1)
 *   x = x + gate2 * Mlp(LayerNorm(x) * (1 + scale2) + shift2)
 * </pre>
 * Multi-head self-attention with a fused {@code qkv} projection (with bias) and an output projection;
 * the MLP is {@code Linear(hidden, ratio hidden) -> GELU -> Linear(ratio hidden, hidden)}. LayerNorms have
 * no affine parameters (eps 1e-6). Linear layers are Xavier-uniform with zero bias, as DiT's
 * {@code initialize_weights}. The zero modulation makes every block the identity at first.
 *
 * <p>The modulation depends on the conditioning alone, so it is computed by {@link #modulation} (for
 * a chain, once per diffusion time) and handed to {@link #apply} as {@code [rows or 1, 6 hidden]}.
 */
final class TransformerBlock {
    /**
     * Up to this many tokens the attention normalises the transposed scores over the axis before the last (faster
     * for short rows; measured 8 to 64 tokens), beyond it over the last axis (faster from about 256).
     */
    private static final int SHORT_SEQUENCE = 64;
    private final int hidden;
    private final int heads;
    private final Linear adaLn;
    private final Linear qkv;
    private final Linear projection;
    private final Linear fc1;
    private final Linear fc2;

    TransformerBlock(ParameterLayout.Builder builder, String name, int hidden, int heads, int mlpRatio) {
        this.hidden = hidden;
        this.heads = heads;
        this.adaLn = Linear.declareZero(builder, name + ".adaLN_modulation.1", hidden, 6 * hidden);
        this.qkv = Linear.declareXavier(builder, name + ".attn.qkv", hidden, 3 * hidden);
        this.projection = Linear.declareXavier(builder, name + ".attn.proj", hidden, hidden);
        this.fc1 = Linear.declareXavier(builder, name + ".mlp.fc1", hidden, mlpRatio * hidden);
        this.fc2 = Linear.declareXavier(builder, name + ".mlp.fc2", mlpRatio * hidden, hidden);
    }

    /** The six modulation vectors, concatenated: {@code [n, 6 hidden]} from {@code SiLU(c)}. */
    NDArray modulation(NDList weights, NDArray siluOfConditioning) {
        return adaLn.apply(weights, siluOfConditioning);
    }

    /** The block applied to tokens {@code [n, tokens, hidden]} under a modulation from {@link #modulation}. */
    NDArray apply(NDList weights, NDArray x, NDArray modulation) {
        NDList m = modulation.expandDims(1).split(6, 2); // each [n or 1, 1, hidden]
        NDArray attended = attention(weights, modulate(Activations.layerNorm(x), m.get(0), m.get(1)));
        x = x.add(attended.mul(m.get(2)));
        NDArray mlp = fc2.apply(weights, fc1.apply(weights, modulate(Activations.layerNorm(x), m.get(3), m.get(4)))
                .getNDArrayInternal().gelu());
        return x.add(mlp.mul(m.get(5)));
    }

    /**
     * {@code x * (1 + scale) + shift} ({@code 1 + scale} is one row: two passes over {@code x}, not three). The one
     * is a {@link Tensors#scalar}, as every constant a training pass combines with its tensors.
     */
    static NDArray modulate(NDArray x, NDArray shift, NDArray scale) {
        return x.mul(scale.add(Tensors.scalar(x.getManager(), 1f))).add(shift);
    }

    private NDArray attention(NDList weights, NDArray x) {
        long n = x.getShape().get(0);
        long tokens = x.getShape().get(1);
        long headWidth = hidden / heads;
        NDArray q3 = qkv.apply(weights, x).reshape(n, tokens, 3, heads, headWidth).transpose(2, 0, 3, 1, 4);
        NDList qkvs = q3.split(3, 0); // each [1, n, heads, tokens, headWidth]
        NDArray q = qkvs.get(0).squeeze(0);
        NDArray k = qkvs.get(1).squeeze(0);
        NDArray v = qkvs.get(2).squeeze(0);
        NDArray attended = attend(q, k, v, (float) (1 / Math.sqrt(headWidth)));
        NDArray out = attended.transpose(0, 2, 1, 3).reshape(n, tokens, hidden);
        return projection.apply(weights, out);
    }

    /** Scaled dot-product attention, {@code softmax(q k^T scale) v}, over {@code [n, heads, tokens, width]}. */
    static NDArray attend(NDArray q, NDArray k, NDArray v, float scale) {
        NDArray factor = Tensors.scalar(q.getManager(), scale);
        if (q.getShape().get(2) <= SHORT_SEQUENCE) {
            // The scores transposed, [.., key, query], normalised over the keys: libtorch's softmax over the last
            // axis is slow for rows as short as a tabular row's tokens (at 8, more than half the attention's time).
            return k.matMul(q.swapAxes(2, 3)).mul(factor).softmax(2).swapAxes(2, 3).matMul(v);
        }
        return q.matMul(k.swapAxes(2, 3)).mul(factor).softmax(3).matMul(v);
    }
}
