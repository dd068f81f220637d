package dtad.image;

/**
 * Gaussian smoothing of one 2-D map (e.g. an anomaly map of per-pixel reconstruction errors), the standard
 * post-processing in MVTec-AD evaluations (sigma 4 pixels). Separable: one 1-D pass along the rows, one
 * along the columns. Matches {@code scipy.ndimage.gaussian_filter(map, sigma, mode='reflect', truncate=4.0)}:
 * the kernel reaches {@code round(4 sigma)} pixels to each side, its weights sum to 1, and the map is
 * mirrored at its borders with the edge pixel repeated ({@code d c b a | a b c d}), so a constant map stays
 * constant and the sum of the map is kept.
 */
public final class GaussianBlur {
    /** The usual sigma, in pixels, for anomaly maps of MVTec-AD-sized images. */
    public static final double DEFAULT_SIGMA = 4;
    private static final double TRUNCATE = 4;

    private GaussianBlur() {
    }

    /**
     * The map of {@code height x width} values at {@code map[offset ...]} (row by row) blurred with standard
     * deviation {@code sigma} pixels, as a new array; sigma 0 returns a copy.
     */
    public static double[] blur(double[] map, int offset, int height, int width, double sigma) {
        int plane = Math.multiplyExact(height, width);
        if (offset < 0 || offset + plane > map.length) {
            throw new IllegalArgumentException("A " + height + " x " + width + " map does not fit " + map.length
                    + " values from " + offset);
        }
        double[] out = new double[plane];
        System.arraycopy(map, offset, out, 0, plane);
        blurPlanes(out, height, width, sigma);
        return out;
    }

    /**
     * Blurs, in place, every map of {@code height x width} values that {@code planes} holds one after another
     * (e.g. the channels of many images): one kernel and one line buffer for all of them. Sigma 0 changes nothing.
     */
    public static void blurPlanes(double[] planes, int height, int width, double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Invalid blur sigma: " + sigma + " (pixels, 0 or more)");
        }
        int plane = Math.multiplyExact(height, width);
        if (plane == 0 ? planes.length > 0 : planes.length % plane != 0) {
            throw new IllegalArgumentException(planes.length + " values are not whole " + height + " x " + width
                    + " maps");
        }
        if (sigma == 0 || plane == 0) {
            return;
        }
        double[] kernel = kernel(sigma);
        double[] line = new double[Math.max(height, width)];
        for (int start = 0; start < planes.length; start += plane) {
            for (int y = 0; y < height; y++) {
                int row = start + y * width;
                System.arraycopy(planes, row, line, 0, width);
                convolve(line, width, kernel, planes, row, 1);
            }
            for (int x = 0; x < width; x++) {
                for (int y = 0; y < height; y++) {
                    line[y] = planes[start + y * width + x];
                }
                convolve(line, height, kernel, planes, start + x, width);
            }
        }
    }

    /** Weights for offsets 0 to radius, normalised so that the whole symmetric kernel sums to 1. */
    static double[] kernel(double sigma) {
        int radius = (int) (TRUNCATE * sigma + 0.5);
        double[] weights = new double[radius + 1];
        double sum = 0;
        for (int i = 0; i <= radius; i++) {
            weights[i] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += i == 0 ? weights[i] : 2 * weights[i];
        }
        for (int i = 0; i <= radius; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    /** Convolves {@code line[0 .. n)} with the kernel into {@code out[start + k * stride]}. */
    private static void convolve(double[] line, int n, double[] kernel, double[] out, int start, int stride) {
        int radius = kernel.length - 1;
        for (int k = 0; k < n; k++) {
            double sum = kernel[0] * line[k];
            for (int i = 1; i <= radius; i++) {
                sum += kernel[i] * (line[reflect(k - i, n)] + line[reflect(k + i, n)]);
            }
            out[start + k * stride] = sum;
        }
    }

    /** The index mirrored into [0, n) with the edge repeated, periodic with period 2n (scipy's 'reflect'). */
    private static int reflect(int i, int n) {
        int period = 2 * n;
        int r = Math.floorMod(i, period);
        return r < n ? r : period - 1 - r;
    }
}
