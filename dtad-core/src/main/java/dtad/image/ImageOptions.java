package dtad.image;

/**
 * How images are brought to one shape while they are read (the command line's {@code --size} and
 * {@code --channels}).
 *
 * <p>Size: {@code 0 x 0} keeps each image's size, and then all images must have the same size (a different
 * one is refused, naming the file); otherwise every image is resized to {@code height x width} by
 * {@link ImageResize}: area averaging along an axis that shrinks, bilinear interpolation along an axis that
 * grows (the aspect ratio is not kept: a 64 x 32 image becomes 32 x 32 by averaging pairs of rows).
 *
 * <p>Channels: {@code 0} keeps the channels as read (1 for grayscale files and single-channel arrays, 3 for
 * colour), and then all images must have the same count; {@code 1} turns colour into gray with the ITU-R
 * BT.601 luma weights {@code 0.299 R + 0.587 G + 0.114 B}; {@code 3} turns gray into RGB by repeating it.
 * An alpha channel is always composited over white ({@code v * a + (1 - a)}), as a viewer shows the image
 * on a white page.
 *
 * @param height   the target height, or 0 to keep the size
 * @param width    the target width, or 0 to keep the size
 * @param channels 1 or 3, or 0 to keep the channels
 * @param layout   how a 4-D {@code .npy}/{@code .npz} array is laid out ({@link ArrayLayout#AUTO}: told from its shape)
 */
public record ImageOptions(int height, int width, int channels, ArrayLayout layout) {
    /** Keep size and channels; tell the array layout from the shape. */
    public static final ImageOptions DEFAULT = new ImageOptions(0, 0, 0, ArrayLayout.AUTO);

    public ImageOptions {
        if (height < 0 || width < 0 || (height == 0) != (width == 0)) {
            throw new IllegalArgumentException("Invalid image size: " + height + " x " + width
                    + " (both positive, or both 0 to keep the images' size)");
        }
        if (channels != 0 && channels != 1 && channels != 3) {
            throw new IllegalArgumentException("Invalid channel count: " + channels + " (1 for gray, 3 for RGB)");
        }
        if (layout == null) {
            throw new IllegalArgumentException("The array layout is missing (AUTO, NHWC or NCHW)");
        }
    }

    /** These options with images resized to {@code size x size}. */
    public ImageOptions withSize(int size) {
        return withSize(size, size);
    }

    /** These options with images resized to {@code height x width}. */
    public ImageOptions withSize(int newHeight, int newWidth) {
        return new ImageOptions(newHeight, newWidth, channels, layout);
    }

    /** These options with images converted to 1 (gray) or 3 (RGB) channels. */
    public ImageOptions withChannels(int newChannels) {
        return new ImageOptions(height, width, newChannels, layout);
    }

    /** These options with a 4-D array read in the given layout. */
    public ImageOptions withLayout(ArrayLayout newLayout) {
        return new ImageOptions(height, width, channels, newLayout);
    }

    /** Whether images are resized to a common size. */
    public boolean resizes() {
        return height > 0;
    }

    /** The shape an image of {@code read} shape becomes under these options. */
    public ImageShape target(ImageShape read) {
        return new ImageShape(channels == 0 ? read.channels() : channels,
                resizes() ? height : read.height(), resizes() ? width : read.width());
    }
}
