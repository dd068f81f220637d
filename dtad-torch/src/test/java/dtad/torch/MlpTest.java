package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpTest {

    @Test
    void forwardGivesOneOutputRowPerInputRow() {
        Mlp mlp = new Mlp(3, List.of(6, 10, 8), 7, 0.5);
        try (NDManager manager = TorchEngine.newManager()) {
            NDList weights = parameters(manager, mlp).tensors();
            NDArray out = mlp.forward(weights, Tensors.floats(manager, new float[12], new Shape(4, 3)));
            assertEquals(new Shape(4, 7), out.getShape());
        }
    }

    @Test
    void forwardMatchesTheLayerFormula() {
        // One hidden layer of width 2 with hand-set weights: relu(x W1^T + b1) W2^T + b2.
        Mlp mlp = new Mlp(2, List.of(2), 1, 0);
        float[] values = {1, 2, -1, 0.5f, 0.1f, -0.2f, 3, -1, 0.25f};
        try (NDManager manager = TorchEngine.newManager()) {
            NDList weights = ParameterVector.of(manager, mlp.layout(), values).tensors();
            float[] x = {1, 1, -2, 0.5f};
            float[] out = mlp.forward(weights, Tensors.floats(manager, x, new Shape(2, 2))).toFloatArray();
            // Row 1: h = relu([1 + 2 + 0.1, -1 + 0.5 - 0.2]) = [3.1, 0]; y = 3 * 3.1 - 0 + 0.25.
            // Row 2: h = relu([-2 + 1 + 0.1, 2 + 0.25 - 0.2]) = [0, 2.05]; y = -2.05 + 0.25.
            assertArrayEquals(new float[] {9.55f, -1.8f}, out, 1e-5f);
        }
    }

    @Test
    void dropoutFollowsEveryHiddenLayerButTheFirst() {
        // With hidden widths 6, 10, 8 and 4 rows, masks of 4 x 10 and 4 x 8 values are drawn (two
        // values per random long), and none of 4 x 6: 36 longs in all.
        Mlp mlp = new Mlp(3, List.of(6, 10, 8), 2, 0.5);
        SplittableRandom used = new SplittableRandom(11);
        SplittableRandom expected = new SplittableRandom(11);
        try (NDManager manager = TorchEngine.newManager()) {
            NDList weights = parameters(manager, mlp).tensors();
            mlp.forwardTraining(weights, Tensors.floats(manager, new float[12], new Shape(4, 3)),
                    new StepRandom(used, manager));
        }
        for (int i = 0; i < 36; i++) {
            expected.nextLong();
        }
        assertEquals(expected.nextLong(), used.nextLong());
    }

    @Test
    void trainingForwardDropsOutAndScoringForwardIsDeterministic() {
        Mlp mlp = new Mlp(3, List.of(16, 32, 16), 2, 0.5);
        try (NDManager manager = TorchEngine.newManager()) {
            NDList weights = parameters(manager, mlp).tensors();
            float[] x = new float[30];
            Arrays.fill(x, 0.7f);
            NDArray input = Tensors.floats(manager, x, new Shape(10, 3));
            float[] eval = mlp.forward(weights, input).toFloatArray();
            assertArrayEquals(eval, mlp.forward(weights, input).toFloatArray());
            float[] train = mlp.forwardTraining(weights, input, new StepRandom(new SplittableRandom(1), manager))
                    .toFloatArray();
            assertFalse(Arrays.equals(eval, train));
        }
    }

    /** Each member computes what a plain MLP with its weights computes; the output lists the members in turn. */
    @Test
    void membersAreMlpsSideBySide() {
        int k = 3;
        Mlp members = new Mlp(4, List.of(8, 6), 2, 0, k);
        Mlp plain = new Mlp(4, List.of(8, 6), 2, 0);
        assertEquals(k * plain.layout().size(), members.layout().size());
        try (NDManager manager = TorchEngine.newManager()) {
            NDList weights = parameters(manager, members).tensors();
            float[] x = new float[5 * 4];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.sin(i);
            }
            NDArray input = Tensors.floats(manager, x, new Shape(5, 4));
            NDArray out = members.forward(weights, input);
            assertEquals(new Shape(5, k * 2), out.getShape());
            for (int m = 0; m < k; m++) {
                NDList own = new NDList();
                for (int i = 0; i < weights.size(); i += 2) {
                    own.add(weights.get(i).get(m).transpose()); // [in, out] -> [out, in]
                    own.add(weights.get(i + 1).get(m).reshape(-1));
                }
                float[] alone = plain.forward(own, input).toFloatArray();
                float[] side = out.get(":, " + (2 * m) + ":" + (2 * m + 2)).toFloatArray();
                assertArrayEquals(alone, side, 1e-5f, "member " + m);
            }
            assertFalse(Arrays.equals(out.get(":, 0:2").toFloatArray(), out.get(":, 2:4").toFloatArray()),
                    "the members start apart");
        }
    }

    @Test
    void eachMemberDrawsItsOwnDropoutMasks() {
        // Two members, hidden widths 6, 10, 8, 4 rows: masks of 2 x 4 x 10 and 2 x 4 x 8 values, 72 longs.
        Mlp mlp = new Mlp(3, List.of(6, 10, 8), 2, 0.5, 2);
        SplittableRandom used = new SplittableRandom(11);
        SplittableRandom expected = new SplittableRandom(11);
        try (NDManager manager = TorchEngine.newManager()) {
            NDList weights = parameters(manager, mlp).tensors();
            NDArray out = mlp.forwardTraining(weights, Tensors.floats(manager, new float[12], new Shape(4, 3)),
                    new StepRandom(used, manager));
            assertEquals(new Shape(4, 4), out.getShape());
        }
        for (int i = 0; i < 72; i++) {
            expected.nextLong();
        }
        assertEquals(expected.nextLong(), used.nextLong());
    }

    private static ParameterVector parameters(NDManager manager, Mlp mlp) {
        return ParameterVector.of(manager, mlp.layout(), mlp.layout().initialValues(new SplittableRandom(5)));
    }
}
