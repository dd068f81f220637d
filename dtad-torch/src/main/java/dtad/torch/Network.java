package dtad.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A network as the shared training loop sees it: a {@link ParameterLayout} and a forward pass that
 * reads its parameter tensors (see {@link ParameterVector}). Implementations are immutable and
 * hold no native memory; the same network object serves training and scoring, from any thread.
 */
public interface Network {

    /** The parameter tensors, in the order the forward passes receive them. */
    ParameterLayout layout();

    /**
     * The output for a batch of rows when scoring (no dropout, nothing random).
     *
     * @param weights the parameter tensors, one per entry of {@link #layout()}, shaped
     * @param input   a batch, {@code [rows, inputs]}, float32
     */
    NDArray forward(NDList weights, NDArray input);

    /** The output for a batch while training: dropout (or other noise) drawn from {@code random}. */
    NDArray forwardTraining(NDList weights, NDArray input, StepRandom random);

    /**
     * Whether a training step is worth PyTorch's intra-op threads on every core ({@link TorchEngine#trainingThreads}).
     * False unless measured: on two cores a step of the image DiT was 1.2 times faster with two threads and one of
     * the time-bin CNN 1.1 times slower, while the U-Net's convolutions ran 1.6 times faster (docs/benchmarks.md).
     */
    default boolean trainsOnAllCores() {
        return false;
    }
}
