package dtad.image;

import dtad.data.Matrix;

/**
 * Per-pixel anomaly maps from per-value reconstruction errors: each image's squared errors averaged over its
 * channels, then smoothed with {@link GaussianBlur}. The usual sigma of 4 pixels belongs to MVTec-AD images of
 * 256 pixels; smaller images get a proportionally smaller one ({@link #sigmaFor}), so the smoothing covers the
 * same share of the image (a 16 x 16 image: sigma 0.25, almost none).
 */
public final class PixelErrorMaps {
    /** The image side that {@link GaussianBlur#DEFAULT_SIGMA} is meant for. */
    public static final int REFERENCE_SIDE = 256;

    private PixelErrorMaps() {
    }

    /** {@link GaussianBlur#DEFAULT_SIGMA} scaled by the shorter side of the images over {@value #REFERENCE_SIDE}, at most 4. */
    public static double sigmaFor(ImageShape shape) {
        int side = Math.min(shape.height(), shape.width());
        return GaussianBlur.DEFAULT_SIGMA * Math.min(1.0, side / (double) REFERENCE_SIDE);
    }

    /**
     * The maps of {@code errors} (one row of {@code shape.values()} per image, in (channel, row, column) order):
     * one row of {@code height x width} values per image, blurred with {@code sigma} pixels.
     */
    public static Matrix of(Matrix errors, ImageShape shape, double sigma) {
        if (errors.columns() != shape.values()) {
            throw new IllegalArgumentException(errors.columns() + " errors per image for images of " + shape);
        }
        int plane = shape.height() * shape.width();
        double[] maps = new double[Math.multiplyExact(errors.rows(), plane)];
        for (int i = 0; i < errors.rows(); i++) {
            int offset = errors.offset(i);
            for (int c = 0; c < shape.channels(); c++) {
                for (int p = 0; p < plane; p++) {
                    maps[i * plane + p] += errors.values()[offset + c * plane + p] / shape.channels();
                }
            }
        }
        GaussianBlur.blurPlanes(maps, shape.height(), shape.width(), sigma);
        return Matrix.wrap(errors.rows(), plane, maps);
    }
}
