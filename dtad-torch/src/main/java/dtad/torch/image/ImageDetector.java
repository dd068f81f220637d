package dtad.torch.image;

import dtad.image.ImageShape;

/**
 * A detector whose rows are flattened images ({@link ImageShape}: {@code C x H x W} values in
 * (channel, row, column) order). The fitted model's {@code detector()} holds the resolved shape, which
 * its model file records; a caller with images of a known shape can check them against it with
 * {@link #requireShape}.
 */
public interface ImageDetector {

    /** The configured image size (possibly {@linkplain ImageSize#INFERRED inferred} at fit time). */
    ImageSize image();

    /** The shape of rows of {@code features} values under this configuration. */
    default ImageShape imageShape(int features) {
        return image().resolve(features);
    }

    /**
     * Refuses images of another shape than this (fitted) configuration's, naming both; a configuration
     * that infers its shape accepts any.
     */
    default void requireShape(ImageShape images) {
        ImageSize size = image();
        if (!size.inferred() && !ImageSize.of(images).equals(size)) {
            throw new dtad.InputException("The model expects " + size.channels() + "x" + size.height() + "x"
                    + size.width() + " images, got " + images);
        }
    }
}
