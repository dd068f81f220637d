package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dtad.torch.ParameterLayout;

/**
 * A fully connected layer with its own weights for each token position, {@code y[:, k] = x[:, k] W_k + b_k}:
 * weight {@code [tokens, in, out]}, bias {@code [tokens, out]}, applied to {@code [n, tokens, in]}. A tabular
 * row's tokens are groups of different features, so one shared {@link Linear} would make the first feature of
 * every group look alike to the network (only the position embedding tells them apart); image patches, alike
 * wherever they are, share one. The DiT of tabular rows embeds and reads out its tokens with these.
 */
record TokenLinear(int weight, int bias, int tokens, int in, int out) {

    /** Xavier-uniform weights ({@code +-sqrt(6 / (in + out))}, each token's as a {@link Linear}'s) and zero bias. */
    static TokenLinear declareXavier(ParameterLayout.Builder builder, String name, int tokens, int in, int out) {
        return declare(builder, name, tokens, in, out, new ParameterLayout.Init.Uniform(Math.sqrt(6.0 / (in + out))));
    }

    /** Zero weights and bias (DiT's output layer). */
    static TokenLinear declareZero(ParameterLayout.Builder builder, String name, int tokens, int in, int out) {
        return declare(builder, name, tokens, in, out, new ParameterLayout.Init.Constant(0));
    }

    private static TokenLinear declare(ParameterLayout.Builder builder, String name, int tokens, int in, int out,
                                       ParameterLayout.Init weightInit) {
        int w = builder.add(name + ".weight", weightInit, tokens, in, out);
        int b = builder.add(name + ".bias", new ParameterLayout.Init.Constant(0), tokens, 1, out);
        return new TokenLinear(w, b, tokens, in, out);
    }

    /** {@code [n, tokens, in]} to {@code [n, tokens, out]}: one batched product over the token positions. */
    NDArray apply(NDList weights, NDArray x) {
        return x.transpose(1, 0, 2).matMul(weights.get(weight)).add(weights.get(bias)).transpose(1, 0, 2);
    }
}
