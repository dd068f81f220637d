package dtad.classical;

import dtad.data.Matrix;
import java.util.stream.IntStream;

/**
 * The RBF kernel matrix {@code K(a, b) = exp(-gamma (|a|^2 + |b|^2 - 2 a.b))} of dense rows, served
 * row by row to {@link OneClassSvmSolver} through a {@link KernelCache}, in the solver's order of
 * positions (shrinking permutes them). Every entry is computed exactly as LIBSVM does it (squared
 * norms once per row, the dot product summed in column order, the result rounded to float), so the
 * solver follows LIBSVM's path step for step; speed comes from contiguous rows, four dot products
 * interleaved (independent sums, each in LIBSVM's order) and long row segments split over the common
 * fork-join pool (each entry is computed by one thread, so results do not depend on the threads).
 */
final class RbfKernelMatrix {
    /** Below about this many operations, a row segment is computed on the calling thread. */
    private static final long PARALLEL_WORK = 400_000;
    private static final int PARALLEL_BLOCK = 512;

    private final double[] values;
    private final int columns;
    private final double[] squaredNorms;
    private final double gamma;
    /** The training row at each solver position. */
    private final int[] rowAt;
    private final KernelCache cache;

    RbfKernelMatrix(Matrix x, double gamma, long cacheBytes) {
        this.values = x.values();
        this.columns = x.columns();
        this.gamma = gamma;
        int n = x.rows();
        this.squaredNorms = new double[n];
        for (int r = 0; r < n; r++) {
            squaredNorms[r] = dot(r, r);
        }
        this.rowAt = new int[n];
        for (int r = 0; r < n; r++) {
            rowAt[r] = r;
        }
        this.cache = new KernelCache(n, cacheBytes);
    }

    /** {@code K} at positions {@code i}, {@code j}, in double precision (the solver's diagonal). */
    double entry(int i, int j) {
        int a = rowAt[i];
        int b = rowAt[j];
        return Math.exp(-gamma * (squaredNorms[a] + squaredNorms[b] - 2 * dot(a, b)));
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

    /** Swaps positions {@code i} and {@code j}. */
    void swap(int i, int j) {
        cache.swap(i, j);
        int t = rowAt[i];
        rowAt[i] = rowAt[j];
        rowAt[j] = t;
    }

    private void fill(int i, float[] row, int from, int to) {
        long work = (long) (to - from) * (columns + 40);
        if (work < PARALLEL_WORK) {
            fillRange(i, row, from, to);
            return;
        }
        int blocks = (to - from + PARALLEL_BLOCK - 1) / PARALLEL_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int start = from + b * PARALLEL_BLOCK;
            fillRange(i, row, start, Math.min(to, start + PARALLEL_BLOCK));
        });
    }

    /** Entries {@code [from, to)} of row {@code i}, four at a time. */
    private void fillRange(int i, float[] row, int from, int to) {
        int a = rowAt[i];
        int offset = a * columns;
        double normA = squaredNorms[a];
        int j = from;
        for (; j + 4 <= to; j += 4) {
            int b0 = rowAt[j];
            int b1 = rowAt[j + 1];
            int b2 = rowAt[j + 2];
            int b3 = rowAt[j + 3];
            int o0 = b0 * columns;
            int o1 = b1 * columns;
            int o2 = b2 * columns;
            int o3 = b3 * columns;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int k = 0; k < columns; k++) {
                double v = values[offset + k];
                s0 += v * values[o0 + k];
                s1 += v * values[o1 + k];
                s2 += v * values[o2 + k];
                s3 += v * values[o3 + k];
            }
            row[j] = (float) Math.exp(-gamma * (normA + squaredNorms[b0] - 2 * s0));
            row[j + 1] = (float) Math.exp(-gamma * (normA + squaredNorms[b1] - 2 * s1));
            row[j + 2] = (float) Math.exp(-gamma * (normA + squaredNorms[b2] - 2 * s2));
            row[j + 3] = (float) Math.exp(-gamma * (normA + squaredNorms[b3] - 2 * s3));
        }
        for (; j < to; j++) {
            int b = rowAt[j];
            row[j] = (float) Math.exp(-gamma * (normA + squaredNorms[b] - 2 * dot(a, b)));
        }
    }

    /** The dot product of training rows {@code a} and {@code b}, summed in column order. */
    private double dot(int a, int b) {
        int oa = a * columns;
        int ob = b * columns;
        double sum = 0;
        for (int k = 0; k < columns; k++) {
            sum += values[oa + k] * values[ob + k];
        }
        return sum;
    }
}
