package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dtad.torch.ParameterLayout;
import dtad.torch.StepRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The DDPM reference's noise-prediction network ({@code diffusion/ddpm.py}, {@code ResNetDiffusion}: the
 * tabular ResNet of Gorishniy et al., 2021, with a time embedding):
 * <pre>
 *   emb = TimeEmbedding(t)                                   sinusoid(timeDim) -> Linear -> SiLU -> Linear
 *   h   = Linear(d, width)(x) + Linear(timeDim, width)(SiLU(emb))
 *   h   = h + Dropout(p2)(Linear(blockWidth, width)(Dropout(p1)(ReLU(Linear(width, blockWidth)(BatchNorm(h))))))
 *                                                            (repeated for each block)
 *   eps = Linear(width, d)(ReLU(BatchNorm(h)))
 * </pre>
 * Reference sizes: width 128, block width 256, 3 blocks, dropouts 0.4 and 0.1, time embedding 256.
 * Every linear layer has PyTorch's default initialisation; BatchNorm is {@link BatchNorm}.
 */
final class TabularResNet implements Denoiser {
    private final int features;
    private final TimeEmbedding time;
    private final Linear timeProjection;
    private final Linear first;
    private final List<BatchNorm> norms;
    private final List<Linear> up;
    private final List<Linear> down;
    private final BatchNorm headNorm;
    private final Linear head;
    private final double dropoutFirst;
    private final double dropoutSecond;
    private final ParameterLayout layout;

    TabularResNet(int features, int width, int blockWidth, int blocks, double dropoutFirst, double dropoutSecond,
                  int timeDim) {
        this.features = features;
        this.dropoutFirst = dropoutFirst;
        this.dropoutSecond = dropoutSecond;
        ParameterLayout.Builder builder = ParameterLayout.builder();
        this.first = Linear.declare(builder, "resnet.first_layer", features, width);
        List<BatchNorm.Declared> declaredNorms = new ArrayList<>();
        List<Linear> ups = new ArrayList<>();
        List<Linear> downs = new ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            declaredNorms.add(BatchNorm.declare(builder, "resnet.blocks." + b + ".normalization", width));
            ups.add(Linear.declare(builder, "resnet.blocks." + b + ".linear_first", width, blockWidth));
            downs.add(Linear.declare(builder, "resnet.blocks." + b + ".linear_second", blockWidth, width));
        }
        BatchNorm.Declared declaredHead = BatchNorm.declare(builder, "resnet.head.normalization", width);
        this.head = Linear.declare(builder, "resnet.head.linear", width, features);
        this.timeProjection = Linear.declare(builder, "resnet.mlp.1", timeDim, width);
        this.time = TimeEmbedding.declare(builder, "time_embed", timeDim, timeDim);
        this.layout = builder.build();
        this.norms = declaredNorms.stream().map(n -> n.resolve(layout)).toList();
        this.headNorm = declaredHead.resolve(layout);
        this.up = List.copyOf(ups);
        this.down = List.copyOf(downs);
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public int features() {
        return features;
    }

    /** {@code Linear(SiLU(emb))}: what the time adds to the first layer's output, {@code [n, width]}. */
    @Override
    public NDArray conditioning(NDList weights, NDArray times) {
        return timeProjection.apply(weights, Activations.silu(time.apply(weights, times)));
    }

    @Override
    public NDArray predictNoise(NDList weights, NDArray noisy, NDArray conditioning, StepRandom random) {
        boolean training = random != null;
        NDArray h = first.apply(weights, noisy).add(conditioning);
        for (int b = 0; b < norms.size(); b++) {
            NDArray z = norms.get(b).apply(weights, h, training);
            z = up.get(b).apply(weights, z).getNDArrayInternal().relu();
            z = dropout(z, dropoutFirst, random);
            z = dropout(down.get(b).apply(weights, z), dropoutSecond, random);
            h = h.add(z);
        }
        NDArray z = headNorm.apply(weights, h, training).getNDArrayInternal().relu();
        return head.apply(weights, z);
    }

    private static NDArray dropout(NDArray x, double p, StepRandom random) {
        if (random == null || p == 0) {
            return x;
        }
        return x.mul(random.dropoutMask(x.getShape().get(0), x.getShape().get(1), p));
    }
}
