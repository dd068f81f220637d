package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The activations of the denoisers that DJL's {@code NDArray} lacks. */
final class Activations {
    private Activations() {
    }

    /** {@code x * sigmoid(x)}, as {@code torch.nn.SiLU}. */
    static NDArray silu(NDArray x) {
        return x.mul(x.getNDArrayInternal().sigmoid());
    }

    /**
     * {@link #silu} with one new tensor instead of two, for a pass that records no gradient (the product is
     * written over the sigmoid, which autograd would keep).
     */
    static NDArray silu(NDArray x, boolean recordsGradient) {
        return recordsGradient ? silu(x) : x.getNDArrayInternal().sigmoid().muli(x);
    }

    /**
     * LayerNorm over the last axis without affine parameters, as DiT's
     * {@code nn.LayerNorm(hidden, elementwise_affine=False, eps=1e-6)}: libtorch's fused {@code layer_norm} (with a
     * unit scale and zero shift, which change nothing), a tenth of the time of the same written as mean, variance
     * and division, and one node for autograd instead of seven.
     */
    static NDArray layerNorm(NDArray x) {
        long width = x.getShape().tail();
        NDManager manager = x.getManager();
        return x.getNDArrayInternal().layerNorm(x, new Shape(width), manager.ones(new Shape(width)),
                manager.zeros(new Shape(width)), 1e-6f).singletonOrThrow();
    }
}
