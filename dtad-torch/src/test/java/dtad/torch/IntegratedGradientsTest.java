package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.TestData;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntegratedGradientsTest {
    private static final Mlp NETWORK = new Mlp(5, List.of(32, 64, 32), 1, 0.5);

    private static TrainedNetwork network() {
        return TrainedNetwork.load(NETWORK, ParameterFile.write(NETWORK.layout(),
                NETWORK.layout().initialValues(new SplittableRandom(4))));
    }

    @Test
    void gaussLegendreIntegratesPolynomialsUpToDegree2mMinus1Exactly() {
        for (int m = 1; m <= 8; m++) {
            double[] nodes = new double[m];
            double[] weights = new double[m];
            IntegratedGradients.gaussLegendre(nodes, weights);
            for (int degree = 0; degree <= 2 * m - 1; degree++) {
                double integral = 0;
                for (int k = 0; k < m; k++) {
                    assertTrue(nodes[k] > 0 && nodes[k] < 1 && (k == 0 || nodes[k] > nodes[k - 1]));
                    integral += weights[k] * Math.pow(nodes[k], degree);
                }
                assertEquals(1.0 / (degree + 1), integral, 1e-13, "m " + m + ", degree " + degree);
            }
        }
    }

    /** For f(x) = sum_j x_j^2 the integrated gradients from 0 are x_j^2, exactly: the rule is exact for it. */
    @Test
    void attributionsOfASumOfSquaresAreTheSquares() {
        Matrix rows = TestData.gaussian(300, 5, 3, 0);
        try (TrainedNetwork network = network()) {
            Matrix a = new IntegratedGradients(2).attributions(network, rows,
                    (net, weights, x) -> x.square().sum(new int[] {1}));
            for (int i = 0; i < rows.values().length; i++) {
                double x = rows.values()[i];
                assertEquals(x * x, a.values()[i], 1e-5 * (1 + x * x));
            }
        }
    }

    /** Completeness: a row's attributions sum to f(x) - f(0), closer with more path points. */
    @Test
    void attributionsOfANetworkSumToItsRiseFromTheBaseline() {
        Matrix rows = TestData.gaussian(100, 5, 5, 2);
        TrainedNetwork.Head head = (net, weights, x) -> net.forward(weights, x);
        try (TrainedNetwork network = network()) {
            double[] f = network.evaluate(rows, head);
            double f0 = network.evaluate(Matrix.zeros(1, 5), head)[0];
            double coarse = worstGap(new IntegratedGradients(2).attributions(network, rows, head), f, f0);
            double fine = worstGap(new IntegratedGradients(64).attributions(network, rows, head), f, f0);
            assertTrue(fine < 5e-3, "64 points: worst gap " + fine);
            assertTrue(fine < coarse / 5, "64 points " + fine + ", 2 points " + coarse);
        }
    }

    private static double worstGap(Matrix attributions, double[] f, double f0) {
        double worst = 0;
        for (int r = 0; r < f.length; r++) {
            double sum = 0;
            for (int j = 0; j < attributions.columns(); j++) {
                sum += attributions.get(r, j);
            }
            worst = Math.max(worst, Math.abs(sum - (f[r] - f0)));
        }
        return worst;
    }

    @Test
    void explainingKeepsNativeMemoryFlat() {
        Matrix rows = TestData.gaussian(500, 5, 8, 0);
        TrainedNetwork.Head head = (net, weights, x) -> net.forward(weights, x);
        try (TrainedNetwork network = network()) {
            IntegratedGradients.standard().attributions(network, rows, head);
            int held = network.nativeArrays();
            int live = TorchEngine.liveArrays();
            for (int i = 0; i < 5; i++) {
                IntegratedGradients.standard().attributions(network, rows, head);
            }
            assertEquals(held, network.nativeArrays());
            assertEquals(live, TorchEngine.liveArrays());
        }
    }

    @Test
    void refusesAHeadWithMoreThanOneValuePerRow() {
        try (TrainedNetwork network = network()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> IntegratedGradients.standard()
                    .attributions(network, TestData.gaussian(3, 5, 1, 0), (net, weights, x) -> x));
            assertTrue(e.getMessage().contains("not one value per point"), e.getMessage());
        }
    }

    @Test
    void refusesAnInvalidNumberOfSteps() {
        assertThrows(IllegalArgumentException.class, () -> new IntegratedGradients(0));
        assertThrows(IllegalArgumentException.class, () -> new IntegratedGradients(TrainedNetwork.BLOCK + 1));
    }
}
