package dtad.torch.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dtad.torch.TorchEngine;
import org.junit.jupiter.api.Test;

/**
 * Conv2d runs libtorch's convolution; these tests hold it to the im2col reference. On an AVX-512 CPU they
 * fail without Conv2d's channel padding: oneDNN then gets 17-31 and 33-40 input channels wrong, and the
 * input's gradient wrong for any output channel count that is not a multiple of 16.
 */
class Conv2dTest {

    @Test
    void matchesIm2colForEveryChannelCountKernelAndStride() {
        try (NDManager manager = TorchEngine.newManager()) {
            manager.getEngine().setRandomSeed(3);
            for (int kernel : new int[] {1, 3}) {
                for (int stride : new int[] {1, 2}) {
                    for (int in = 1; in <= 40; in++) {
                        try (NDManager local = manager.newSubManager()) {
                            Conv2d layer = new Conv2d(0, 1, in, 8, kernel, stride);
                            NDList weights = new NDList(local.randomNormal(new Shape(8, in, kernel, kernel)).mul(0.2f),
                                    local.randomNormal(new Shape(8)));
                            NDArray x = local.randomNormal(new Shape(16, in, 7, 7));
                            float[] expected = Im2colConvolution.apply(layer, weights, x).toFloatArray();
                            float[] actual = layer.apply(weights, x).toFloatArray();
                            assertArrayEquals(expected, actual, 1e-4f,
                                    "kernel " + kernel + ", stride " + stride + ", " + in + " input channels");
                        }
                    }
                }
            }
        }
    }

    @Test
    void matchesIm2colWithoutGradientForAnyOutputChannels() {
        // Scoring runs without the output padding that the input gradient needs.
        try (NDManager manager = TorchEngine.newManager()) {
            manager.getEngine().setRandomSeed(7);
            for (int out : new int[] {1, 3, 8, 20}) {
                for (int in : new int[] {1, 16, 24, 48}) {
                    try (NDManager local = manager.newSubManager()) {
                        Conv2d layer = new Conv2d(0, 1, in, out, 3, 1);
                        NDList weights = new NDList(local.randomNormal(new Shape(out, in, 3, 3)).mul(0.2f),
                                local.randomNormal(new Shape(out)));
                        NDArray x = local.randomNormal(new Shape(8, in, 6, 6));
                        assertArrayEquals(Im2colConvolution.apply(layer, weights, x).toFloatArray(),
                                layer.apply(weights, x).toFloatArray(), 1e-4f, in + " -> " + out + " channels");
                    }
                }
            }
        }
    }

