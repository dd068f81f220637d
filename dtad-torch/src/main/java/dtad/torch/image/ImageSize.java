package dtad.torch.image;

import dtad.InputException;
import dtad.image.ImageShape;
import dtad.method.Constraint;
import dtad.method.ParameterKey;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.method.ParameterValues;
import java.util.function.Function;

/**
 * The image shape an image detector is configured with: {@code channels x height x width}, or all three
 * 0 to infer it from the number of values per row at fit time ({@link #resolve}). A fitted model always
 * holds the resolved shape, so the model file's manifest records it (as the hyperparameters
 * {@code channels}, {@code height}, {@code width}) and scoring checks it.
 *
 * @param channels 0 (infer) or the channels per image
 * @param height   0 (infer) or the height in pixels
 * @param width    0 (infer) or the width in pixels
 */
public record ImageSize(int channels, int height, int width) {
    /** Channels per image, 0 to infer the shape. */
    public static final ParameterKey<Integer> CHANNELS = ParameterKey.of("channels", ParameterType.INTEGER,
            Constraint.atLeast(0), "channels per image; 0 with height and width 0: inferred from the row width "
                    + "(a square grey, else a square colour image)");
    /** Image height in pixels, 0 to infer the shape. */
    public static final ParameterKey<Integer> HEIGHT = ParameterKey.of("height", ParameterType.INTEGER,
            Constraint.atLeast(0), "image height in pixels (0: inferred)");
    /** Image width in pixels, 0 to infer the shape. */
    public static final ParameterKey<Integer> WIDTH = ParameterKey.of("width", ParameterType.INTEGER,
            Constraint.atLeast(0), "image width in pixels (0: inferred)");

    /** Inferred from the data. */
    public static final ImageSize INFERRED = new ImageSize(0, 0, 0);

    /** All three set or all three 0 (the rule relating the three keys), then checked as an {@link ImageShape}. */
    public ImageSize {
        CHANNELS.require(channels);
        HEIGHT.require(height);
        WIDTH.require(width);
        if ((channels == 0 || height == 0 || width == 0) && (channels != 0 || height != 0 || width != 0)) {
            throw new IllegalArgumentException("Invalid image size: channels=" + channels + ", height=" + height
                    + ", width=" + width + " (set all three, or none to infer them)");
        }
        if (channels != 0) {
            new ImageShape(channels, height, width); // validates
        }
    }

    public static ImageSize of(ImageShape shape) {
        return new ImageSize(shape.channels(), shape.height(), shape.width());
    }

    public boolean inferred() {
        return channels == 0;
    }

    /**
     * The shape of rows of {@code features} values: the configured one, which must have that many values,
     * or, when inferred, a square grey image (1 x s x s) if {@code features} is a square, else a square
     * colour image (3 x s x s) if it is three times a square, else one row of pixels (1 x 1 x features).
     */
    public ImageShape resolve(int features) {
        if (!inferred()) {
            ImageShape shape = new ImageShape(channels, height, width);
            if (shape.values() != features) {
                throw new InputException("The images are " + shape + " (" + shape.values() + " values per row), the "
                        + "data has " + features + " columns");
            }
            return shape;
        }
        int grey = squareSide(features);
        if (grey > 0) {
            return new ImageShape(1, grey, grey);
        }
        int colour = features % 3 == 0 ? squareSide(features / 3) : 0;
        if (colour > 0) {
            return new ImageShape(3, colour, colour);
        }
        return new ImageShape(1, 1, features);
    }

    private static int squareSide(int n) {
        int side = (int) Math.round(Math.sqrt(n));
        return side * side == n ? side : 0;
    }

    /** Declares {@code channels}, {@code height} and {@code width} (0: inferred). */
    public static <D> ParameterTable.Builder<D> addTo(ParameterTable.Builder<D> builder, Function<D, ImageSize> of) {
        return builder
                .add(CHANNELS, INFERRED.channels(), d -> of.apply(d).channels())
                .add(HEIGHT, INFERRED.height(), d -> of.apply(d).height())
                .add(WIDTH, INFERRED.width(), d -> of.apply(d).width());
    }

    /** The size declared by {@link #addTo}; partly set sizes are refused. */
    public static ImageSize of(ParameterValues values) {
        return new ImageSize(values.get(CHANNELS), values.get(HEIGHT), values.get(WIDTH));
    }

    /** {@code settings} with this size's three keys set. */
    public <D> ParameterTable.Settings<D> setIn(ParameterTable.Settings<D> settings) {
        return settings.set(CHANNELS, channels).set(HEIGHT, height).set(WIDTH, width);
    }
}
