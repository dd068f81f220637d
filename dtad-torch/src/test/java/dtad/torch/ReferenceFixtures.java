package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dtad.io.NpyArray;
import dtad.io.NpyReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The reference values of dtad's networks, computed once with PyTorch by
 * {@code docs/reference/network_fixtures.py} (weights, inputs and expected outputs as {@code .npy} files in
 * {@code src/test/resources/reference/}), and the steps that run dtad's side: a forward pass, a loss with
 * its gradient and one {@link Adam} step, through the networks' {@link ParameterLayout} and
 * {@link ParameterVector} (not model files).
 */
public final class ReferenceFixtures {
    /** float32 agreement: relative to each value, plus a floor relative to the array's largest value. */
    public static final double RELATIVE = 1e-5;

    private ReferenceFixtures() {
    }

    /** A fixture's values, flat, as float32. */
    public static float[] floats(String name) {
        String resource = "/reference/" + name + ".npy";
        try (InputStream in = ReferenceFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            NpyArray array = NpyReader.read(ByteBuffer.wrap(in.readAllBytes()), resource);
            double[] values = array.values();
            float[] out = new float[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) values[i];
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture of whole numbers (diffusion times), as ints. */
    public static int[] ints(String name) {
        float[] values = floats(name);
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.round(values[i]);
            assertEquals(values[i], out[i], name + "[" + i + "] is not a whole number");
        }
        return out;
    }

    /** A fixture as a tensor of {@code shape} in {@code manager}. */
    public static NDArray tensor(NDManager manager, String name, long... shape) {
        return Tensors.floats(manager, floats(name), new Shape(shape));
    }

    /**
     * Asserts {@code |actual - expected| <= RELATIVE (|expected| + max |expected|)} for every value: float32
     * agreement up to the rounding of sums in another order.
     */
    public static void assertClose(float[] expected, float[] actual, String what) {
        assertClose(expected, actual, RELATIVE, what);
    }

    /** As {@link #assertClose(float[], float[], String)} with another relative tolerance. */
    public static void assertClose(float[] expected, float[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": number of values");
        double scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            double tolerance = relative * (Math.abs(expected[i]) + scale);
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                fail(what + "[" + i + "]: expected " + expected[i] + " (PyTorch), got " + actual[i] + " (dtad); "
                        + "all: " + Arrays.toString(actual));
            }
        }
    }

    /**
     * Asserts that one optimiser step moved every weight as PyTorch's did: the step {@code after - before}
     * agrees to 0.1% of PyTorch's step, plus two float32 ulps of the weight (the rounding of the stored
     * result). A step is far smaller than the weights (about the learning rate on the first Adam step), so
     * comparing the steps rather than the weights is what tells a wrong update apart.
     */
    public static void assertStep(float[] before, float[] expectedAfter, float[] actualAfter, String what) {
        assertEquals(before.length, actualAfter.length, what + ": number of values");
        double moved = 0;
        for (int i = 0; i < before.length; i++) {
            double expected = (double) expectedAfter[i] - before[i];
            double actual = (double) actualAfter[i] - before[i];
            moved = Math.max(moved, Math.abs(expected));
            double tolerance = 1e-3 * Math.abs(expected) + 2 * Math.ulp(Math.max(Math.abs(before[i]),
                    Math.abs(expectedAfter[i])));
            if (!(Math.abs(actual - expected) <= tolerance)) {
                fail(what + "[" + i + "]: PyTorch stepped " + before[i] + " by " + expected + ", dtad by " + actual);
            }
        }
        assertTrue(moved > 0, what + ": the step moved nothing");
    }

    /** The loss of a batch, computed with dtad's code on tensors of the step's manager. */
    @FunctionalInterface
    public interface Loss {
        /**
         * @param state  the trainable tensors, then the buffers (as the training loop hands them over)
         * @param random a step random whose tensors live in the step's manager (dropout is 0 in these tests)
         */
        NDArray loss(NDList state, StepRandom random);
    }

    /** What one training step gave: the loss, the flat gradient, the weights and buffers after the step. */
    public record Step(float loss, float[] gradient, float[] weights, float[] buffers) {
    }

    /** The output of a network's scoring forward pass (or any head of it), flat. */
    @FunctionalInterface
    public interface Head {
        NDArray apply(NDList state, NDManager manager);
    }

    /**
     * Loads {@code weights} (and {@code buffers}, or null) into a network's state and evaluates {@code head}
     * without gradients.
     */
    public static float[] evaluate(Network network, float[] weights, float[] buffers, Head head) {
        try (NDManager manager = TorchEngine.newManager()) {
            ParameterVector state = ParameterVector.of(manager, network.layout().state(), concat(weights, buffers));
            return head.apply(state.tensors(), manager).toFloatArray();
        }
    }

    /**
     * One training step as {@link TrainingLoop} takes it: the weights as an autograd leaf vector, the
     * buffers beside them, the loss, back-propagation and one step of {@code adam}.
     */
    public static Step step(Network network, float[] weights, float[] buffers, Adam adam, Loss loss) {
        return TorchEngine.exclusively(() -> {
            try (NDManager manager = TorchEngine.newManager();
                 GradientCollector collector = TorchEngine.engine().newGradientCollector()) {
                ParameterVector parameters = ParameterVector.of(manager, network.layout(), weights);
                parameters.recordGradients();
                ParameterVector bufferVector = buffers == null ? null
                        : ParameterVector.of(manager, network.layout().bufferLayout().orElseThrow(), buffers);
                NDList state = bufferVector == null ? parameters.tensors()
                        : new NDList(parameters.tensors()).addAll(bufferVector.tensors());
                Adam.State optimiser = adam.start(parameters);
                NDArray value = loss.loss(state, new StepRandom(new SplittableRandom(0), manager));
                float lossValue = value.toFloatArray()[0];
                collector.backward(value);
                float[] gradient = new float[weights.length];
                int offset = 0;
                for (NDArray tensor : parameters.tensors()) {
                    float[] g = tensor.getGradient().toFloatArray();
                    System.arraycopy(g, 0, gradient, offset, g.length);
                    offset += g.length;
                }
                optimiser.step();
                return new Step(lossValue, gradient, parameters.values(),
                        bufferVector == null ? null : bufferVector.values());
            }
        });
    }

    private static float[] concat(float[] a, float[] b) {
        if (b == null) {
            return a;
        }
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
