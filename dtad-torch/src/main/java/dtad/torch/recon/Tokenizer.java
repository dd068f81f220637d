package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Rows of features as a sequence of tokens for {@link DiffusionTransformer}, and back: the row is
 * split into consecutive groups of {@code patch} features, zero-padded at the end to fill the last
 * token. (An image would instead give one token per patch of pixels; the transformer does not care
 * where its tokens come from.)
 *
 * @param features features per row
 * @param patch    features per token
 */
record Tokenizer(int features, int patch) implements Patching {
    public Tokenizer {
        if (features < 1) {
            throw new IllegalArgumentException("Invalid number of features: " + features);
        }
        if (patch < 1) {
            throw new IllegalArgumentException("Invalid patch size: " + patch + " (at least 1)");
        }
    }

    /** The smallest patch that gives at most {@code maxTokens} tokens. */
    public static Tokenizer automatic(int features, int maxTokens) {
        return new Tokenizer(features, (features + maxTokens - 1) / maxTokens);
    }

    /** The number of tokens per row. */
    @Override
    public int tokens() {
        return (features + patch - 1) / patch;
    }

    /** {@code [n, features]} to {@code [n, tokens, patch]}, zero-padded. */
    @Override
    public NDArray tokenize(NDArray rows) {
        long n = rows.getShape().get(0);
        int padding = tokens() * patch - features;
        NDArray padded = padding == 0 ? rows : rows.concat(rows.getManager().zeros(new Shape(n, padding)), 1);
        return padded.reshape(n, tokens(), patch);
    }

    /** {@code [n, tokens, patch]} back to {@code [n, features]}, the padding dropped. */
    @Override
    public NDArray untokenize(NDArray tokens) {
        long n = tokens.getShape().get(0);
        NDArray flat = tokens.reshape(n, (long) tokens() * patch);
        return tokens() * patch == features ? flat : flat.get(new NDIndex(":, :{}", features));
    }

    /** The 1-D sin-cos embedding of positions {@code 0..tokens-1} ({@link DiffusionTransformer#positions}). */
    @Override
    public float[] positions(int hidden) {
        return DiffusionTransformer.positions(tokens(), hidden);
    }
}
