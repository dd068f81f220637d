package dtad.torch;

import dtad.data.Matrix;
import java.util.stream.IntStream;

/**
 * Integrated gradients (Sundararajan, Taly, Yan. Axiomatic Attribution for Deep Networks. ICML 2017.
 * arXiv:1703.01365) of a network model's score with respect to its standardized input, from the
 * baseline 0 (the training mean after standardization): for a row {@code x},
 * <pre>
 *   a_j = x_j * sum_{k=1..m} w_k df/dx_j(alpha_k x)
 * </pre>
 * with the {@code m}-point Gauss-Legendre rule ({@code alpha_k}, {@code w_k}) on the straight path {@code [0, 1]}
 * (exact for polynomials of degree {@code 2m - 1}: far closer than the midpoint rule with as many points for
 * a score that saturates along the path, as DTE-C's expected bin does). The attributions sum to
 * {@code f(x) - f(0)} up to the error of the rule (completeness), which shrinks as {@code m} grows.
 *
 * <p><b>Cost.</b> Each path point costs a forward and a backward pass (about two forward passes); the points of {@code BLOCK / m}
 * rows go through the network as one block of {@link TrainedNetwork#BLOCK} points (the last padded with
 * zeros), so a row's attributions do not depend on the other rows, and blocks run in parallel as in
 * scoring.
 */
public final class IntegratedGradients {
    /**
     * The path points per row of the network models: explaining then costs about eight times as much as
     * scoring, per row (measured by {@code ExplanationBenchmark}), within the ten that an explanation may cost;
     * a row's contributions sum to its rise above the training mean's score within a few percent.
     */
    public static final int STEPS = 4;

    private final int steps;
    private final double[] nodes;
    private final double[] weights;

    /** Integrated gradients over {@code steps} points of the path, 1 to {@link TrainedNetwork#BLOCK}. */
    public IntegratedGradients(int steps) {
        if (steps < 1 || steps > TrainedNetwork.BLOCK) {
            throw new IllegalArgumentException("Invalid number of integration steps: " + steps + " (must be in 1.."
                    + TrainedNetwork.BLOCK + ")");
        }
        this.steps = steps;
        this.nodes = new double[steps];
        this.weights = new double[steps];
        gaussLegendre(nodes, weights);
    }

    /**
     * The Gauss-Legendre rule of {@code nodes.length} points on {@code [0, 1]}: the nodes are the roots of the
     * Legendre polynomial (found by Newton's method from the usual cosine guesses), mapped to {@code [0, 1]}.
     */
    static void gaussLegendre(double[] nodes, double[] weights) {
        int m = nodes.length;
        for (int i = 0; i < m; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                // P_m(x) and P_m'(x) by the three-term recurrence.
                double p0 = 1;
                double p1 = x;
                for (int n = 2; n <= m; n++) {
                    double p2 = ((2 * n - 1) * x * p1 - (n - 1) * p0) / n;
                    p0 = p1;
                    p1 = p2;
                }
                derivative = m * (x * p1 - p0) / (x * x - 1);
                double step = p1 / derivative;
                x -= step;
                if (Math.abs(step) < 1e-15) {
                    break;
                }
            }
            nodes[m - 1 - i] = (x + 1) / 2;
            weights[m - 1 - i] = 1 / ((1 - x * x) * derivative * derivative);
        }
    }

    /** With the models' {@link #STEPS}. */
    public static IntegratedGradients standard() {
        return new IntegratedGradients(STEPS);
    }

    /**
     * The attributions of each standardized row to {@code head}'s value (one value per row):
     * {@code [rows, columns]}.
     */
    public Matrix attributions(TrainedNetwork network, Matrix standardized, TrainedNetwork.Head head) {
        int rowsPerBlock = TrainedNetwork.BLOCK / steps;
        int blocks = (standardized.rows() + rowsPerBlock - 1) / rowsPerBlock;
        double[] out = new double[standardized.values().length];
        IntStream.range(0, blocks).parallel().forEach(b -> block(network, standardized, b * rowsPerBlock,
                Math.min(standardized.rows(), (b + 1) * rowsPerBlock), head, out));
        return Matrix.wrap(standardized.rows(), standardized.columns(), out);
    }

    private void block(TrainedNetwork network, Matrix rows, int from, int to, TrainedNetwork.Head head,
                       double[] out) {
        int d = rows.columns();
        double[] values = rows.values();
        float[] points = new float[TrainedNetwork.BLOCK * d];
        for (int r = from, p = 0; r < to; r++) {
            for (int k = 0; k < steps; k++, p += d) {
                double alpha = nodes[k];
                for (int j = 0, o = r * d; j < d; j++, o++) {
                    points[p + j] = (float) (alpha * values[o]);
                }
            }
        }
        float[] gradients = network.gradientOfBlock(points, d, head);
        for (int r = from, p = 0; r < to; r++, p += steps * d) {
            for (int j = 0, o = r * d; j < d; j++, o++) {
                double sum = 0;
                for (int k = 0; k < steps; k++) {
                    sum += weights[k] * gradients[p + k * d + j];
                }
                out[o] = values[o] * sum;
            }
        }
    }
}
