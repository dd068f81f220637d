package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.image.ImageShape;
import dtad.torch.ParameterLayout;
import dtad.torch.StepRandom;
import dtad.torch.Tensors;
import dtad.torch.image.Conv2d;
import dtad.torch.image.GroupNorm;
import dtad.torch.image.ImageGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A small U-Net noise-prediction network for flattened images, after DDPM's (Ho et al., 2020) with
 * fewer and narrower levels:
 * <pre>
 *   emb = TimeEmbedding(t)                          sinusoid(timeDim) -> Linear -> SiLU -> Linear (4 base wide)
 *   h   = Conv3x3(C, base)(x)
 *   level i = 0..L-1 (channels base m_i):  h = ResBlock(h); keep h as skip i; h = Conv3x3/2(h) unless last
 *   h   = ResBlock(h)                                middle, at the lowest resolution
 *   level i = L-1..0:  h = ResBlock(concat(h, skip i)); h = Conv3x3(Upsample2x(h)) unless i = 0
 *   eps = Conv3x3(base, C)(SiLU(GroupNorm(h)))       zero-initialised: the untrained net predicts 0
 *   ResBlock(h) = skip(h) + Conv3x3(SiLU(GroupNorm(Conv3x3(SiLU(GroupNorm(h))) + Linear(SiLU(emb)))))
 * </pre>
 * The time embedding is added in every residual block; each block's second convolution starts at zero,
 * so each block starts as its (1x1 convolution) shortcut. GroupNorm uses up to 8 groups
 * ({@link GroupNorm}), the upsampling is nearest-neighbour. Images are zero-padded at the bottom and
 * the right to a multiple of {@code 2^(L-1)} ({@link ImageGrid}), so that every size can be halved
 * {@code L-1} times, and the padding is cropped off the prediction; the loss and the reconstruction
 * error see only the real pixels.
 *
 * <p>The {@linkplain #conditioning conditioning} of a time is every residual block's time projection,
 * concatenated: it depends on {@code t} alone, so a reverse chain computes it once per step.
 */
final class ImageUNet implements Denoiser {
    private final ImageGrid grid;
    private final TimeEmbedding time;
    private final Conv2d input;
    private final List<ResBlock> down;
    private final List<Conv2d> downsample;
    private final ResBlock middle;
    private final List<ResBlock> up;
    private final List<Conv2d> upsample;
    private final GroupNorm outputNorm;
    private final Conv2d output;
    /** Where the conditioning splits into the blocks' time projections, in the order of {@link #blocks()}. */
    private final long[] splits;
    private final ParameterLayout layout;

    /**
     * @param shape       the images
     * @param base        the channels of the first level
     * @param multipliers each level's channels as a multiple of {@code base} (its size is the number of levels)
     * @param timeDim     the width of the sinusoidal time embedding
     */
    ImageUNet(ImageShape shape, int base, List<Integer> multipliers, int timeDim) {
        int levels = multipliers.size();
        this.grid = new ImageGrid(shape, 1 << (levels - 1));
        int embedding = 4 * base;
        ParameterLayout.Builder builder = ParameterLayout.builder();
        this.time = TimeEmbedding.declare(builder, "time_embed", timeDim, embedding);
        this.input = Conv2d.declare(builder, "input", shape.channels(), base, 3, 1);
        List<ResBlock> downs = new ArrayList<>();
        List<Conv2d> downsamples = new ArrayList<>();
        int channels = base;
        for (int i = 0; i < levels; i++) {
            int out = base * multipliers.get(i);
            downs.add(ResBlock.declare(builder, "down." + i, channels, out, embedding));
            channels = out;
            if (i < levels - 1) {
                downsamples.add(Conv2d.declare(builder, "down." + i + ".downsample", out, out, 3, 2));
            }
        }
        this.middle = ResBlock.declare(builder, "middle", channels, channels, embedding);
        List<ResBlock> ups = new ArrayList<>();
        List<Conv2d> upsamples = new ArrayList<>();
        for (int i = levels - 1; i >= 0; i--) {
            int out = base * multipliers.get(i);
            ups.add(ResBlock.declare(builder, "up." + i, channels + out, out, embedding));
            channels = out;
            if (i > 0) {
                upsamples.add(Conv2d.declare(builder, "up." + i + ".upsample", out, out, 3, 1));
            }
        }
        this.outputNorm = GroupNorm.declare(builder, "output.norm", channels);
        this.output = Conv2d.declareZero(builder, "output.conv", channels, shape.channels(), 3, 1);
        this.layout = builder.build();
        this.down = List.copyOf(downs);
        this.downsample = List.copyOf(downsamples);
        this.up = List.copyOf(ups);
        this.upsample = List.copyOf(upsamples);
        List<ResBlock> all = blocks();
        this.splits = new long[all.size() - 1];
        long offset = 0;
        for (int b = 0; b < splits.length; b++) {
            offset += all.get(b).out();
            splits[b] = offset;
        }
    }

    private List<ResBlock> blocks() {
        List<ResBlock> all = new ArrayList<>(down);
        all.add(middle);
        all.addAll(up);
        return all;
    }

    /** The padded image grid the network computes on. */
    ImageGrid grid() {
        return grid;
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    /** Its convolutions split well: a step at 28 x 28, batch 64, ran 1.6 times faster on two threads than on one. */
    @Override
    public boolean trainsOnAllCores() {
        return true;
    }

    @Override
    public int features() {
        return grid.shape().values();
    }

    @Override
    public NDArray conditioning(NDList weights, NDArray times) {
        NDArray c = Activations.silu(time.apply(weights, times));
        NDList projections = new NDList();
        for (ResBlock block : blocks()) {
            projections.add(block.time().apply(weights, c));
        }
        return NDArrays.concat(projections, 1);
    }

    @Override
    public NDArray predictNoise(NDList weights, NDArray noisy, NDArray conditioning, StepRandom random) {
        NDList times = conditioning.split(splits, 1);
        boolean training = Tensors.recordsGradient(weights.get(0));
        Stages stages = new Stages(noisy.getManager(), training);
        NDArray h = stages.run(noisy, false, x -> input.apply(weights, grid.images(x)));
        List<NDArray> skips = new ArrayList<>();
        for (int i = 0; i < down.size(); i++) {
            ResBlock block = down.get(i);
            NDArray time = times.get(i);
            h = stages.run(h, true, x -> block.apply(weights, x, time, training));
            skips.add(h);
            if (i < downsample.size()) {
                Conv2d conv = downsample.get(i);
                h = stages.run(h, false, x -> conv.apply(weights, x));
            }
        }
        NDArray middleTime = times.get(down.size());
        // The middle block's input is the last level's skip connection: kept.
        h = stages.run(h, false, x -> middle.apply(weights, x, middleTime, training));
        for (int j = 0; j < up.size(); j++) {
            ResBlock block = up.get(j);
            NDArray time = times.get(down.size() + 1 + j);
            NDArray skip = skips.get(skips.size() - 1 - j);
            h = stages.run(h, true, x -> block.apply(weights, x.concat(skip, 1), time, training));
            stages.release(skip);
            if (j < upsample.size()) {
                Conv2d conv = upsample.get(j);
                h = stages.run(h, true, x -> conv.apply(weights, upsample2x(x)));
            }
        }
        NDArray eps = stages.run(h, true,
                x -> output.apply(weights, Activations.silu(outputNorm.apply(weights, x), training)));
        return grid.rows(eps);
    }

    /**
     * The forward pass stage by stage. While scoring, each stage's temporaries go into a manager of their own,
     * freed when the stage ends, and an input no later stage needs is freed then too: a pass holds the skip
     * connections and one stage's work instead of every tensor it made (at 224 x 224, about a gigabyte for a
     * block of 8 images). While training, autograd needs them all: a stage is just the call.
     */
    private record Stages(NDManager manager, boolean training) {

        NDArray run(NDArray in, boolean release, UnaryOperator<NDArray> stage) {
            if (training) {
                return stage.apply(in);
            }
            NDManager owner = in.getManager();
            try (NDManager scope = manager.newSubManager()) {
                // An op's result lives in its first operand's manager: the stage's tensors land in the scope.
                in.attach(scope);
                NDArray out = stage.apply(in);
                out.attach(manager);
                if (release && out != in) {
                    in.close();
                } else {
                    in.attach(owner);
                }
                return out;
            }
        }

        void release(NDArray array) {
            if (!training) {
                array.close();
            }
        }
    }

    /**
     * Nearest-neighbour upsampling by 2 of {@code [n, c, h, w]}: each pixel becomes a 2x2 square. Written
     * as a broadcast, not DJL's {@code repeat}, whose repeat count lives in Java memory that its backward
     * pass may read after it is freed (NaN gradients were seen).
     */
    static NDArray upsample2x(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(n, c, h, 1, w, 1).broadcast(n, c, h, 2, w, 2).reshape(n, c, 2 * h, 2 * w);
    }

    /** One residual block with its time projection. */
    private record ResBlock(GroupNorm norm1, Conv2d conv1, Linear time, GroupNorm norm2, Conv2d conv2,
                            Conv2d shortcut) {

        static ResBlock declare(ParameterLayout.Builder builder, String name, int in, int out, int embedding) {
            GroupNorm norm1 = GroupNorm.declare(builder, name + ".norm1", in);
            Conv2d conv1 = Conv2d.declare(builder, name + ".conv1", in, out, 3, 1);
            Linear time = Linear.declare(builder, name + ".time", embedding, out);
            GroupNorm norm2 = GroupNorm.declare(builder, name + ".norm2", out);
            Conv2d conv2 = Conv2d.declareZero(builder, name + ".conv2", out, out, 3, 1);
            Conv2d shortcut = in == out ? null : Conv2d.declare(builder, name + ".shortcut", in, out, 1, 1);
            return new ResBlock(norm1, conv1, time, norm2, conv2, shortcut);
        }

        int out() {
            return conv1.out();
        }

        /**
         * The block on {@code [n, in, h, w]} with this block's time projection {@code [n or 1, out]}; without
         * {@code training} (no gradient recorded) its temporaries are updated in place.
         */
        NDArray apply(NDList weights, NDArray x, NDArray timeProjection, boolean training) {
            NDArray h = conv1.apply(weights, Activations.silu(norm1.apply(weights, x), training));
            NDArray time = timeProjection.expandDims(2).expandDims(3);
            NDArray skip = shortcut == null ? x : shortcut.apply(weights, x);
            if (training) {
                h = h.add(time);
                return skip.add(conv2.apply(weights, Activations.silu(norm2.apply(weights, h), true)));
            }
            // Scoring: h and the second convolution's output are this block's own temporaries.
            h = h.addi(time);
            return conv2.apply(weights, Activations.silu(norm2.apply(weights, h), false)).addi(skip);
        }
    }
}
