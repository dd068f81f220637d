package dtad.image;

import java.util.Arrays;

/**
 * Brings one image to the shape that {@link ImageOptions} ask for: the channel count (gray by the ITU-R
 * BT.601 luma weights, RGB by repeating the gray channel) and the size ({@link ImageResize}). Both steps
 * are linear, so their order does not change the result; the cheaper order is taken (gray before resizing,
 * RGB after).
 */
public final class ImageConversion {
    /** ITU-R BT.601 luma weights of red, green and blue, as PIL's {@code convert('L')} and OpenCV use them. */
    public static final double RED = 0.299;
    public static final double GREEN = 0.587;
    public static final double BLUE = 0.114;

    private ImageConversion() {
    }

    /**
     * The image of shape {@code from} at {@code values[offset ...]} converted to {@code options.target(from)};
     * the input is left untouched, the result is a new array (or {@code values} itself when nothing changes
     * and {@code offset} is 0 and the lengths match).
     */
    public static double[] apply(double[] values, int offset, ImageShape from, ImageOptions options) {
        ImageShape to = options.target(from);
        if (to.equals(from)) {
            if (offset == 0 && values.length == from.values()) {
                return values;
            }
            return Arrays.copyOfRange(values, offset, offset + from.values());
        }
        double[] image = values;
        int start = offset;
        ImageShape shape = from;
        if (to.channels() < shape.channels()) {
            image = toChannels(image, start, shape, to.channels());
            start = 0;
            shape = new ImageShape(to.channels(), shape.height(), shape.width());
        }
        if (to.height() != shape.height() || to.width() != shape.width()) {
            image = ImageResize.resize(image, start, shape, to.height(), to.width());
            start = 0;
            shape = new ImageShape(shape.channels(), to.height(), to.width());
        }
        if (to.channels() != shape.channels()) {
            image = toChannels(image, start, shape, to.channels());
        }
        return image;
    }

    /** The image converted to 1 channel (from 3) or 3 channels (from 1); any other change is refused. */
    public static double[] toChannels(double[] values, int offset, ImageShape from, int channels) {
        int plane = from.height() * from.width();
        double[] out = new double[channels * plane];
        if (from.channels() == channels) {
            System.arraycopy(values, offset, out, 0, out.length);
        } else if (from.channels() == 3 && channels == 1) {
            for (int p = 0; p < plane; p++) {
                out[p] = RED * values[offset + p] + GREEN * values[offset + plane + p]
                        + BLUE * values[offset + 2 * plane + p];
            }
        } else if (from.channels() == 1 && channels == 3) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(values, offset, out, c * plane, plane);
            }
        } else {
            throw new IllegalArgumentException("Cannot convert " + from.channels() + " channels to " + channels
                    + " (1 for gray, 3 for RGB)");
        }
        return out;
    }
}
