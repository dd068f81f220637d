package dtad.neighbors;

import dtad.data.Matrix;

/**
 * The reference rows of a search, scaled by a power of two and rounded to {@code float}, cut into
 * blocks of {@link #width()} consecutive rows, each block stored column by column
 * ({@code columns[k][r]} is feature {@code k} of the block's row {@code r}), with every row's squared
 * norm. In that layout the dot products of query rows with a whole block are passes of fused
 * multiply-adds {@code out[r] = fma(a_k+1, x_k+1[r], fma(a_k, x_k[r], out[r]))} over short contiguous
 * arrays: loops that the JIT compiles to SIMD instructions (no flags or incubator modules needed). The
 * main kernel takes four query rows and two features per pass ({@link #partialDistances(float[], int,
 * int, int, int, int, float[][])}): each column element loaded from the block (which lives in the L2
 * cache) feeds four multiply-adds: at d = 512 the kernel runs about twice as fast as with one query
 * row per pass (25-32 instead of 13-15 G multiply-adds per second on one core of a Zen 5 EPYC; a whole
 * search 1.4x). The shape matters: with Java 17's C2 this loop (two column arrays, four output arrays)
 * vectorises, while four queries by three or four features did not in our measurements and ran four
 * times slower; the JIT vectorises only when the arrays are distinct objects, hence one array per
 * feature and block and per query row. Every query row gets the same sequence of roundings
 * whichever kernel computes it, so a value does not depend on the other rows. Single precision doubles
 * the lanes per instruction; the search bounds its rounding error and decides in double precision (see
 * {@link Screen}; fused multiply-adds round less often than the products and sums that bound covers).
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
     * fixed order (the norm, then feature after feature, one fused multiply-add each), so a value does
     * not depend on the block, on the other rows or on which kernel computed it. Multiplying by -2 is
     * exact.
     */
    void partialDistances(float[] q, int offset, int b, float[] out) {
        float[][] columns = blocks[b];
        int d = columns.length;
        int size = size(b);
        System.arraycopy(norms[b], 0, out, 0, size);
        int k = 0;
        for (; k + 2 <= d; k += 2) {
            accumulate1x2(-2 * q[offset + k], -2 * q[offset + k + 1], columns[k], columns[k + 1], out, size);
        }
        if (k < d) {
            accumulate1x1(-2 * q[offset + k], columns[k], out, size);
        }
    }

    /**
     * {@link #partialDistances(float[], int, int, float[])} for four query rows at once, at offsets
     * {@code offset0..offset3} of {@code q}, into {@code out[0..3]}: the same values, bit for bit, with
     * each column of the block read once for the four rows.
     */
    void partialDistances(float[] q, int offset0, int offset1, int offset2, int offset3, int b, float[][] out) {
        float[][] columns = blocks[b];
        int d = columns.length;
        int size = size(b);
        float[] out0 = out[0];
        float[] out1 = out[1];
        float[] out2 = out[2];
        float[] out3 = out[3];
        float[] norm = norms[b];
        System.arraycopy(norm, 0, out0, 0, size);
        System.arraycopy(norm, 0, out1, 0, size);
        System.arraycopy(norm, 0, out2, 0, size);
        System.arraycopy(norm, 0, out3, 0, size);
        int k = 0;
        for (; k + 2 <= d; k += 2) {
            accumulate4x2(-2 * q[offset0 + k], -2 * q[offset0 + k + 1], -2 * q[offset1 + k], -2 * q[offset1 + k + 1],
                    -2 * q[offset2 + k], -2 * q[offset2 + k + 1], -2 * q[offset3 + k], -2 * q[offset3 + k + 1],
                    columns[k], columns[k + 1], out0, out1, out2, out3, size);
        }
        if (k < d) {
            accumulate4x1(-2 * q[offset0 + k], -2 * q[offset1 + k], -2 * q[offset2 + k], -2 * q[offset3 + k],
                    columns[k], out0, out1, out2, out3, size);
        }
    }

    // The kernels: one multiply-add per feature and row, in feature order. Keep their shapes (see the
    // class comment): small changes can stop the JIT from vectorising them.

    private static void accumulate4x2(float a00, float a01, float a10, float a11, float a20, float a21, float a30,
                                      float a31, float[] x0, float[] x1, float[] out0, float[] out1, float[] out2,
                                      float[] out3, int size) {
        for (int r = 0; r < size; r++) {
            float y0 = x0[r];
            float y1 = x1[r];
            out0[r] = Math.fma(a01, y1, Math.fma(a00, y0, out0[r]));
            out1[r] = Math.fma(a11, y1, Math.fma(a10, y0, out1[r]));
            out2[r] = Math.fma(a21, y1, Math.fma(a20, y0, out2[r]));
            out3[r] = Math.fma(a31, y1, Math.fma(a30, y0, out3[r]));
        }
    }

    private static void accumulate4x1(float a0, float a1, float a2, float a3, float[] x, float[] out0, float[] out1,
                                      float[] out2, float[] out3, int size) {
        for (int r = 0; r < size; r++) {
            float y = x[r];
            out0[r] = Math.fma(a0, y, out0[r]);
            out1[r] = Math.fma(a1, y, out1[r]);
            out2[r] = Math.fma(a2, y, out2[r]);
            out3[r] = Math.fma(a3, y, out3[r]);
        }
    }

    private static void accumulate1x2(float a0, float a1, float[] x0, float[] x1, float[] out, int size) {
        for (int r = 0; r < size; r++) {
            out[r] = Math.fma(a1, x1[r], Math.fma(a0, x0[r], out[r]));
        }
    }

    private static void accumulate1x1(float a, float[] x, float[] out, int size) {
        for (int r = 0; r < size; r++) {
            out[r] = Math.fma(a, x[r], out[r]);
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
