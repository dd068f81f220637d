package dtad.neighbors;

import dtad.data.Matrix;

/**
 * The per-feature parts of a squared Euclidean distance, {@code (a_j - b_j)^2}, which sum to the distance
 * that {@link KnnSearch} ranks neighbours by: how the neighbour-based detectors (KNN, LOF, non-parametric
 * DTE) say which features make a row far from its neighbours.
 */
public final class FeatureDifferences {
    private FeatureDifferences() {
    }

    /**
     * Adds {@code weight * (a_j - b_j)^2} to {@code out[j]} for every feature {@code j}, with {@code a} row
     * {@code row} of {@code queries} and {@code b} row {@code reference} of {@code references}.
     */
    public static void addSquared(Matrix queries, int row, Matrix references, int reference, double weight,
                                  double[] out) {
        double[] a = queries.values();
        double[] b = references.values();
        int d = queries.columns();
        int p = queries.offset(row);
        int q = references.offset(reference);
        for (int j = 0; j < d; j++) {
            double diff = a[p + j] - b[q + j];
            out[j] += weight * diff * diff;
        }
    }
}
