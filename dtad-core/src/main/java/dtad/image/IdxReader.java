package dtad.image;

import dtad.InputException;
import dtad.data.Matrix;
import dtad.io.InputFiles;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: a big-endian header (two zero bytes, a type code,
 * the number of dimensions, then each dimension as a 4-byte integer) followed by the values. Images are
 * unsigned bytes in 3 dimensions ({@code n x height x width}, magic {@code 0x00000803}), labels unsigned bytes
 * in 1 dimension (magic {@code 0x00000801}). A file is gunzipped when its name ends in {@code .gz} or it starts
 * with the gzip magic bytes {@code 1f 8b}.
 *
 * <p>Refused with one line naming the file: a wrong magic number (with what it would mean), another element
 * type than unsigned bytes, a truncated or over-long file, a damaged gzip stream.
 */
public final class IdxReader {
    /** The magic number of a 3-D unsigned-byte file: images. */
    public static final int IMAGES_MAGIC = 0x0803;
    /** The magic number of a 1-D unsigned-byte file: labels. */
    public static final int LABELS_MAGIC = 0x0801;
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /** Reads an IDX image file as a set of 1-channel images, pixels divided by 255, converted by {@code options}. */
    public static ImageSet readImages(Path file, ImageOptions options) {
        ByteBuffer bytes = InputFiles.readUnzipped(file);
        int[] dims = header(file, bytes, 3, IMAGES_MAGIC, "images (n x height x width)");
        int n = dims[0];
        ImageShape read;
        try {
            read = new ImageShape(1, dims[1], dims[2]);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage(), e);
        }
        if (n == 0) {
            throw new InputException(file + ": no images (the header says 0)");
        }
        checkLength(file, bytes, (long) n * read.values(), n + " x " + dims[1] + " x " + dims[2]);
        int size = read.values();
        String name = InputFiles.baseName(file);
        int position = bytes.position();
        if (options.target(read).equals(read)) {
            // Nothing to convert: decode straight into the matrix.
            double[] values = new double[Math.multiplyExact(n, size)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (bytes.get(position + i) & 0xFF) / 255.0;
            }
            return ImageSet.of(name, read, Matrix.wrap(n, size, values), file);
        }
        double[] image = new double[size];
        ImageStack stack = new ImageStack(options);
        stack.expect(n, read);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < size; p++) {
                image[p] = (bytes.get(position++) & 0xFF) / 255.0;
            }
            stack.add(name, read, image, 0);
        }
        return ImageSet.of(name, stack.shape(), stack.toMatrix(), file);
    }

    /** Reads an IDX label file: one unsigned byte (a class id, 0 to 255) per image. */
    public static int[] readLabels(Path file) {
        ByteBuffer bytes = InputFiles.readUnzipped(file);
        int n = header(file, bytes, 1, LABELS_MAGIC, "labels (n)")[0];
        checkLength(file, bytes, n, String.valueOf(n));
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = bytes.get() & 0xFF;
        }
        return labels;
    }

    /** Checks the magic number and reads the dimensions; the buffer is left at the first value. */
    private static int[] header(Path file, ByteBuffer bytes, int rank, int magic, String expected) {
        if (bytes.remaining() < 4) {
            throw new InputException(file + ": truncated IDX header (" + bytes.remaining() + " bytes)");
        }
        int found = bytes.getInt();
        if (found != magic) {
            int type = (found >> 8) & 0xFF;
            int dims = found & 0xFF;
            String meaning = (found >>> 16) != 0 ? "not an IDX file"
                    : type != UNSIGNED_BYTE ? "an IDX file of element type 0x" + hex(type, 2) + " (only unsigned bytes, 0x08, are supported)"
                    : "an IDX file of " + dims + " dimension(s)";
            throw new InputException(file + ": wrong magic number 0x" + hex(found, 8) + " (" + meaning
                    + "); expected 0x" + hex(magic, 8) + " for " + expected);
        }
        if (bytes.remaining() < 4L * rank) {
            throw new InputException(file + ": truncated IDX header (it ends before the " + rank + " dimension(s))");
        }
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = bytes.getInt();
            if (dims[d] < 0) {
                throw new InputException(file + ": dimension " + d + " is negative in the header (" + dims[d] + ")");
            }
        }
        return dims;
    }

    private static void checkLength(Path file, ByteBuffer bytes, long needed, String shape) {
        long found = bytes.remaining();
        if (found < needed) {
            throw new InputException(file + ": truncated: the header's shape " + shape + " needs " + needed
                    + " bytes of values, found " + found);
        }
        if (found > needed) {
            throw new InputException(file + ": " + (found - needed) + " bytes more than the header's shape " + shape
                    + " needs (" + needed + ")");
        }
    }

    private static String hex(int value, int digits) {
        String text = Integer.toHexString(value);
        return "0".repeat(Math.max(0, digits - text.length())) + text;
    }
}
