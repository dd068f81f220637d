package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.data.Matrix;
import dtad.torch.ParameterLayout;
import dtad.torch.ParameterVector;
import dtad.torch.Tensors;
import dtad.torch.TorchEngine;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenLinearTest {

    @Test
    void eachTokenHasItsOwnWeights() {
        ParameterLayout.Builder builder = ParameterLayout.builder();
        TokenLinear layer = TokenLinear.declareXavier(builder, "x", 2, 3, 2);
        ParameterLayout layout = builder.build();
        // Token 0: W0 = [[1,0],[0,1],[1,1]], b0 = [0.5, 0]; token 1: W1 = [[2,0],[0,0],[0,-1]], b1 = [0, 1].
        float[] values = {1, 0, 0, 1, 1, 1, 2, 0, 0, 0, 0, -1, 0.5f, 0, 0, 1};
        try (NDManager manager = TorchEngine.newManager()) {
            NDList weights = ParameterVector.of(manager, layout, values).tensors();
            // Two rows; in each, both tokens hold the same values, so a shared layer would give them one output.
            float[] x = {1, 2, 3, 1, 2, 3, -1, 0, 1, -1, 0, 1};
            float[] y = layer.apply(weights, Tensors.floats(manager, x, new Shape(2, 2, 3))).toFloatArray();
            assertArrayEquals(new float[] {4.5f, 5, 2, -2, 0.5f, 1, -2, 0}, y);
        }
    }

    @Test
    void ditGivesEachOfEightTokensItsOwnWeightsButOlderModelFilesShareThirtyTwo() {
        DiT perToken = DiT.defaults();
        assertTrue(perToken.perToken());
        assertEquals(1e-3, perToken.training().learningRate());
        assertEquals(8, perToken.tokenizer(512).tokens(), "512 embedding features: 8 tokens of 64");
        assertEquals(6, perToken.tokenizer(12).tokens());
        List<ParameterLayout.Tensor> tensors = perToken.denoiser(512).layout().tensors();
        assertEquals("x_embedder.weight", tensors.get(0).name());
        assertArrayEquals(new long[] {8, 64, 32}, tensors.get(0).shape(), "tokens x patch x hidden");
        DiT saved = DiT.METHOD.configureSaved(Map.of("hidden", "64"));
        assertFalse(saved.perToken());
        assertEquals(32, saved.tokenizer(512).tokens());
        assertArrayEquals(new long[] {64, 16}, saved.denoiser(512).layout().tensors().get(0).shape(),
                "one hidden x patch layer for every token");
    }

    @Test
    void perTokenDitFitsAndSeparatesAPlantedOutlier() {
        DiT detector = TinyConfigs.dit(20).toBuilder().set(DiT.PER_TOKEN, true).build();
        dtad.data.Matrix train = Matrix.wrap(64, 4, gaussianRows(64, 4, 3));
        try (ReconstructionModel model = detector.fit(train)) {
            double[] scores = model.score(Matrix.wrap(2, 4, new double[] {0, 0, 0, 0, 6, -6, 6, -6}));
            assertTrue(scores[1] > scores[0], "the far row scores higher: " + Arrays.toString(scores));
        }
    }

    private static double[] gaussianRows(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }
}
