package dtad.torch.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dtad.torch.ParameterLayout;
import dtad.torch.Tensors;

/**
 * A square 2-D convolution as {@code torch.nn.Conv2d(in, out, kernel, stride, padding=kernel/2)}: weight
 * {@code [out, in, kernel, kernel]}, bias {@code [out]}, on {@code [n, in, h, w]} tensors. "Same" padding,
 * so a stride of 1 keeps the size and a stride of 2 halves an even size. Holds only the positions of its
 * two tensors in the network's tensor list.
 */
public record Conv2d(int weight, int bias, int in, int out, int kernel, int stride) {

    /** Declares a layer with PyTorch's default initialisation (uniform in {@code +-1/sqrt(in kernel^2)}). */
    public static Conv2d declare(ParameterLayout.Builder builder, String name, int in, int out, int kernel,
                                 int stride) {
        ParameterLayout.Init init = ParameterLayout.Init.linearDefault((long) in * kernel * kernel);
        return declare(builder, name, in, out, kernel, stride, init, init);
    }

    /** Declares a layer with zero weights and bias (a residual branch that starts as the identity). */
    public static Conv2d declareZero(ParameterLayout.Builder builder, String name, int in, int out, int kernel,
                                     int stride) {
        ParameterLayout.Init zero = new ParameterLayout.Init.Constant(0);
        return declare(builder, name, in, out, kernel, stride, zero, zero);
    }

    private static Conv2d declare(ParameterLayout.Builder builder, String name, int in, int out, int kernel,
                                  int stride, ParameterLayout.Init weightInit, ParameterLayout.Init biasInit) {
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("Invalid kernel size: " + kernel + " (odd, at least 1)");
        }
        int w = builder.add(name + ".weight", weightInit, out, in, kernel, kernel);
        int b = builder.add(name + ".bias", biasInit, out);
        return new Conv2d(w, b, in, out, kernel, stride);
    }

    /** Channels of oneDNN's AVX-512 convolution blocks (see {@link #apply}). */
    static final int CHANNEL_BLOCK = 16;

    /**
     * The convolution of {@code x} ({@code [n, in, h, w]}); the result lives in {@code x}'s manager.
     *
     * <p>libtorch's own convolution, with a workaround: on AVX-512 CPUs (seen on an AMD EPYC), the oneDNN
     * kernels of DJL's libtorch 2.7.1 get a k x k kernel (k > 1) wrong, for every input, when its input
     * channels exceed 16 and are not a multiple of 16 (the forward pass; e.g. 24, where a U-Net
     * concatenates a skip connection), and the input's gradient wrong when its output channels are not a
     * multiple of 16. 1x1 kernels, and every case under {@code ONEDNN_MAX_CPU_ISA=AVX2}, are right. Such
     * layers run with zero channels added (to the input and the weight's input channels, and zero filters
     * to the weight and bias), which leaves the result unchanged; the added outputs are dropped. The
     * output filters are added only when a gradient is recorded: the forward pass alone (scoring) is right
     * for any number of outputs, and the U-Net's last layer (16 to 1 channel) would otherwise compute 16.
     */
    public NDArray apply(NDList weights, NDArray x) {
        NDManager local = x.getManager();
        NDArray w = weights.get(weight);
        NDArray b = weights.get(bias);
        boolean gradient = Tensors.recordsGradient(x, w, b);
        if (!gradient && kernel == 1 && stride == 1 && x.getShape().get(0) < SMALL_BATCH) {
            return channelProduct(w, b, x, local);
        }
        NDArray input = x;
        int inChannels = paddedIn();
        int outChannels = gradient ? paddedOut() : out;
        if (inChannels != in) {
            Shape shape = x.getShape();
            int missing = inChannels - in;
            input = x.concat(local.zeros(new Shape(shape.get(0), missing, shape.get(2), shape.get(3))), 1);
            // An op on a weight puts its result in the weight's manager (the model's, which lives as long
            // as the model): each such result is moved to the input's manager, freed with the step or block.
            w = w.concat(local.zeros(new Shape(out, missing, kernel, kernel)), 1);
            w.attach(local);
        }
        if (outChannels != out) {
            int missing = outChannels - out;
            w = w.concat(local.zeros(new Shape(missing, inChannels, kernel, kernel)), 0);
            w.attach(local);
            b = b.concat(local.zeros(new Shape(missing)), 0);
            b.attach(local);
        }
        int padding = kernel / 2;
        NDArray y = input.getNDArrayInternal().convolution(input, w, b, new Shape(stride, stride),
                new Shape(padding, padding), new Shape(1, 1), 1).singletonOrThrow();
        return outChannels == out ? y : y.get(new NDIndex(":, :{}", out));
    }

    /**
     * Below this many images a 1x1 convolution leaves oneDNN for libtorch's own kernel, whose check for NNPACK
     * logs "Could not initialize NNPACK! Reason: Unsupported hardware." on every call on CPUs NNPACK does not
     * support: thousands of lines while ImageDDPM scores 224 px images, 8 to a block.
     */
    static final int SMALL_BATCH = 16;

    /**
     * A 1x1 convolution without a gradient as what it is, a product over the channels: {@code w [out, in]} times
     * each image's {@code [in, h * w]}, plus the bias; the same GEMM per image as libtorch's own kernel.
     */
    private NDArray channelProduct(NDArray w, NDArray b, NDArray x, NDManager local) {
        Shape shape = x.getShape();
        long n = shape.get(0);
        long h = shape.get(2);
        long width = shape.get(3);
        // Views of the model's weights land in its manager: moved to the block's, as in apply.
        NDArray matrix = w.reshape(out, in);
        matrix.attach(local);
        NDArray column = b.reshape(out, 1);
        column.attach(local);
        return matrix.matMul(x.reshape(n, in, h * width)).add(column).reshape(n, out, h, width);
    }

    /** The input channels the convolution runs with: {@link #in}, or the next multiple of 16 (see {@link #apply}). */
    int paddedIn() {
        return kernel > 1 && in > CHANNEL_BLOCK ? roundUp(in) : in;
    }

    /**
     * The output channels the convolution runs with while a gradient is recorded: {@link #out}, or the next
     * multiple of 16 (see {@link #apply}).
     */
    int paddedOut() {
        return kernel > 1 ? roundUp(out) : out;
    }

    private static int roundUp(int channels) {
        return (channels + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK;
    }
}
