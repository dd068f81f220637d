package dtad.torch.recon;

import ai.djl.ndarray.NDArray;

/**
 * How {@link DiffusionTransformer} cuts rows into tokens and puts them back, and where each token sits:
 * consecutive groups of features for tabular rows ({@link Tokenizer}), square patches of pixels for
 * images ({@link ImagePatches}). The transformer itself does not care where its tokens come from.
 */
interface Patching {

    /** Values per row. */
    int features();

    /** Tokens per row. */
    int tokens();

    /** Values per token. */
    int patch();

    /** {@code [n, features]} to {@code [n, tokens, patch]}. */
    NDArray tokenize(NDArray rows);

    /** {@code [n, tokens, patch]} back to {@code [n, features]}. */
    NDArray untokenize(NDArray tokens);

    /** DiT's fixed sin-cos position embedding of the tokens, {@code tokens x hidden} values, row-major. */
    float[] positions(int hidden);
}
