package dtad.io;

import dtad.InputException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads NPY files (numpy's {@code .npy}, format versions 1.0, 2.0 and 3.0) of the dtypes in
 * {@link NpyType}, in either byte order and in C or Fortran order, into an {@link NpyArray} in row-major
 * order. Decoding works on the bytes in place (no per-element stream reads), and Fortran order is turned
 * into row-major in blocks of rows that fit in the cache.
 *
 * <p>Anything else is refused with a one-line {@link InputException}: a bad magic string, an unsupported
 * version or dtype (object, complex, string, structured, ...), a malformed header, or data whose length
 * disagrees with the header's shape (too short or too long).
 */
public final class NpyReader {
    /** The number of doubles a block of the Fortran-to-C reordering writes: 256 KiB, cache sized. */
    private static final int BLOCK_VALUES = 1 << 15;

    private NpyReader() {
    }

    /**
     * Reads an NPY file. The file is mapped, not copied onto the heap, so reading needs the heap of the
     * decoded values only (8 bytes per element), not that and the file's bytes.
     */
    public static NpyArray read(Path file) {
        return read(InputFiles.map(file), file.toString());
    }

    /**
     * Reads NPY content from {@code bytes} between its position and its limit; {@code source} names it in
     * messages, e.g. {@code data/x.npz: entry X.npy}.
     */
    public static NpyArray read(ByteBuffer bytes, String source) {
        ByteBuffer content = bytes.slice();
        NpyHeader header = NpyHeader.parse(content, source);
        NpyDtype dtype = header.dtype();
        long count = header.elements();
        long needed = count * dtype.type().size();
        long found = content.limit() - (long) header.dataOffset();
        if (found != needed) {
            String problem = found < needed ? "truncated data: " : "the header's shape disagrees with the data: ";
            throw new InputException(source + ": " + problem + "shape " + NpyHeader.shapeText(header.shape())
                    + " of " + dtype.descriptor() + " needs " + needed + " bytes of data, found " + found);
        }
        ByteBuffer data = content.duplicate().order(dtype.order());
        double[] values = new double[(int) count];
        int[] shape = header.shape();
        if (!header.fortranOrder() || shape.length < 2 || values.length == 0) {
            dtype.type().decode(data, header.dataOffset(), values.length, values, 0, 1);
        } else if (shape.length == 2) {
            decodeColumnMajor(dtype.type(), data, header.dataOffset(), shape[0], shape[1], values);
        } else {
            double[] columnMajor = new double[values.length];
            dtype.type().decode(data, header.dataOffset(), values.length, columnMajor, 0, 1);
            reverseAxes(columnMajor, shape, values);
        }
        return new NpyArray(source, dtype, shape, values);
    }

    /**
     * Decodes a column-major {@code rows x columns} array into row-major {@code out}, a block of rows at a
     * time: each column's part of the block is read sequentially and written with a stride that stays
     * within the block.
     */
    private static void decodeColumnMajor(NpyType type, ByteBuffer data, int offset, int rows, int columns,
                                          double[] out) {
        int block = Math.max(64, BLOCK_VALUES / columns);
        for (int first = 0; first < rows; first += block) {
            int count = Math.min(block, rows - first);
            for (int column = 0; column < columns; column++) {
                long element = (long) column * rows + first;
                type.decode(data, (int) (offset + element * type.size()), count, out, first * columns + column,
                        columns);
            }
        }
    }

    /** Reorders an array of any rank from column-major to row-major. */
    private static void reverseAxes(double[] columnMajor, int[] shape, double[] out) {
        int rank = shape.length;
        int[] stride = new int[rank];
        stride[rank - 1] = 1;
        for (int axis = rank - 2; axis >= 0; axis--) {
            stride[axis] = stride[axis + 1] * shape[axis + 1];
        }
        int[] index = new int[rank];
        int target = 0;
        for (double value : columnMajor) {
            out[target] = value;
            for (int axis = 0; axis < rank; axis++) {
                target += stride[axis];
                if (++index[axis] < shape[axis]) {
                    break;
                }
                target -= stride[axis] * shape[axis];
                index[axis] = 0;
            }
        }
    }
}