    @Test
    void oneByOneBelowSixteenImagesIsLibtorchsConvolutionAsAChannelProduct() {
        // Scoring blocks of large images hold fewer than 16; there a 1x1 layer is a product over the channels,
        // which libtorch's own kernel also computes (the same values), without its NNPACK check.
        try (NDManager manager = TorchEngine.newManager()) {
            manager.getEngine().setRandomSeed(11);
            for (int n : new int[] {1, 3, 8, 15, 16}) {
                for (int in : new int[] {1, 16, 24}) {
                    try (NDManager local = manager.newSubManager()) {
                        Conv2d layer = new Conv2d(0, 1, in, 32, 1, 1);
                        NDList weights = new NDList(local.randomNormal(new Shape(32, in, 1, 1)).mul(0.2f),
                                local.randomNormal(new Shape(32)));
                        NDArray x = local.randomNormal(new Shape(n, in, 9, 7));
                        NDArray y = layer.apply(weights, x);
                        assertEquals(new Shape(n, 32, 9, 7), y.getShape());
                        NDArray libtorch = x.getNDArrayInternal().convolution(x, weights.get(0), weights.get(1),
                                new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
                        assertArrayEquals(libtorch.toFloatArray(), y.toFloatArray(), 1e-5f, n + " images, " + in);
                        assertArrayEquals(Im2colConvolution.apply(layer, weights, x).toFloatArray(),
                                y.toFloatArray(), 1e-4f, n + " images, " + in + " input channels");
                    }
                }
            }
        }
    }

    @Test
    void twentyFourChannelsOfOnesSumTheirWindow() {
        // The U-Net's first up block convolves 24 channels (16 plus an 8-channel skip); with all-ones
        // input and weight each output is the number of in-image window cells times 24.
        try (NDManager manager = TorchEngine.newManager()) {
            Conv2d layer = new Conv2d(0, 1, 24, 1, 3, 1);
            NDList weights = new NDList(manager.ones(new Shape(1, 24, 3, 3)), manager.zeros(new Shape(1)));
            NDArray y = layer.apply(weights, manager.ones(new Shape(2, 24, 3, 3)));
            assertEquals(new Shape(2, 1, 3, 3), y.getShape());
            float[] window = {96, 144, 96, 144, 216, 144, 96, 144, 96};
            float[] values = y.toFloatArray();
            for (int i = 0; i < values.length; i++) {
                assertEquals(window[i % 9], values[i], 1e-4, "output " + i);
            }
        }
    }

    @Test
    void gradientsMatchIm2col() {
        for (int stride : new int[] {1, 2}) {
            // 24 input channels (forward defect), 8 output channels (input-gradient defect).
            Conv2d layer = new Conv2d(0, 1, 24, 8, 3, stride);
            float[][] expected = gradients(layer, true);
            float[][] actual = gradients(layer, false);
            String[] names = {"weight", "bias", "input"};
            for (int i = 0; i < names.length; i++) {
                assertTrue(expected[i].length > 0);
                assertArrayEquals(expected[i], actual[i], 2e-3f, names[i] + " gradient, stride " + stride);
            }
        }
    }

    @Test
    void gradientsThroughAFlattenedOutputMatchIm2col() {
        // While a gradient is recorded, an output of 1 or 8 channels is the slice of a 16-channel convolution;
        // a network that flattens it (the U-Net's prediction back to rows, ImageDTE-C's dense head) must
        // still get the whole gradient.
        for (int out : new int[] {1, 8}) {
            Conv2d layer = new Conv2d(0, 1, 16, out, 3, 1);
            float[][] expected = gradients(layer, true, true);
            float[][] actual = gradients(layer, false, true);
            String[] names = {"weight", "bias", "input"};
            for (int i = 0; i < names.length; i++) {
                assertArrayEquals(expected[i], actual[i], 2e-3f, names[i] + " gradient, " + out + " output channels");
            }
        }
    }

    private static float[][] gradients(Conv2d layer, boolean reference) {
        return gradients(layer, reference, false);
    }

    /**
     * The gradients of {@code sum(y^2)} with respect to weight, bias and input, on a seeded input; with
     * {@code flatten}, of the same sum over {@code y} reshaped to rows.
     */
    private static float[][] gradients(Conv2d layer, boolean reference, boolean flatten) {
        try (NDManager manager = TorchEngine.newManager();
             GradientCollector collector = TorchEngine.engine().newGradientCollector()) {
            manager.getEngine().setRandomSeed(5);
            NDArray weight = manager.randomNormal(new Shape(layer.out(), layer.in(), layer.kernel(), layer.kernel())).mul(0.1f);
            NDArray bias = manager.randomNormal(new Shape(layer.out()));
            NDArray x = manager.randomNormal(new Shape(4, layer.in(), 8, 8));
            NDList weights = new NDList(weight, bias);
            for (NDArray leaf : new NDArray[] {weight, bias, x}) {
                leaf.setRequiresGradient(true);
            }
            NDArray y = reference ? Im2colConvolution.apply(layer, weights, x) : layer.apply(weights, x);
            if (flatten) {
                y = y.reshape(y.getShape().get(0), -1);
            }
            collector.backward(y.square().sum());
            return new float[][] {weight.getGradient().toFloatArray(), bias.getGradient().toFloatArray(),
                x.getGradient().toFloatArray()};
        }
    }
}
