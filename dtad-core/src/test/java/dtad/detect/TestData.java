package dtad.detect;

import dtad.data.Matrix;
import java.util.SplittableRandom;

/** Small seeded data sets for detector tests. */
public final class TestData {
    private TestData() {
    }

    /** Standard normal rows, then shifted by {@code offset}. */
    public static Matrix gaussian(int rows, int columns, long seed, double offset) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = offset + gaussian(random);
        }
        return Matrix.wrap(rows, columns, values);
    }

    /** Inliers from a correlated Gaussian and, as the last row, one far outlier. */
    public static Matrix withPlantedOutlier(int inliers, int columns, long seed) {
        Matrix normal = gaussian(inliers, columns, seed, 0);
        double[] values = new double[(inliers + 1) * columns];
        double[] in = normal.values();
        for (int r = 0; r < inliers; r++) {
            for (int j = 0; j < columns; j++) {
                // Correlate each column with the first, so the data are not axis-aligned.
                values[r * columns + j] = in[r * columns + j] + (j > 0 ? 0.5 * in[r * columns] : 0);
            }
        }
        for (int j = 0; j < columns; j++) {
            values[inliers * columns + j] = j % 2 == 0 ? 6 : -6;
        }
        return Matrix.wrap(inliers + 1, columns, values);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; one value per call is enough for tests.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
