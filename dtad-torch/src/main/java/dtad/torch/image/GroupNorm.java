package dtad.torch.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.torch.ParameterLayout;
import dtad.torch.Tensors;

/**
 * Group normalisation as {@code torch.nn.GroupNorm(groups, channels, eps=1e-5)} (Wu and He, 2018): the
 * channels of each image are split into {@code groups} groups, each normalised over its channels and
 * pixels, then scaled and shifted per channel (weight 1, bias 0 at first). Unlike BatchNorm it
 * depends on each image alone, so training and scoring compute the same thing and nothing is kept
 * between batches. DJL has no functional form of it; {@link #apply} borrows libtorch's batch norm (see there).
 */
public record GroupNorm(int weight, int bias, int channels, int groups) {
    private static final float EPS = 1e-5f;
    /** The most groups {@link #groupsFor} chooses (32 in DDPM's U-Net, whose channels are 4 to 8 times wider). */
    static final int MAX_GROUPS = 8;

    /** Declares the per-channel scale and shift of a norm over {@code channels} channels. */
    public static GroupNorm declare(ParameterLayout.Builder builder, String name, int channels) {
        int w = builder.add(name + ".weight", new ParameterLayout.Init.Constant(1), channels);
        int b = builder.add(name + ".bias", new ParameterLayout.Init.Constant(0), channels);
        return new GroupNorm(w, b, channels, groupsFor(channels));
    }

    /** The largest divisor of {@code channels} up to {@value #MAX_GROUPS}, so that any width has groups. */
    static int groupsFor(int channels) {
        for (int g = Math.min(MAX_GROUPS, channels); g > 1; g--) {
            if (channels % g == 0) {
                return g;
            }
        }
        return 1;
    }

    /**
     * Normalises {@code x} ({@code [n, channels, h, w]}). The statistics come from libtorch's batch norm in
     * training mode over {@code x} viewed as {@code [1, n groups, rest]}: one native kernel (and one for its
     * gradient) that normalises each image's group by its own mean and biased variance, instead of the
     * half-dozen element-wise ops (each a new tensor) of writing it out. Then the per-channel scale and
     * shift, in place when no gradient is recorded.
     */
    public NDArray apply(NDList weights, NDArray x) {
        NDManager local = x.getManager();
        int rows = Math.toIntExact(x.getShape().get(0) * groups);
        Shape perGroup = new Shape(rows);
        // Unit affine and throw-away running statistics: batch norm updates the latter, nothing reads them.
        NDArray normalised = x.getNDArrayInternal().batchNorm(x.reshape(1, rows, -1), local.zeros(perGroup),
                local.ones(perGroup), local.ones(perGroup), local.zeros(perGroup), -1, 0, EPS, true)
                .singletonOrThrow().reshape(x.getShape());
        NDArray w = weights.get(weight);
        NDArray b = weights.get(bias);
        // Reshaping a weight puts the view in the weight's (the model's) manager: moved to the input's.
        NDArray scale = w.reshape(1, channels, 1, 1);
        scale.attach(local);
        NDArray shift = b.reshape(1, channels, 1, 1);
        shift.attach(local);
        if (Tensors.recordsGradient(x, w, b)) {
            return normalised.mul(scale).add(shift);
        }
        return normalised.muli(scale).addi(shift);
    }
}
