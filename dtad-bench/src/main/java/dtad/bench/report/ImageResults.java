package dtad.bench.report;

import dtad.data.Matrix;
import dtad.image.ImageSet;

/**
 * One detector's results on labelled test images, for the report's image section: a score per image and an
 * anomaly map per image (height x width of the images), with the ground-truth masks to show beside them.
 *
 * @param detector the detector's name as the report shows it
 * @param test     the test images
 * @param scores   one score per test image, higher = more anomalous
 * @param maps     one row of {@code height x width} map values per test image
 * @param masks    one row of {@code height x width} mask values in [0, 1] per test image (1 = defect)
 */
public record ImageResults(String detector, ImageSet test, double[] scores, Matrix maps, Matrix masks) {
    public ImageResults {
        int n = test.size();
        int plane = test.shape().height() * test.shape().width();
        if (scores.length != n || maps.rows() != n || masks.rows() != n) {
            throw new IllegalArgumentException(detector + ": " + scores.length + " scores, " + maps.rows()
                    + " maps and " + masks.rows() + " masks for " + n + " test images");
        }
        if (maps.columns() != plane || masks.columns() != plane) {
            throw new IllegalArgumentException(detector + ": maps of " + maps.columns() + " and masks of "
                    + masks.columns() + " values for images of " + plane + " pixels");
        }
    }
}
