package dtad.image;

import dtad.InputException;
import dtad.io.InputFiles;
import dtad.io.NpyArray;
import dtad.io.NpyReader;
import dtad.io.NpyType;
import dtad.io.NpzArrays;
import dtad.io.NpzReader;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads images stored as one numpy array: a {@code .npy} file, or the entry {@code X} of a {@code .npz} file
 * (with optional 0/1 labels in {@code y}, as ADBench stores its data). The array has shape {@code (n, h, w)}
 * (one channel), {@code (n, h, w, c)} or {@code (n, c, h, w)} with {@code c} 1 or 3; {@link ArrayLayout} tells
 * the 4-D layouts apart (from the shape, or as the caller says).
 *
 * <p>Values: {@code uint8} arrays are divided by 255, {@code uint16} by 65535; floating-point arrays are kept as
 * they are (NaN and infinite values are refused); other element types are refused (convert them with numpy's
 * {@code astype}).
 */
public final class ImageArrayReader {
    private ImageArrayReader() {
    }

    /** Reads a {@code .npy} or {@code .npz} image array. */
    public static ImageSet read(Path file, ImageOptions options) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz")) {
            NpzArrays arrays = NpzReader.read(file);
            ImageSet images = fromArray(arrays.x(), InputFiles.baseName(file), file, options);
            if (arrays.y() == null) {
                return images;
            }
            int[] labels = arrays.y().toLabels();
            if (labels.length != images.size()) {
                throw new InputException(arrays.y().source() + ": " + labels.length + " labels for " + images.size()
                        + " images of X (shape " + arrays.x().shapeText() + ")");
            }
            return images.withLabels(labels);
        }
        if (name.endsWith(".npy")) {
            return fromArray(NpyReader.read(file), InputFiles.baseName(file), file, options);
        }
        throw new InputException(file + ": not an image array file (expected .npy or .npz)");
    }

    /** The images of an array read from {@code file}. */
    public static ImageSet fromArray(NpyArray array, String name, Path file, ImageOptions options) {
        double scale = scale(array);
        int[] s = array.shape();
        ImageShape read;
        boolean channelsLast;
        if (s.length == 3) {
            read = shape(array, 1, s[1], s[2]);
            channelsLast = false;
        } else if (s.length == 4) {
            channelsLast = channelsLast(array, options.layout());
            read = channelsLast ? shape(array, s[3], s[1], s[2]) : shape(array, s[1], s[2], s[3]);
            if (read.channels() != 1 && read.channels() != 3) {
                throw new InputException(array.source() + ": " + read.channels() + " channels in shape "
                        + array.shapeText() + " read as " + (channelsLast ? "(n, h, w, c)" : "(n, c, h, w)")
                        + "; images have 1 (gray) or 3 (RGB) channels");
            }
        } else {
            throw new InputException(array.source() + ": images must be a 3-D (n, h, w) or 4-D (n, h, w, c) or "
                    + "(n, c, h, w) array, found shape " + array.shapeText());
        }
        int n = s[0];
        if (n == 0) {
            throw new InputException(array.source() + ": no images (shape " + array.shapeText() + ")");
        }
        double[] values = array.values();
        int size = read.values();
        double[] image = new double[size];
        ImageStack stack = new ImageStack(options);
        stack.expect(n, read);
        int plane = read.height() * read.width();
        for (int i = 0; i < n; i++) {
            int base = i * size;
            for (int v = 0; v < size; v++) {
                // (h, w, c) order in the file when channels come last; (c, h, w) otherwise.
                int from = channelsLast ? base + (v % plane) * read.channels() + v / plane : base + v;
                double value = values[from];
                if (!Double.isFinite(value)) {
                    throw new InputException(array.source() + ": image " + i + " (counting from 0) holds "
                            + (Double.isNaN(value) ? "NaN" : "an infinite value") + "; images must be finite");
                }
                image[v] = value * scale;
            }
            stack.add(array.source(), read, image, 0);
        }
        return ImageSet.of(name, stack.shape(), stack.toMatrix(), file);
    }

    private static double scale(NpyArray array) {
        NpyType type = array.dtype().type();
        return switch (type) {
            case UINT8 -> 1 / 255.0;
            case UINT16 -> 1 / 65535.0;
            case FLOAT16, FLOAT32, FLOAT64 -> 1;
            default -> throw new InputException(array.source() + ": image arrays must be uint8 (scaled by 1/255), "
                    + "uint16 (scaled by 1/65535) or float (kept), found " + array.dtype().name()
                    + "; convert with numpy's astype");
        };
    }

    /** Whether a 4-D array has its channels last, as the layout says or, for AUTO, as the shape shows. */
    private static boolean channelsLast(NpyArray array, ArrayLayout layout) {
        int[] s = array.shape();
        return switch (layout) {
            case NHWC -> true;
            case NCHW -> false;
            case AUTO -> {
                boolean last = s[3] == 1 || s[3] == 3;
                boolean second = s[1] == 1 || s[1] == 3;
                if (last && second) {
                    throw new InputException(array.source() + ": cannot tell the layout of shape " + array.shapeText()
                            + ": both (n, h, w, c) and (n, c, h, w) fit; give the layout (NHWC or NCHW)");
                }
                if (!last && !second) {
                    throw new InputException(array.source() + ": shape " + array.shapeText() + " has no channel axis"
                            + " of 1 (gray) or 3 (RGB) at position 1 or 3; images have 1 or 3 channels");
                }
                yield last;
            }
        };
    }

    private static ImageShape shape(NpyArray array, int channels, int height, int width) {
        try {
            return new ImageShape(channels, height, width);
        } catch (IllegalArgumentException e) {
            throw new InputException(array.source() + ": shape " + array.shapeText() + " holds no images ("
                    + e.getMessage() + ")", e);
        }
    }
}
