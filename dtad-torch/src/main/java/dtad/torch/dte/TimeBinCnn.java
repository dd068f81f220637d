package dtad.torch.dte;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
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
 *   mean head:   logits = Linear(c_last, bins)(mean of h over the pixels)
 *   dense head:  g = h averaged over blocks to at most 8 x 8 cells, flattened
 *                logits = Linear(256, bins)(SiLU(Linear(c_last cells, 256)(g)))
 * </pre>
 * Each strided convolution halves the image (rounding up), so any size works; the mean head and the
 * dense head's pooling to at most {@value #DENSE_GRID} x {@value #DENSE_GRID} cells keep the head's size
 * bounded. PyTorch's default initialisation throughout; no dropout.
 */
final class TimeBinCnn implements Network {
    /** The dense head's pooled grid: at most this many cells per side. */
    static final int DENSE_GRID = 8;
    /** The dense head's hidden width. */
    static final int DENSE_HIDDEN = 256;

    private final ImageGrid grid;
    private final List<Conv2d> convolutions;
    private final ImageCategoricalDTE.Head head;
    /** The dense head's pooling block (pixels of the last feature map per cell side); 1 for the mean head. */
    private final int block;
    /** The head's linear layers, as weight and bias positions: one (mean head) or two (dense head). */
    private final int[] headLayers;
    private final ParameterLayout layout;

    TimeBinCnn(ImageShape shape, List<Integer> channels, int bins, ImageCategoricalDTE.Head head) {
        this.grid = new ImageGrid(shape, 1);
        this.head = head;
        ParameterLayout.Builder builder = ParameterLayout.builder();
        List<Conv2d> list = new ArrayList<>();
        int in = shape.channels();
        int height = shape.height();
        int width = shape.width();
        for (int i = 0; i < channels.size(); i++) {
            int stride = i == 0 ? 1 : 2;
            list.add(Conv2d.declare(builder, "conv." + i, in, channels.get(i), 3, stride));
            in = channels.get(i);
            height = (height + stride - 1) / stride;
            width = (width + stride - 1) / stride;
        }
        this.convolutions = List.copyOf(list);
        if (head == ImageCategoricalDTE.Head.MEAN) {
            this.block = 1;
            ParameterLayout.Init init = new ParameterLayout.Init.Uniform(1 / Math.sqrt(in));
            this.headLayers = new int[] {builder.add("head.weight", init, bins, in), builder.add("head.bias", init, bins)};
        } else {
            this.block = (Math.max(height, width) + DENSE_GRID - 1) / DENSE_GRID;
            int cells = in * ((height + block - 1) / block) * ((width + block - 1) / block);
            ParameterLayout.Init first = ParameterLayout.Init.linearDefault(cells);
            ParameterLayout.Init second = ParameterLayout.Init.linearDefault(DENSE_HIDDEN);
            this.headLayers = new int[] {builder.add("head.0.weight", first, DENSE_HIDDEN, cells),
                    builder.add("head.0.bias", first, DENSE_HIDDEN), builder.add("head.1.weight", second, bins,
                    DENSE_HIDDEN), builder.add("head.1.bias", second, bins)};
        }
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
        long n = h.getShape().get(0);
        if (head == ImageCategoricalDTE.Head.MEAN) {
            return linear(weights, h.reshape(n, h.getShape().get(1), -1).mean(new int[] {2}), 0);
        }
        NDArray cells = block == 1 ? h : h.getNDArrayInternal().avgPool(new Shape(block, block),
                new Shape(block, block), new Shape(0, 0), true, false);
        NDArray flat = cells.reshape(n, -1);
        NDArray hidden = linear(weights, flat, 0);
        return linear(weights, hidden.mul(hidden.getNDArrayInternal().sigmoid()), 1);
    }

    /** The head's linear layer {@code i} of {@code x}. */
    private NDArray linear(NDList weights, NDArray x, int i) {
        return x.getNDArrayInternal().linear(x, weights.get(headLayers[2 * i]), weights.get(headLayers[2 * i + 1]))
                .singletonOrThrow();
    }

    @Override
    public NDArray forwardTraining(NDList weights, NDArray input, StepRandom random) {
        return forward(weights, input);
    }
}
