package dtad.torch.dte;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dtad.image.ImageShape;
import dtad.torch.Network;
import dtad.torch.ParameterLayout;
import dtad.torch.StepRandom;
import dtad.torch.image.Conv2d;
import dtad.torch.image.ImageGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * DTE-C's classifier for flattened images: a small CNN,
 * <pre>
 *   h = SiLU(Conv3x3(C, c_0)(x));  h = SiLU(Conv3x3/2(c_{i-1}, c_i)(h)) for each further width
 *   logits = Linear(c_last, bins)(mean of h over the pixels)
 * </pre>
 * Each strided convolution halves the image (rounding up), so any size works, and the global mean makes
 * the head independent of the size. PyTorch's default initialisation throughout; no dropout.
 */
final class TimeBinCnn implements Network {
    private final ImageGrid grid;
    private final List<Conv2d> convolutions;
    private final int headWeight;
    private final int headBias;
    private final ParameterLayout layout;

    TimeBinCnn(ImageShape shape, List<Integer> channels, int bins) {
        this.grid = new ImageGrid(shape, 1);
        ParameterLayout.Builder builder = ParameterLayout.builder();
        List<Conv2d> list = new ArrayList<>();
        int in = shape.channels();
        for (int i = 0; i < channels.size(); i++) {
            list.add(Conv2d.declare(builder, "conv." + i, in, channels.get(i), 3, i == 0 ? 1 : 2));
            in = channels.get(i);
        }
        ParameterLayout.Init init = new ParameterLayout.Init.Uniform(1 / Math.sqrt(in));
        this.headWeight = builder.add("head.weight", init, bins, in);
        this.headBias = builder.add("head.bias", init, bins);
        this.convolutions = List.copyOf(list);
        this.layout = builder.build();
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public NDArray forward(NDList weights, NDArray input) {
        NDArray h = grid.images(input);
        for (Conv2d convolution : convolutions) {
            NDArray z = convolution.apply(weights, h);
            h = z.mul(z.getNDArrayInternal().sigmoid());
        }
        NDArray pooled = h.reshape(h.getShape().get(0), h.getShape().get(1), -1).mean(new int[] {2});
        return pooled.getNDArrayInternal().linear(pooled, weights.get(headWeight), weights.get(headBias))
                .singletonOrThrow();
    }

    @Override
    public NDArray forwardTraining(NDList weights, NDArray input, StepRandom random) {
        return forward(weights, input);
    }
}
