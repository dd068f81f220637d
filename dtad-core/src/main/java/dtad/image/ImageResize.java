package dtad.image;

/**
 * Resizes images, one axis after the other (width, then height), with the filter that suits each axis:
 * <ul>
 *   <li>shrinking: area averaging, each output pixel the mean of the source area it covers (partly covered
 *       source pixels count by the covered fraction), so 28 -> 14 averages pairs and no pixel is skipped (for integer
 *       ratios this is PIL's {@code BOX} filter);</li>
 *   <li>enlarging: bilinear interpolation with pixel centres aligned ({@code x_src = (x + 0.5) n / m - 0.5},
 *       clamped at the border), the convention of PyTorch's {@code align_corners=False}; PIL's {@code BILINEAR}
 *       gives the same values when enlarging;</li>
 *   <li>same size: the pixels unchanged.</li>
 * </ul>
 * Both filters are averages of source pixels, so values in [0, 1] stay in [0, 1].
 */
public final class ImageResize {
    private ImageResize() {
    }

    /**
     * Resizes the image of shape {@code from} stored at {@code source[offset ...]} to {@code height x width},
     * returning a new array of {@code from.channels() * height * width} values in (C, H, W) order.
     */
    public static double[] resize(double[] source, int offset, ImageShape from, int height, int width) {
        ImageShape to = new ImageShape(from.channels(), height, width);
        Weights alongWidth = Weights.of(from.width(), width);
        Weights alongHeight = Weights.of(from.height(), height);
        double[] wide = new double[from.channels() * from.height() * width];
        for (int plane = 0; plane < from.channels() * from.height(); plane++) {
            alongWidth.apply(source, offset + plane * from.width(), 1, wide, plane * width, 1);
        }
        double[] out = new double[to.values()];
        for (int c = 0; c < from.channels(); c++) {
            for (int x = 0; x < width; x++) {
                alongHeight.apply(wide, (c * from.height()) * width + x, width, out, (c * height) * width + x, width);
            }
        }
        return out;
    }

    /** For each output position along one axis: the first source position and the weights from there. */
    private record Weights(int[] first, double[][] weights) {

        static Weights of(int n, int m) {
            int[] first = new int[m];
            double[][] weights = new double[m][];
            double scale = (double) n / m;
            for (int j = 0; j < m; j++) {
                if (m == n) {
                    first[j] = j;
                    weights[j] = new double[] {1};
                } else if (m < n) {
                    double from = j * scale;
                    double to = (j + 1) * scale;
                    int start = (int) Math.floor(from);
                    int end = Math.min(n, (int) Math.ceil(to));
                    double[] w = new double[end - start];
                    for (int i = start; i < end; i++) {
                        w[i - start] = (Math.min(to, i + 1) - Math.max(from, i)) / scale;
                    }
                    first[j] = start;
                    weights[j] = w;
                } else {
                    double s = Math.max(0, Math.min(n - 1, (j + 0.5) * scale - 0.5));
                    int i0 = Math.min((int) Math.floor(s), n - 1);
                    double f = s - i0;
                    first[j] = i0;
                    weights[j] = i0 + 1 < n ? new double[] {1 - f, f} : new double[] {1};
                }
            }
            return new Weights(first, weights);
        }

        /** Resamples one line: {@code src[srcOffset + i * srcStride]} into {@code dst[dstOffset + j * dstStride]}. */
        void apply(double[] src, int srcOffset, int srcStride, double[] dst, int dstOffset, int dstStride) {
            for (int j = 0; j < first.length; j++) {
                double sum = 0;
                double[] w = weights[j];
                int base = srcOffset + first[j] * srcStride;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * src[base + k * srcStride];
                }
                dst[dstOffset + j * dstStride] = sum;
            }
        }
    }
}
