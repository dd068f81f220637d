package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.torch.TorchEngine;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transformer's fused operations against their definitions, computed here in doubles. */
class TransformerBlockTest {

    /** Both ways of normalising the scores (short sequences transposed, long ones over the last axis). */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8, 64, 65, 100})
    void attentionIsTheSoftmaxOfTheScaledScoresTimesTheValues(int tokens) {
        int n = 2, heads = 3, width = 4;
        float scale = 0.5f;
        Random random = new Random(tokens);
        float[] q = gaussian(random, n * heads * tokens * width, 2);
        float[] k = gaussian(random, q.length, 2);
        float[] v = gaussian(random, q.length, 1);
        try (NDManager manager = TorchEngine.newManager()) {
            Shape shape = new Shape(n, heads, tokens, width);
            float[] actual = TransformerBlock.attend(manager.create(q, shape), manager.create(k, shape),
                    manager.create(v, shape), scale).toFloatArray();
            for (int b = 0; b < n * heads; b++) {
                int base = b * tokens * width;
                for (int i = 0; i < tokens; i++) {
                    double[] weights = new double[tokens];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < tokens; j++) {
                        double dot = 0;
                        for (int c = 0; c < width; c++) {
                            dot += q[base + i * width + c] * k[base + j * width + c];
                        }
                        weights[j] = dot * scale;
                        max = Math.max(max, weights[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < tokens; j++) {
                        weights[j] = Math.exp(weights[j] - max);
                        sum += weights[j];
                    }
                    for (int c = 0; c < width; c++) {
                        double expected = 0;
                        for (int j = 0; j < tokens; j++) {
                            expected += weights[j] / sum * v[base + j * width + c];
                        }
                        assertEquals(expected, actual[base + i * width + c], 1e-5,
                                "head row " + b + ", token " + i + ", channel " + c);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 64})
    void layerNormCentresAndScalesEachTokenToUnitVariance(int width) {
        int tokens = 5;
        float[] x = gaussian(new Random(width), tokens * width, 3);
        for (int i = 0; i < x.length; i++) {
            x[i] += 10; // an offset the normalisation must remove
        }
        try (NDManager manager = TorchEngine.newManager()) {
            NDArray input = manager.create(x, new Shape(1, tokens, width));
            float[] actual = Activations.layerNorm(input).toFloatArray();
            for (int t = 0; t < tokens; t++) {
                double mean = 0;
                for (int c = 0; c < width; c++) {
                    mean += x[t * width + c];
                }
                mean /= width;
                double variance = 0;
                for (int c = 0; c < width; c++) {
                    variance += (x[t * width + c] - mean) * (x[t * width + c] - mean);
                }
                variance /= width; // biased, as torch.nn.LayerNorm
                for (int c = 0; c < width; c++) {
                    double expected = (x[t * width + c] - mean) / Math.sqrt(variance + 1e-6);
                    assertEquals(expected, actual[t * width + c], 2e-4, "token " + t + ", channel " + c);
                }
            }
        }
    }

    private static float[] gaussian(Random random, int size, double sd) {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) (sd * random.nextGaussian());
        }
        return out;
    }
}
