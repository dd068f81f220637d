package dtad.neighbors;

import dtad.data.Matrix;

/**
 * The reference rows of a search, scaled by a power of two and rounded to {@code float}, cut into
 * blocks of {@link #width()} consecutive rows, each block stored column by column
 * ({@code columns[k][r]} is feature {@code k} of the block's row {@code r}), with every row's squared
 * norm. In that layout the dot products of one query row with a whole block are {@code d / 4} passes
 * of {@code out[r] += a_k x_k[r] + ... + a_k+3 x_k+3[r]} over short contiguous arrays: loops that the
 * JIT compiles to SIMD instructions (no flags or incubator modules needed). Four features per pass
 * keep loads and stores per multiply-add low; the JIT vectorises such a loop only when the arrays are
 * distinct objects, hence one array per feature and block. Single precision doubles the lanes per
 * instruction; the search bounds its rounding error and decides in double precision (see
 * {@link Screen}).
 *
 * <p>The block width is chosen from the number of features: up to 512 rows, fewer when a block would
 * exceed about 512 KiB, so that it stays in a core's L2 cache while a batch of queries runs against
 * it. Immutable after packing.
 */
final class ReferenceBlocks {
    /** At most about this many floats per block: 512 KiB. */
    private static final int BLOCK_FLOATS = 128 * 1024;
    private static final int MIN_WIDTH = 16;
    private static final int MAX_WIDTH = 512;

    private final int rows;
    private final int width;
    private final float[][][] blocks;
    /** The rounded scaled squared norms of the rows of each block. */
    private final float[][] norms;
    /** The largest scaled squared norm (in double) of each block. */
    private final double[] maxNorms;

    private ReferenceBlocks(int rows, int width, float[][][] blocks, float[][] norms, double[] maxNorms) {
        this.rows = rows;
        this.width = width;
        this.blocks = blocks;
        this.norms = norms;
        this.maxNorms = maxNorms;
    }

    /** Packs {@code references} multiplied by {@code scale} (a power of two) with the default width. */
    static ReferenceBlocks pack(Matrix references, double scale) {
        return pack(references, scale, widthFor(references.columns()));
    }

    /** Packs with a given block width (for benchmarks). */
    static ReferenceBlocks pack(Matrix references, double scale, int width) {
        int n = references.rows();
        int d = references.columns();
        int count = (n + width - 1) / width;
        double[] v = references.values();
        float[][][] blocks = new float[count][][];
        float[][] norms = new float[count][];
        double[] maxNorms = new double[count];
        for (int b = 0; b < count; b++) {
            int first = b * width;
            int size = Math.min(width, n - first);
            float[][] columns = new float[d][size];
            norms[b] = new float[size];
            for (int r = 0; r < size; r++) {
                int offset = (first + r) * d;
                for (int k = 0; k < d; k++) {
                    columns[k][r] = (float) (v[offset + k] * scale);
                }
                double norm = scaledSquaredNorm(v, offset, d, scale);
                norms[b][r] = (float) norm;
                maxNorms[b] = Math.max(maxNorms[b], norm);
            }
            blocks[b] = columns;
        }
        return new ReferenceBlocks(n, width, blocks, norms, maxNorms);
    }

    static int widthFor(int features) {
        int width = BLOCK_FLOATS / Math.max(1, features) / MIN_WIDTH * MIN_WIDTH;
        return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width));
    }

    int width() {
        return width;
    }

    int blockCount() {
        return blocks.length;
    }

    /** The index of the first reference row of block {@code b}. */
    int first(int b) {
        return b * width;
    }

    /** The number of rows of block {@code b}. */
    int size(int b) {
        return Math.min(width, rows - b * width);
    }

    /** The largest scaled squared norm of a row of block {@code b}. */
    double maxSquaredNorm(int b) {
        return maxNorms[b];
    }

    /**
     * The scaled squared distances of the query row at {@code q[offset, offset + d)} (already scaled
     * and rounded) to every row of block {@code b}, less the query's own squared norm, in single
     * precision: {@code out[r] = |b_r|^2 - 2 a.b_r} for {@code r < size(b)}. The terms are added in a
     * fixed order (the norm, then features in groups of four), so a value does not depend on the block
     * or on the other rows. Multiplying by -2 is exact.
     */
    void partialDistances(float[] q, int offset, int b, float[] out) {
        float[][] columns = blocks[b];
        int d = columns.length;
        int size = size(b);
        System.arraycopy(norms[b], 0, out, 0, size);
        int k = 0;
        for (; k + 4 <= d; k += 4) {
            accumulate4(-2 * q[offset + k], -2 * q[offset + k + 1], -2 * q[offset + k + 2], -2 * q[offset + k + 3],
                    columns[k], columns[k + 1], columns[k + 2], columns[k + 3], out, size);
        }
        for (; k < d; k++) {
            accumulate1(-2 * q[offset + k], columns[k], out, size);
        }
    }

    private static void accumulate4(float a0, float a1, float a2, float a3, float[] x0, float[] x1, float[] x2,
                                    float[] x3, float[] out, int size) {
        for (int r = 0; r < size; r++) {
            out[r] += a0 * x0[r] + a1 * x1[r] + a2 * x2[r] + a3 * x3[r];
        }
    }

    private static void accumulate1(float a, float[] x, float[] out, int size) {
        for (int r = 0; r < size; r++) {
            out[r] += a * x[r];
        }
    }

    /** {@code sum_k (scale v_k)^2} over one row, in double precision. */
    static double scaledSquaredNorm(double[] v, int offset, int d, double scale) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double x = v[offset + k] * scale;
            sum += x * x;
        }
        return sum;
    }
}
