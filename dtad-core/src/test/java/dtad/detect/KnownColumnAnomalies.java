package dtad.detect;

import dtad.data.Matrix;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Data whose anomalies differ from the normal rows only in known columns: normal rows are standard normal
 * in every column, with each odd column correlated with the column before it ({@code x_j = 0.6 x_(j-1) +
 * 0.8 z}, still unit variance); an anomaly is a fresh normal row of which {@code shifted} columns, drawn at
 * random per anomaly, are set to {@code +-(4 + 2 u)}, {@code u} uniform in [0, 1) (4 to 6 standard
 * deviations, beyond the training rows' range). Seeded; the same on every JVM.
 *
 * @param train     normal training rows
 * @param anomalies the anomalous rows
 * @param columns   per anomaly, the indices of its shifted columns (ascending)
 */
public record KnownColumnAnomalies(Matrix train, Matrix anomalies, int[][] columns) {

    /** {@code trainRows} normal rows and {@code anomalyRows} anomalies, {@code features} columns each. */
    public static KnownColumnAnomalies generate(int trainRows, int anomalyRows, int features, int shifted, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix train = normal(trainRows, features, random);
        Matrix anomalies = normal(anomalyRows, features, random);
        double[] v = anomalies.values();
        int[][] columns = new int[anomalyRows][];
        for (int r = 0; r < anomalyRows; r++) {
            int[] order = new int[features];
            for (int j = 0; j < features; j++) {
                order[j] = j;
            }
            for (int j = 0; j < shifted; j++) {
                int pick = j + random.nextInt(features - j);
                int t = order[j];
                order[j] = order[pick];
                order[pick] = t;
            }
            columns[r] = Arrays.copyOf(order, shifted);
            Arrays.sort(columns[r]);
            for (int j : columns[r]) {
                v[r * features + j] = (random.nextBoolean() ? 1 : -1) * (4 + 2 * random.nextDouble());
            }
        }
        return new KnownColumnAnomalies(train, anomalies, columns);
    }

    /**
     * The share of anomalies whose {@code columns.length} largest contributions are exactly their shifted
     * columns (ties broken towards the lower column index).
     */
    public double topHitRate(double[][] contributions) {
        int hits = 0;
        for (int r = 0; r < columns.length; r++) {
            int[] top = top(contributions[r], columns[r].length);
            Arrays.sort(top);
            hits += Arrays.equals(top, columns[r]) ? 1 : 0;
        }
        return hits / (double) columns.length;
    }

    /** The indices of the {@code n} largest values, largest first (ties: lower index first). */
    public static int[] top(double[] values, int n) {
        return IntStream.range(0, values.length).boxed()
                .sorted((a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a]) : Integer.compare(a, b))
                .limit(n).mapToInt(Integer::intValue).toArray();
    }

    private static Matrix normal(int rows, int features, SplittableRandom random) {
        double[] v = new double[rows * features];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < features; j++) {
                double z = gaussian(random);
                v[r * features + j] = j % 2 == 1 ? 0.6 * v[r * features + j - 1] + 0.8 * z : z;
            }
        }
        return Matrix.wrap(rows, features, v);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double w = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }
}
