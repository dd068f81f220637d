package dtad.torch.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The reference for {@link Conv2d}: the same convolution written as im2col (one shifted slice of the
 * padded input per kernel position) and one matrix product, with no libtorch convolution kernel involved.
 * (This was Conv2d's own formulation before the oneDNN defect was found; it agrees with PyTorch 1.13's
 * {@code conv2d} to 4e-7 on the U-Net case that exposed the defect.)
 */
final class Im2colConvolution {
    private Im2colConvolution() {
    }

    static NDArray apply(Conv2d layer, NDList weights, NDArray x) {
        Shape shape = x.getShape();
        long n = shape.get(0);
        int in = layer.in();
        int kernel = layer.kernel();
        int stride = layer.stride();
        int padding = kernel / 2;
        long outHeight = (shape.get(2) + 2L * padding - kernel) / stride + 1;
        long outWidth = (shape.get(3) + 2L * padding - kernel) / stride + 1;
        NDArray padded = padding == 0 ? x : x.pad(new Shape(padding, padding, padding, padding), 0);
        NDList shifts = new NDList(kernel * kernel);
        for (int dy = 0; dy < kernel; dy++) {
            for (int dx = 0; dx < kernel; dx++) {
                shifts.add(padded.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}", dy, dy + stride * (outHeight - 1) + 1,
                        stride, dx, dx + stride * (outWidth - 1) + 1, stride)));
            }
        }
        // [n, in, k*k, h', w'] in the (in, ky, kx) order of the weight's flattened columns.
        NDArray columns = NDArrays.stack(shifts, 2).reshape(n, (long) in * kernel * kernel, outHeight * outWidth);
        NDArray w = weights.get(layer.weight()).reshape(layer.out(), (long) in * kernel * kernel);
        NDArray b = weights.get(layer.bias()).reshape(1, layer.out(), 1);
        return w.matMul(columns).add(b).reshape(n, layer.out(), outHeight, outWidth);
    }
}
