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

    /**
     * Makes rows {@code i} and {@code j} cached on {@code [0, length)}, computing the missing parts of
     * both in one pass over the rows where they are the same (half the memory traffic of two
     * {@link #row} calls; the entries are the same).
     */
    void prepare(int i, int j, int length) {
        int startI = cache.request(i, length);
        float[] rowI = cache.row(i);
        int startJ = cache.request(j, length);
        float[] rowJ = cache.row(j);
        if (startI != startJ || startI >= length || rowI == rowJ) {
            if (startI < length) {
                fill(i, rowI, startI, length);
            }
            if (startJ < length) {
                fill(j, rowJ, startJ, length);
            }
            return;
        }
        double[] x = new double[rows.columns()];
        double[] y = new double[rows.columns()];
        rows.copyRow(i, x);
        rows.copyRow(j, y);
        int firstGroup = startI / PackedRows.WIDTH;
        int endGroup = (length + PackedRows.WIDTH - 1) / PackedRows.WIDTH;
        long work = 2L * (length - startI) * (rows.columns() + 40);
        if (work < PARALLEL_WORK) {
            fillGroups(i, j, x, y, rowI, rowJ, startI, length, firstGroup, endGroup);
            return;
        }
        int tasks = (endGroup - firstGroup + TASK_GROUPS - 1) / TASK_GROUPS;
        IntStream.range(0, tasks).parallel().forEach(t -> {
            int g = firstGroup + t * TASK_GROUPS;
            fillGroups(i, j, x, y, rowI, rowJ, startI, length, g, Math.min(endGroup, g + TASK_GROUPS));
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

    /** As {@link #fillGroups(int, double[], float[], int, int, int, int)} for rows {@code i} and {@code j} at once. */
    private void fillGroups(int i, int j, double[] x, double[] y, float[] rowI, float[] rowJ, int from, int to,
                            int firstGroup, int endGroup) {
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
