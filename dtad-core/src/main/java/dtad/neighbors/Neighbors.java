package dtad.neighbors;

/**
 * The result of a {@link KnnSearch}: for each query row, its {@code k} nearest reference rows in
 * ascending order of distance (equal distances in ascending order of reference index), with their
 * squared Euclidean distances. Immutable; rank 0 is the nearest.
 */
public final class Neighbors {
    private final int rows;
    private final int k;
    private final double[] squaredDistances;
    private final int[] indices;

    Neighbors(int rows, int k, double[] squaredDistances, int[] indices) {
        this.rows = rows;
        this.k = k;
        this.squaredDistances = squaredDistances;
        this.indices = indices;
    }

    /** The number of query rows. */
    public int rows() {
        return rows;
    }

    /** The number of neighbours of each query row. */
    public int k() {
        return k;
    }

    /** The reference row that is the {@code rank}-th nearest to query row {@code row} (rank 0 = nearest). */
    public int index(int row, int rank) {
        return indices[position(row, rank)];
    }

    /** The squared Euclidean distance from query row {@code row} to its {@code rank}-th nearest reference row. */
    public double squaredDistance(int row, int rank) {
        return squaredDistances[position(row, rank)];
    }

    /** The Euclidean distance from query row {@code row} to its {@code rank}-th nearest reference row. */
    public double distance(int row, int rank) {
        return Math.sqrt(squaredDistance(row, rank));
    }

    /** The squared distances of one query row's neighbours, nearest first (a copy). */
    public double[] squaredDistances(int row) {
        double[] out = new double[k];
        System.arraycopy(squaredDistances, position(row, 0), out, 0, k);
        return out;
    }

    /** The indices of one query row's neighbours, nearest first (a copy). */
    public int[] indices(int row) {
        int[] out = new int[k];
        System.arraycopy(indices, position(row, 0), out, 0, k);
        return out;
    }

    private int position(int row, int rank) {
        if (row < 0 || row >= rows || rank < 0 || rank >= k) {
            throw new IndexOutOfBoundsException("Neighbour " + rank + " of row " + row + " (" + rows + " rows, k = "
                    + k + ")");
        }
        return row * k + rank;
    }
}
