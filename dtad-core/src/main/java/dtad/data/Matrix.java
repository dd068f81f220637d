package dtad.data;

import java.util.Arrays;

/**
 * A dense matrix of doubles in row-major order: row {@code r} occupies
 * {@code values[r * columns, (r + 1) * columns)}. Rows are the samples, columns the features.
 *
 * <p>The matrix never copies its backing array on construction or access, so that large data sets
 * are held once; {@link #values()} exposes it for fast kernels, which must treat it as read-only.
 * Everything in dtad that takes a {@code Matrix} leaves it untouched, and no fitted model keeps a
 * caller's matrix: a fit standardizes the training rows into a new array that the model owns
 * ({@link dtad.detect.TrainingData}), so a caller may reuse its array afterwards.
 */
public final class Matrix {
    private final int rows;
    private final int columns;
    private final double[] values;

    private Matrix(int rows, int columns, double[] values) {
        this.rows = rows;
        this.columns = columns;
        this.values = values;
    }

    /** Wraps a row-major array without copying it. */
    public static Matrix wrap(int rows, int columns, double[] values) {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("Invalid matrix shape: " + rows + " x " + columns);
        }
        if ((long) rows * columns != values.length) {
            throw new IllegalArgumentException("A " + rows + " x " + columns + " matrix needs "
                    + (long) rows * columns + " values, got " + values.length);
        }
        return new Matrix(rows, columns, values);
    }

    /** A matrix of zeros. */
    public static Matrix zeros(int rows, int columns) {
        return wrap(rows, columns, new double[Math.multiplyExact(rows, columns)]);
    }

    /** Copies rows of equal length; a ragged row is refused with its index. */
    public static Matrix of(double[][] rows) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        double[] values = new double[Math.multiplyExact(rows.length, columns)];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("Ragged rows: row " + r + " has " + rows[r].length
                        + " values, row 0 has " + columns);
            }
            System.arraycopy(rows[r], 0, values, r * columns, columns);
        }
        return new Matrix(rows.length, columns, values);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public double get(int row, int column) {
        return values[row * columns + column];
    }

    /** The offset of a row in {@link #values()}. */
    public int offset(int row) {
        return row * columns;
    }

    /** The backing row-major array, shared, not copied: read it, never write it. */
    public double[] values() {
        return values;
    }

    /** A copy of one row. */
    public double[] row(int row) {
        return Arrays.copyOfRange(values, row * columns, (row + 1) * columns);
    }

    /** A copy of one column. */
    public double[] column(int column) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = values[r * columns + column];
        }
        return out;
    }

    /** A new matrix with the given rows, in the given order (repeats allowed). */
    public Matrix selectRows(int[] indices) {
        double[] out = new double[Math.multiplyExact(indices.length, columns)];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * columns, out, i * columns, columns);
        }
        return new Matrix(indices.length, columns, out);
    }

    /** A new matrix with rows {@code [from, to)}. */
    public Matrix rowRange(int from, int to) {
        return new Matrix(to - from, columns, Arrays.copyOfRange(values, from * columns, to * columns));
    }

    /** A copy as an array of rows. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = row(r);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + " x " + columns + "]";
    }
}
