package dtad.io;

import dtad.data.Matrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes NPY files that numpy reads: little-endian {@code <f8} (or {@code <f4} through {@link #writeFloat32}) in
 * C order, format version 1.0 (2.0 when
 * the header needs more than 65535 bytes), the header laid out and padded to 64 bytes exactly as numpy
 * writes it.
 *
 * <p>Files are written through {@link AtomicFiles}: an interrupted write never leaves a partial file under
 * the final name, and an existing file is replaced only when asked.
 */
public final class NpyWriter {
    private static final int ALIGNMENT = 64;
    /** numpy leaves room for the first dimension to grow to this many digits when rewriting a header. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int CHUNK_VALUES = 1 << 16;

    private NpyWriter() {
    }

    /** Writes a matrix as a 2-D array; an existing {@code file} is replaced only if {@code overwrite}. */
    public static void write(Path file, Matrix matrix, boolean overwrite) throws IOException {
        write(file, new int[] {matrix.rows(), matrix.columns()}, matrix.values(), overwrite);
    }

    /** Writes values as a 1-D array; an existing {@code file} is replaced only if {@code overwrite}. */
    public static void write(Path file, double[] vector, boolean overwrite) throws IOException {
        write(file, new int[] {vector.length}, vector, overwrite);
    }

    /**
     * Writes {@code values[offset ...]} as a float32 ({@code <f4}) array of the given shape, C order, each value
     * rounded to the nearest float; an existing {@code file} is replaced only if {@code overwrite}.
     */
    public static void writeFloat32(Path file, int[] shape, double[] values, int offset, boolean overwrite)
            throws IOException {
        long count = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Negative dimension in shape " + NpyHeader.shapeText(shape));
            }
            count *= d;
        }
        if (offset < 0 || offset + count > values.length) {
            throw new IllegalArgumentException("Shape " + NpyHeader.shapeText(shape) + " needs " + count
                    + " values from " + offset + ", there are " + (values.length - offset));
        }
        int total = (int) count;
        AtomicFiles.write(file, overwrite, out -> {
            out.write(header("<f4", shape));
            ByteBuffer chunk = ByteBuffer.allocate(4 * CHUNK_VALUES).order(ByteOrder.LITTLE_ENDIAN);
            for (int from = 0; from < total; from += CHUNK_VALUES) {
                int n = Math.min(CHUNK_VALUES, total - from);
                chunk.clear();
                for (int i = 0; i < n; i++) {
                    chunk.putFloat((float) values[offset + from + i]);
                }
                out.write(chunk.array(), 0, 4 * n);
            }
        });
    }

    private static void write(Path file, int[] shape, double[] values, boolean overwrite) throws IOException {
        AtomicFiles.write(file, overwrite, out -> {
            out.write(header(shape));
            ByteBuffer chunk = ByteBuffer.allocate(8 * CHUNK_VALUES).order(ByteOrder.LITTLE_ENDIAN);
            for (int from = 0; from < values.length; from += CHUNK_VALUES) {
                int count = Math.min(CHUNK_VALUES, values.length - from);
                chunk.clear();
                chunk.asDoubleBuffer().put(values, from, count);
                out.write(chunk.array(), 0, 8 * count);
            }
        });
    }

    /** The magic string, version, header length and padded header dict for a C-order {@code <f8} array. */
    static byte[] header(int[] shape) {
        return header("<f8", shape);
    }

    /** The header of a C-order array of element type {@code descr}, e.g. {@code <f4}. */
    static byte[] header(String descr, int[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': ")
                .append(NpyHeader.shapeText(shape)).append(", }");
        if (shape.length > 0) {
            dict.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - String.valueOf(shape[0]).length())));
        }
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int major = 1;
        int prefix = NpyHeader.MAGIC.length + 2 + 2;
        int headerLength = paddedLength(prefix, text.length);
        if (headerLength > 0xFFFF) {
            major = 2;
            prefix += 2;
            headerLength = paddedLength(prefix, text.length);
        }
        int padding = headerLength - text.length - 1;
        ByteBuffer out = ByteBuffer.allocate(prefix + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        out.put(NpyHeader.MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            out.putShort((short) headerLength);
        } else {
            out.putInt(headerLength);
        }
        out.put(text);
        for (int i = 0; i < padding; i++) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    /** The header's length after the prefix: the dict, spaces up to a multiple of 64 in all, and a newline. */
    private static int paddedLength(int prefix, int dictLength) {
        return dictLength + 1 + ALIGNMENT - (prefix + dictLength + 1) % ALIGNMENT;
    }
}
