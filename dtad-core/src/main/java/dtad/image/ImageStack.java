package dtad.image;

import dtad.InputException;
import dtad.data.Matrix;
import java.util.Arrays;

/**
 * Collects images, converted by {@link ImageOptions}, into the rows of one matrix. The first image fixes the
 * shape; a later image of another shape is refused, naming it, its shape, the first image and the option
 * that would make them agree.
 */
final class ImageStack {
    private final ImageOptions options;
    private ImageShape shape;
    private String first;
    private double[] values = new double[0];
    private int rows;

    ImageStack(ImageOptions options) {
        this.options = options;
    }

    /** Adds the image of shape {@code read} at {@code source[offset ...]}; {@code name} names it in messages. */
    void add(String name, ImageShape read, double[] source, int offset) {
        ImageShape target = options.target(read);
        if (shape == null) {
            shape = target;
            first = name;
            if (values.length == 0) {
                values = new double[Math.multiplyExact(8, target.values())];
            }
        } else if (!target.equals(shape)) {
            throw mismatch(name, read, target);
        }
        double[] image = ImageConversion.apply(source, offset, read, options);
        int start = rows * shape.values();
        if (start + shape.values() > values.length) {
            values = Arrays.copyOf(values, Math.max(start + shape.values(), Math.multiplyExact(2, values.length)));
        }
        System.arraycopy(image, image == source ? offset : 0, values, start, shape.values());
        rows++;
    }

    /** Reserves room for {@code total} images of the shape of the first image added, to avoid regrowing. */
    void expect(int total, ImageShape read) {
        long needed = (long) total * options.target(read).values();
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(total + " images of shape " + options.target(read)
                    + " hold more values than one Java array can (" + needed + ")");
        }
        if (needed > values.length) {
            values = Arrays.copyOf(values, (int) needed);
        }
    }

    int rows() {
        return rows;
    }

    /** The shape of the images, or {@code null} before the first. */
    ImageShape shape() {
        return shape;
    }

    /** The images as matrix rows. */
    Matrix toMatrix() {
        return Matrix.wrap(rows, shape.values(), rows * shape.values() == values.length
                ? values : Arrays.copyOf(values, rows * shape.values()));
    }

    private InputException mismatch(String name, ImageShape read, ImageShape target) {
        if (target.channels() != shape.channels()) {
            return new InputException(name + ": " + describe(read.channels()) + ", but " + first + " has "
                    + describe(shape.channels()) + "; convert all images with the channels option (--channels 1 or 3)");
        }
        return new InputException(name + ": size " + read.height() + "x" + read.width() + " (height x width), but "
                + first + " is " + shape.height() + "x" + shape.width()
                + "; resize all images with the size option (--size)");
    }

    private static String describe(int channels) {
        return channels == 1 ? "1 channel (gray)" : channels == 3 ? "3 channels (RGB)" : channels + " channels";
    }
}
