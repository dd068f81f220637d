package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dtad.torch.ParameterLayout;
import dtad.torch.Tensors;

/**
 * The diffusion-time embedding of the DDPM reference ({@code timestep_embedding} then
 * {@code time_embed}): a sinusoidal embedding of {@code t} of width {@code dim} (frequencies
 * {@code 10000^(-k/half)}, {@code k = 0..half-1}; the cosines first, then the sines; a zero column if
 * {@code dim} is odd), then {@code Linear(dim, width) -> SiLU -> Linear(width, width)}. DiT's
 * timestep embedder is the same with {@code width} = its hidden size.
 */
final class TimeEmbedding {
    static final double MAX_PERIOD = 10000;

    private final int dim;
    private final float[] frequencies;
    private final Linear first;
    private final Linear second;

    private TimeEmbedding(int dim, Linear first, Linear second) {
        this.dim = dim;
        this.first = first;
        this.second = second;
        int half = dim / 2;
        this.frequencies = new float[half];
        for (int k = 0; k < half; k++) {
            // In float32 as torch.exp(-log(max_period) * arange(half, dtype=float32) / half).
            frequencies[k] = (float) Math.exp((float) (-Math.log(MAX_PERIOD) * k) / half);
        }
    }

    /** Declares the two linear layers (PyTorch default initialisation). */
    static TimeEmbedding declare(ParameterLayout.Builder builder, String name, int dim, int width) {
        return new TimeEmbedding(dim, Linear.declare(builder, name + ".0", dim, width),
                Linear.declare(builder, name + ".2", width, width));
    }

    /** Declares the two linear layers with DiT's initialisation of its timestep MLP (see {@link DiT}). */
    static TimeEmbedding declareDit(ParameterLayout.Builder builder, String name, int dim, int width) {
        // DiT draws these weights from N(0, 0.02^2); a uniform law of the same deviation is used here.
        ParameterLayout.Init weights = new ParameterLayout.Init.Uniform(0.02 * Math.sqrt(3));
        ParameterLayout.Init zero = new ParameterLayout.Init.Constant(0);
        return new TimeEmbedding(dim, Linear.declare(builder, name + ".0", dim, width, weights, zero),
                Linear.declare(builder, name + ".2", width, width, weights, zero));
    }

    int width() {
        return second.out();
    }

    /** The sinusoidal embedding of {@code times} ({@code [n]} float32): {@code [n, dim]}. */
    NDArray sinusoid(NDArray times) {
        int half = frequencies.length;
        NDArray args = times.reshape(-1, 1).mul(Tensors.floats(times.getManager(), frequencies, new Shape(1, half)));
        NDArray embedding = args.cos().concat(args.sin(), 1);
        if (dim % 2 == 1) {
            embedding = embedding.concat(times.getManager().zeros(new Shape(times.getShape().get(0), 1)), 1);
        }
        return embedding;
    }

    /** The embedding of {@code times}: {@code [n, width]}. */
    NDArray apply(NDList weights, NDArray times) {
        return second.apply(weights, Activations.silu(first.apply(weights, sinusoid(times))));
    }
}
