package dtad.image;

/**
 * The shape of one image: {@code channels x height x width}. An image flattens to a row of
 * {@link #values()} numbers in (channel, row, column) order, the layout of PyTorch's {@code [C, H, W]}
 * tensors, so tabular detectors see the flattened pixels and image detectors reshape the same row
 * into its grid without copying.
 */
public record ImageShape(int channels, int height, int width) {

    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("Invalid image shape: " + channels + " x " + height + " x " + width
                    + " (channels, height and width must be positive)");
        }
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Image too large: " + channels + " x " + height + " x " + width);
        }
    }

    /** The numbers per image: channels x height x width. */
    public int values() {
        return channels * height * width;
    }

    /** The position of pixel ({@code y}, {@code x}) of channel {@code c} in the flattened row. */
    public int index(int c, int y, int x) {
        return (c * height + y) * width + x;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
