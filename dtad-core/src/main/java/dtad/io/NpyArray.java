package dtad.io;

import dtad.InputException;
import dtad.data.Matrix;

/**
 * An array read from an NPY file (or an NPZ entry), with its values as doubles in row-major (C) order
 * whatever the file's order. NaN and infinite values are kept as they are. It converts to the features
 * {@link Matrix} (rank 2) or to 0/1 labels (rank 1), refusing other shapes with a message naming the source.
 *
 * <p>The arrays are shared, not copied: treat them as read-only. Records compare arrays by identity.
 *
 * @param source where the array was read from, for messages, e.g. {@code data/x.npz: entry X.npy}
 * @param dtype  the element type in the file
 * @param shape  the dimensions, e.g. {@code [rows, columns]}
 * @param values the elements in row-major order, {@code product(shape)} of them
 */
public record NpyArray(String source, NpyDtype dtype, int[] shape, double[] values) {

    public NpyArray {
        if (NpyHeader.elements(shape) != values.length) {
            throw new IllegalArgumentException("Shape " + NpyHeader.shapeText(shape) + " does not hold "
                    + values.length + " values");
        }
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The shape as Python writes it, e.g. {@code (3, 2)} or {@code (3,)}. */
    public String shapeText() {
        return NpyHeader.shapeText(shape);
    }

    /**
     * The array as a features matrix, sharing its values: it must have rank 2 and at least one row and one
     * column.
     */
    public Matrix toMatrix() {
        if (rank() != 2) {
            throw new InputException(source + ": features must be a 2-D array (rows x columns), found shape "
                    + shapeText());
        }
        if (shape[0] == 0 || shape[1] == 0) {
            throw new InputException(source + ": features must have at least one row and one column, found shape "
                    + shapeText());
        }
        return Matrix.wrap(shape[0], shape[1], values);
    }

    /**
     * The array as labels, 0 (normal) or 1 (anomaly): it must have rank 1, or rank 2 with one column, and
     * hold only the values 0 and 1 (any dtype).
     */
    public int[] toLabels() {
        if (rank() != 1 && !(rank() == 2 && shape[1] == 1)) {
            throw new InputException(source + ": labels must be a 1-D array (or a single column), found shape "
                    + shapeText());
        }
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double value = values[i];
            if (value == 1) {
                labels[i] = 1;
            } else if (value != 0) {
                throw new InputException(source + ": labels must be 0 or 1, found " + Messages.number(value)
                        + " at row " + i + " (counting from 0)");
            }
        }
        return labels;
    }

    @Override
    public String toString() {
        return "NpyArray[" + source + ", " + dtype.descriptor() + ", shape " + shapeText() + "]";
    }
}
