package dtad.classical;

import dtad.data.Matrix;
import java.util.stream.IntStream;

/**
 * The RBF kernel matrix {@code K(a, b) = exp(-gamma (|a|^2 + |b|^2 - 2 a.b))} of dense rows, served
 * row by row to {@link OneClassSvmSolver} through a {@link KernelCache}, in the solver's order of
 * positions (shrinking permutes them, and the {@link PackedRows} with them). Every entry is computed
 * exactly as LIBSVM does it (squared norms once per row, the dot product summed in column order, the
 * result rounded to float), so the solver follows LIBSVM's path step for step. Long row segments are
 * split over the common fork-join pool, each entry computed by one thread, so results do not depend on
 * the number of threads.
 */
final class RbfKernelMatrix {
    /** Below about this many operations, a row segment is computed on the calling thread. */
    private static final long PARALLEL_WORK = 400_000;
    /** Groups of rows per parallel task. */
    private static final int TASK_GROUPS = 64;

    private final PackedRows rows;
    private final double gamma;
    private final KernelCache cache;

    RbfKernelMatrix(Matrix x, double gamma, long cacheBytes) {
        this.rows = new PackedRows(x);
        this.gamma = gamma;
        this.cache = new KernelCache(x.rows(), cacheBytes);
    }

    /** {@code K} at positions {@code i}, {@code j}, in double precision (the solver's diagonal). */
    double entry(int i, int j) {
        double[] a = new double[rows.columns()];
        double[] b = new double[rows.columns()];
        rows.copyRow(i, a);
        rows.copyRow(j, b);
        double dot = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
        }
        return Math.exp(-gamma * (rows.squaredNorm(i) + rows.squaredNorm(j) - 2 * dot));
    }

    /** Row {@code i} of the matrix, valid on positions {@code [0, length)}; owned by the cache. */
    float[] row(int i, int length) {
        int start = cache.request(i, length);
        float[] row = cache.row(i);
        if (start < length) {
            fill(i, row, start, length);
        }
        return row;
    }

    /** How many full rows of {@code length} entries the cache holds. */
    int rowsCached(int length) {
        return cache.capacity(length);
    }

    /**
     * Computes the missing parts of the rows at {@code positions[0, count)} up to {@code length}, on the
     * fork-join pool, two rows per pass over the data (half the memory traffic of {@link #row} calls; the
     * entries are the same). The caller then reads them with {@link #row}; one that the cache could not
     * keep is computed again there.
     */
    void prepare(int[] positions, int count, int length) {
        float[][] targets = new float[count][];
        int[] starts = new int[count];
        for (int p = 0; p < count; p++) {
            starts[p] = cache.request(positions[p], length);
            targets[p] = cache.row(positions[p]);
        }
        int pairs = (count + 1) / 2;
        IntStream tasks = IntStream.range(0, pairs);
        if ((long) count * length * (rows.columns() + 40) >= PARALLEL_WORK) {
            tasks = tasks.parallel();
        }
        tasks.forEach(p -> {
            int a = 2 * p;
            int b = a + 1;
            if (b < count && starts[a] == starts[b] && starts[a] < length) {
                fillPair(positions[a], positions[b], targets[a], targets[b], starts[a], length);
                return;
            }
            for (int q = a; q <= Math.min(b, count - 1); q++) {
                if (starts[q] < length) {
                    double[] x = new double[rows.columns()];
                    rows.copyRow(positions[q], x);
                    fillGroups(positions[q], x, targets[q], starts[q], length, starts[q] / PackedRows.WIDTH,
                            (length + PackedRows.WIDTH - 1) / PackedRows.WIDTH);
                }
            }
        });
    }

    /** Swaps positions {@code i} and {@code j}. */
    void swap(int i, int j) {
        cache.swap(i, j);
        rows.swap(i, j);
    }

    private void fill(int i, float[] row, int from, int to) {
        double[] x = new double[rows.columns()];
        rows.copyRow(i, x);
        int firstGroup = from / PackedRows.WIDTH;
        int endGroup = (to + PackedRows.WIDTH - 1) / PackedRows.WIDTH;
        long work = (long) (to - from) * (rows.columns() + 40);
        if (work < PARALLEL_WORK) {
            fillGroups(i, x, row, from, to, firstGroup, endGroup);
            return;
        }
        int tasks = (endGroup - firstGroup + TASK_GROUPS - 1) / TASK_GROUPS;
        IntStream.range(0, tasks).parallel().forEach(t -> {
            int g = firstGroup + t * TASK_GROUPS;
            fillGroups(i, x, row, from, to, g, Math.min(endGroup, g + TASK_GROUPS));
        });
    }

    /** The entries in {@code [from, to)} of groups {@code [firstGroup, endGroup)}. */
    private void fillGroups(int i, double[] x, float[] row, int from, int to, int firstGroup, int endGroup) {
        double normI = rows.squaredNorm(i);
        double[] dots = new double[PackedRows.WIDTH];
        for (int g = firstGroup; g < endGroup; g++) {
            rows.dots(x, g, dots);
            int start = Math.max(from, g * PackedRows.WIDTH);
            int end = Math.min(to, (g + 1) * PackedRows.WIDTH);
            for (int j = start; j < end; j++) {
                row[j] = (float) Math.exp(-gamma * (normI + rows.squaredNorm(j) - 2 * dots[j - g * PackedRows.WIDTH]));
            }
        }
    }

    /** Entries {@code [from, to)} of rows {@code i} and {@code j}, in one pass. */
    private void fillPair(int i, int j, float[] rowI, float[] rowJ, int from, int to) {
        double[] x = new double[rows.columns()];
        double[] y = new double[rows.columns()];
        rows.copyRow(i, x);
        rows.copyRow(j, y);
        int firstGroup = from / PackedRows.WIDTH;
        int endGroup = (to + PackedRows.WIDTH - 1) / PackedRows.WIDTH;
        double normI = rows.squaredNorm(i);
        double normJ = rows.squaredNorm(j);
        double[] dots = new double[2 * PackedRows.WIDTH];
        for (int g = firstGroup; g < endGroup; g++) {
            rows.dots(x, y, g, dots);
            int start = Math.max(from, g * PackedRows.WIDTH);
            int end = Math.min(to, (g + 1) * PackedRows.WIDTH);
            for (int k = start; k < end; k++) {
                int c = k - g * PackedRows.WIDTH;
                double norm = rows.squaredNorm(k);
                rowI[k] = (float) Math.exp(-gamma * (normI + norm - 2 * dots[c]));
                rowJ[k] = (float) Math.exp(-gamma * (normJ + norm - 2 * dots[PackedRows.WIDTH + c]));
            }
        }
    }
}
