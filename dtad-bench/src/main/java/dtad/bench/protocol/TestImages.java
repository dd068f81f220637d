package dtad.bench.protocol;

import dtad.data.Matrix;
import dtad.image.ImageSet;

/**
 * The test rows of a split as images with their ground-truth defect masks (an MVTec-AD category), so that a
 * detector with anomaly maps can be measured per pixel.
 *
 * @param images the test images, in the order of the split's test rows, with their files and classes
 * @param masks  one row of {@code height x width} values in [0, 1] per test image (1 = defect)
 */
public record TestImages(ImageSet images, Matrix masks) {
    public TestImages {
        int plane = images.shape().height() * images.shape().width();
        if (masks.rows() != images.size() || masks.columns() != plane) {
            throw new IllegalArgumentException(masks.rows() + " masks of " + masks.columns() + " values for "
                    + images.size() + " images of " + images.shape());
        }
    }
}
