package dtad.torch.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dtad.torch.ParameterLayout;

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

    /**
     * The convolution of {@code x} ({@code [n, in, h, w]}); the result lives in {@code x}'s manager.
     *
     * <p>Computed as im2col and one batched matrix product, not with libtorch's convolution: through
     * DJL 0.35.1 on the CPU, the oneDNN convolution gave intermittent NaN and garbage (in one run of a
     * dozen identical forward passes, and within the first steps of a fit), whereas matrix products are
     * what every other dtad network relies on and repeat bit for bit.
     */
    public NDArray apply(NDList weights, NDArray x) {
        Shape shape = x.getShape();
        long n = shape.get(0);
        long height = shape.get(2);
        long width = shape.get(3);
        int padding = kernel / 2;
        long outHeight = (height + 2L * padding - kernel) / stride + 1;
        long outWidth = (width + 2L * padding - kernel) / stride + 1;
        NDArray padded = padding == 0 ? x : x.pad(new Shape(padding, padding, padding, padding), 0);
        NDArray columns;
        if (kernel == 1 && stride == 1) {
            columns = padded.reshape(n, in, height * width);
        } else {
            NDList shifts = new NDList(kernel * kernel);
            for (int dy = 0; dy < kernel; dy++) {
                for (int dx = 0; dx < kernel; dx++) {
                    shifts.add(padded.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}", dy, dy + stride * (outHeight - 1) + 1,
                            stride, dx, dx + stride * (outWidth - 1) + 1, stride)));
                }
            }
            // [n, in, k*k, h', w'] in the (in, ky, kx) order of the weight's flattened columns.
            columns = NDArrays.stack(shifts, 2).reshape(n, (long) in * kernel * kernel, outHeight * outWidth);
        }
        // An op on a weight puts its result in the weight's manager (the model's, which lives as long as
        // the model): each such result is moved to the input's manager, freed with the step or block.
        NDManager local = x.getManager();
        NDArray w = weights.get(weight).reshape(out, (long) in * kernel * kernel);
        w.attach(local);
        NDArray b = weights.get(bias).reshape(1, out, 1);
        b.attach(local);
        NDArray product = w.matMul(columns);
        product.attach(local);
        return product.add(b).reshape(n, out, outHeight, outWidth);
    }
}
