package dtad.neighbors;

import java.util.Arrays;

/**
 * The {@code k} best candidates of every query row while a search runs: per row a slice of
 * {@code k} (distance, index) pairs sorted by distance, then index. A candidate enters when it comes
 * before the row's current {@code k}-th in that order, so the final lists are the unique {@code k}
 * smallest pairs whatever the order in which candidates are offered. Callers must not offer to the
 * same row from two threads at once.
 */
final class NeighborLists {
    private final int k;
    private final double[] distances;
    private final int[] indices;

    NeighborLists(int rows, int k) {
        this.k = k;
        this.distances = new double[Math.multiplyExact(rows, k)];
        this.indices = new int[distances.length];
        Arrays.fill(distances, Double.POSITIVE_INFINITY);
        Arrays.fill(indices, Integer.MAX_VALUE);
    }

    /** The distance of row {@code row}'s current {@code k}-th candidate (infinite until it has {@code k}). */
    double worst(int row) {
        return distances[row * k + k - 1];
    }

    /** Offers a candidate to a row; returns whether it entered the row's list. */
    boolean offer(int row, double distance, int index) {
        int base = row * k;
        int pos = base + k - 1;
        if (!before(distance, index, distances[pos], indices[pos])) {
            return false;
        }
        while (pos > base && before(distance, index, distances[pos - 1], indices[pos - 1])) {
            distances[pos] = distances[pos - 1];
            indices[pos] = indices[pos - 1];
            pos--;
        }
        distances[pos] = distance;
        indices[pos] = index;
        return true;
    }

    private static boolean before(double distance, int index, double otherDistance, int otherIndex) {
        return distance < otherDistance || (distance == otherDistance && index < otherIndex);
    }

    /** The result, the distances multiplied by {@code 2^(2 exponent)} (undoing a scaling by {@code 2^-exponent}). */
    Neighbors toNeighbors(int exponent) {
        double[] out = new double[distances.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = Math.scalb(distances[p], 2 * exponent);
        }
        return new Neighbors(distances.length / k, k, out, indices.clone());
    }
}
