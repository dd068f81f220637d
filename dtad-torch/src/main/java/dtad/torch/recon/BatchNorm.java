package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dtad.torch.ParameterLayout;

/**
 * {@code torch.nn.BatchNorm1d(width)} with its defaults (eps 1e-5, momentum 0.1, affine, running
 * statistics): while training it normalises with the batch's mean and biased variance and moves the
 * running mean and the <em>unbiased</em> running variance 10% towards the batch's, in place; when
 * scoring it normalises with the running statistics, so that a row's output never depends on the
 * batch. The running statistics are buffers of the network's {@link ParameterLayout} (mean 0,
 * variance 1 at first), saved with the parameters; the weight starts at 1 and the bias at 0.
 *
 * @param gamma    the weight's position in the network's tensor list
 * @param beta     the bias's position
 * @param mean     the running mean's position (after the trainable tensors)
 * @param variance the running variance's position
 */
record BatchNorm(int gamma, int beta, int mean, int variance) {
    static final float EPSILON = 1e-5f;
    /** DJL's momentum is the weight of the old running value: torch's momentum 0.1. */
    static final float KEEP = 0.9f;

    /** What a network declares: the trainable indices and the buffer indices, before the layout is built. */
    record Declared(int gamma, int beta, int meanBuffer, int varianceBuffer) {
        /** The layer, once the network knows how many trainable tensors precede the buffers. */
        BatchNorm resolve(ParameterLayout layout) {
            int offset = layout.tensors().size();
            return new BatchNorm(gamma, beta, offset + meanBuffer, offset + varianceBuffer);
        }
    }

    static Declared declare(ParameterLayout.Builder builder, String name, int width) {
        int g = builder.add(name + ".weight", new ParameterLayout.Init.Constant(1), width);
        int b = builder.add(name + ".bias", new ParameterLayout.Init.Constant(0), width);
        int m = builder.addBuffer(name + ".running_mean", new ParameterLayout.Init.Constant(0), width);
        int v = builder.addBuffer(name + ".running_var", new ParameterLayout.Init.Constant(1), width);
        return new Declared(g, b, m, v);
    }

    /**
     * Normalises {@code x} ({@code [rows, width]}); {@code training} uses and updates batch statistics
     * (never while scoring: the running statistics are shared by every scoring thread).
     */
    NDArray apply(NDList weights, NDArray x, boolean training) {
        return x.getNDArrayInternal().batchNorm(x, weights.get(mean), weights.get(variance), weights.get(gamma),
                weights.get(beta), -1, KEEP, EPSILON, training).singletonOrThrow();
    }
}
