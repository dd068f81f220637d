package dtad.torch.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dtad.torch.TorchEngine;
import org.junit.jupiter.api.Test;

/** GroupNorm against its definition written out with means (as torch.nn.GroupNorm computes it). */
class GroupNormTest {
    private static final GroupNorm NORM = new GroupNorm(0, 1, 12, 4);

    /** Each image's groups of 3 channels normalised by their own mean and biased variance, then scaled and shifted. */
    private static NDArray definition(NDList weights, NDArray x) {
        long n = x.getShape().get(0);
        NDArray grouped = x.reshape(n, 4, -1);
        NDArray centred = grouped.sub(grouped.mean(new int[] {2}, true));
        NDArray variance = centred.square().mean(new int[] {2}, true);
        NDArray normalised = centred.div(variance.add(1e-5f).sqrt()).reshape(x.getShape());
        return normalised.mul(weights.get(0).reshape(1, 12, 1, 1)).add(weights.get(1).reshape(1, 12, 1, 1));
    }

    @Test
    void normalisesEachImagesGroupsByTheirOwnStatistics() {
        try (NDManager manager = TorchEngine.newManager()) {
            manager.getEngine().setRandomSeed(11);
            NDList weights = new NDList(manager.randomNormal(new Shape(12)), manager.randomNormal(new Shape(12)));
            NDArray x = manager.randomNormal(new Shape(3, 12, 5, 7)).mul(3).add(2);
            float[] before = x.toFloatArray();
            assertArrayEquals(definition(weights, x).toFloatArray(), NORM.apply(weights, x).toFloatArray(), 1e-5f);
            // One image alone gets the same values as in the batch, and the input is left as it was.
            assertArrayEquals(definition(weights, x).get("0:1").toFloatArray(),
                    NORM.apply(weights, x.get("0:1")).toFloatArray(), 1e-5f);
            assertArrayEquals(before, x.toFloatArray());
        }
    }

    @Test
    void gradientsMatchTheDefinition() {
        float[][] expected = gradients(true);
        float[][] actual = gradients(false);
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i].length, actual[i].length);
            assertArrayEquals(expected[i], actual[i], 1e-4f, "gradient " + i);
        }
    }

    /** The gradients of {@code sum(y^3)} with respect to scale, shift and input. */
    private static float[][] gradients(boolean definition) {
        try (NDManager manager = TorchEngine.newManager();
             GradientCollector collector = TorchEngine.engine().newGradientCollector()) {
            manager.getEngine().setRandomSeed(13);
            NDArray scale = manager.randomNormal(new Shape(12));
            NDArray shift = manager.randomNormal(new Shape(12));
            NDArray x = manager.randomNormal(new Shape(2, 12, 4, 4));
            for (NDArray leaf : new NDArray[] {scale, shift, x}) {
                leaf.setRequiresGradient(true);
            }
            NDList weights = new NDList(scale, shift);
            NDArray y = definition ? definition(weights, x) : NORM.apply(weights, x);
            collector.backward(y.pow(3).sum());
            return new float[][] {scale.getGradient().toFloatArray(), shift.getGradient().toFloatArray(),
                x.getGradient().toFloatArray()};
        }
    }
}
