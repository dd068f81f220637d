package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtad.data.Matrix;
import dtad.detect.TestData;
import org.junit.jupiter.api.Test;

/** The one-class SVM's closed-form integrated gradients against a numerical integral of its gradient. */
class OneClassSvmExplanationTest {

    @Test
    void closedFormMatchesNumericalIntegratedGradients() {
        Matrix train = TestData.gaussian(300, 4, 3, 0);
        try (OneClassSvmModel model = new OneClassSvm(0.5, 0.7, 1e-3, 25_000, 50, 0).fit(train)) {
            double[] means = model.trainingInfo().scaler().means();
            double[] scales = model.trainingInfo().scaler().scales();
            double[] z = {2.5, -1.0, 0.3, 1.8}; // a standardized row
            double[] raw = new double[4];
            for (int j = 0; j < 4; j++) {
                raw[j] = means[j] + scales[j] * z[j];
            }
            double[] closed = model.contributions(Matrix.of(new double[][] {raw}))[0];
            // Midpoint rule over 2,000 steps of central differences in the standardized space.
            int steps = 2000;
            double h = 1e-5;
            double[][] probes = new double[steps * 8][];
            for (int s = 0; s < steps; s++) {
                double t = (s + 0.5) / steps;
                for (int j = 0; j < 4; j++) {
                    for (int sign = 0; sign < 2; sign++) {
                        double[] p = new double[4];
                        for (int k = 0; k < 4; k++) {
                            p[k] = means[k] + scales[k] * (t * z[k] + (k == j ? (sign == 0 ? h : -h) : 0));
                        }
                        probes[(s * 4 + j) * 2 + sign] = p;
                    }
                }
            }
            double[] scores = model.score(Matrix.of(probes));
            for (int j = 0; j < 4; j++) {
                double integral = 0;
                for (int s = 0; s < steps; s++) {
                    integral += (scores[(s * 4 + j) * 2] - scores[(s * 4 + j) * 2 + 1]) / (2 * h) / steps;
                }
                assertEquals(z[j] * integral, closed[j], 1e-5, "feature " + j);
            }
        }
    }

    @Test
    void scaledComplementaryErrorFunctionMatchesReferenceValues() {
        // exp(x^2) erfc(x) from Python's math.erfc (computed once, written here as facts).
        double[][] reference = {{0, 1.0}, {0.3, 0.7345993345676551}, {1.2, 0.3785374169292398},
            {1.5, 0.32158541645431754}, {4.0, 0.13699945762506138}, {12.0, 0.04685422101489376}};
        for (double[] pair : reference) {
            assertEquals(pair[1], ErrorFunction.erfcx(pair[0]), 1e-13 * pair[1], "x = " + pair[0]);
        }
    }
}
