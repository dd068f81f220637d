package dtad.classical;

import dtad.data.Matrix;

/**
 * Dense rows packed for RBF kernels: groups of {@link #WIDTH} consecutive rows, each group stored column
 * by column ({@code WIDTH} values of column 0, then of column 1, ...), so that the dot products of one
 * vector with a whole group are one contiguous pass with {@code WIDTH} independent sums (which the CPU
 * overlaps), and the data streams from memory in order. Each dot product is summed in column order
 * from 0, as LIBSVM sums it; the last group is padded with zero rows. The squared norms are kept with
 * the rows. Rows can be swapped (the SVM solver's shrinking permutes them).
 */
final class PackedRows {
    /** Rows per group. */
    static final int WIDTH = 8;

    private final int rows;
    private final int columns;
    private final double[] packed;
    private final double[] squaredNorms;

    PackedRows(Matrix x) {
        this.rows = x.rows();
        this.columns = x.columns();
        int groups = (rows + WIDTH - 1) / WIDTH;
        this.packed = new double[groups * WIDTH * columns];
        this.squaredNorms = new double[rows];
        double[] v = x.values();
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            int at = index(r, 0);
            for (int k = 0; k < columns; k++, at += WIDTH) {
                double value = v[r * columns + k];
                packed[at] = value;
                sum += value * value;
            }
            squaredNorms[r] = sum;
        }
    }

    int rows() {
        return rows;
    }

    int columns() {
        return columns;
    }

    /** The number of groups of {@link #WIDTH} rows (the last one padded). */
    int groups() {
        return packed.length / (WIDTH * Math.max(1, columns));
    }

    double squaredNorm(int row) {
        return squaredNorms[row];
    }

    /** Row {@code row} into {@code out[0, columns)}. */
    void copyRow(int row, double[] out) {
        for (int k = 0, at = index(row, 0); k < columns; k++, at += WIDTH) {
            out[k] = packed[at];
        }
    }

    /** Swaps rows {@code i} and {@code j}, with their norms. */
    void swap(int i, int j) {
        for (int k = 0, a = index(i, 0), b = index(j, 0); k < columns; k++, a += WIDTH, b += WIDTH) {
            double t = packed[a];
            packed[a] = packed[b];
            packed[b] = t;
        }
        double t = squaredNorms[i];
        squaredNorms[i] = squaredNorms[j];
        squaredNorms[j] = t;
    }

    /** The dot products of {@code x} with the rows of group {@code g}, into {@code out[0, WIDTH)}. */
    void dots(double[] x, int g, double[] out) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        double[] p = packed;
        for (int k = 0, at = g * WIDTH * columns; k < columns; k++, at += WIDTH) {
            double a = x[k];
            s0 += a * p[at];
            s1 += a * p[at + 1];
            s2 += a * p[at + 2];
            s3 += a * p[at + 3];
            s4 += a * p[at + 4];
            s5 += a * p[at + 5];
            s6 += a * p[at + 6];
            s7 += a * p[at + 7];
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
        out[4] = s4;
        out[5] = s5;
        out[6] = s6;
        out[7] = s7;
    }

    /**
     * The dot products of {@code x} and of {@code y} with the rows of group {@code g}, into
     * {@code out[0, WIDTH)} and {@code out[WIDTH, 2 WIDTH)}: the group is read once for two vectors.
     */
    void dots(double[] x, double[] y, int g, double[] out) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        double t4 = 0;
        double t5 = 0;
        double t6 = 0;
        double t7 = 0;
        double[] p = packed;
        for (int k = 0, at = g * WIDTH * columns; k < columns; k++, at += WIDTH) {
            double a = x[k];
            double b = y[k];
            double p0 = p[at];
            double p1 = p[at + 1];
            double p2 = p[at + 2];
            double p3 = p[at + 3];
            s0 += a * p0;
            t0 += b * p0;
            s1 += a * p1;
            t1 += b * p1;
            s2 += a * p2;
            t2 += b * p2;
            s3 += a * p3;
            t3 += b * p3;
            double p4 = p[at + 4];
            double p5 = p[at + 5];
            double p6 = p[at + 6];
            double p7 = p[at + 7];
            s4 += a * p4;
            t4 += b * p4;
            s5 += a * p5;
            t5 += b * p5;
            s6 += a * p6;
            t6 += b * p6;
            s7 += a * p7;
            t7 += b * p7;
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
        out[4] = s4;
        out[5] = s5;
        out[6] = s6;
        out[7] = s7;
        out[8] = t0;
        out[9] = t1;
        out[10] = t2;
        out[11] = t3;
        out[12] = t4;
        out[13] = t5;
        out[14] = t6;
        out[15] = t7;
    }

    private int index(int row, int column) {
        return (row / WIDTH) * WIDTH * columns + column * WIDTH + row % WIDTH;
    }
}
