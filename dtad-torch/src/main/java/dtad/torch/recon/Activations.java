package dtad.torch.recon;

import ai.djl.ndarray.NDArray;

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
     * {@code nn.LayerNorm(hidden, elementwise_affine=False, eps=1e-6)}.
     */
    static NDArray layerNorm(NDArray x) {
        int last = x.getShape().dimension() - 1;
        NDArray centred = x.sub(x.mean(new int[] {last}, true));
        NDArray variance = centred.square().mean(new int[] {last}, true);
        return centred.div(variance.add(1e-6f).sqrt());
    }
}
