package dtad.torch.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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

    /** The convolution of {@code x} ({@code [n, in, h, w]}); the result lives in {@code x}'s manager. */
    public NDArray apply(NDList weights, NDArray x) {
        int padding = kernel / 2;
        return x.getNDArrayInternal().convolution(x, weights.get(weight).duplicate(), weights.get(bias).duplicate(),
                new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), 1).singletonOrThrow();
    }
}
