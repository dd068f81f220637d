package dtad.torch.image;

import dtad.data.Matrix;
import dtad.image.ImageShape;
import java.util.SplittableRandom;

/**
 * Synthetic images for the image detectors' tests and benchmarks: normal images show horizontal bars
 * (two rows bright, two dark, at a random phase), anomalies vertical bars; both with a little
 * Gaussian noise, in [0, 1]-like pixel values as an image reader would give.
 */
public final class TestImages {
    private TestImages() {
    }

    /** {@code n} images of horizontal bars. */
    public static Matrix normal(int n, ImageShape shape, long seed) {
        return bars(n, shape, seed, false);
    }

    /** {@code n} images of vertical bars. */
    public static Matrix anomalies(int n, ImageShape shape, long seed) {
        return bars(n, shape, seed, true);
    }

    /** {@code normal} then {@code anomalies} images, with labels (1 = anomaly). */
    public static Matrix mixed(int normal, int anomalies, ImageShape shape, long seed) {
        return mixedRows(normal(normal, shape, seed), anomalies(anomalies, shape, seed + 1));
    }

    /** The rows of {@code a} then those of {@code b}. */
    public static Matrix mixedRows(Matrix a, Matrix b) {
        double[] values = new double[a.values().length + b.values().length];
        System.arraycopy(a.values(), 0, values, 0, a.values().length);
        System.arraycopy(b.values(), 0, values, a.values().length, b.values().length);
        return Matrix.wrap(a.rows() + b.rows(), a.columns(), values);
    }

    public static int[] labels(int normal, int anomalies) {
        int[] labels = new int[normal + anomalies];
        for (int i = normal; i < labels.length; i++) {
            labels[i] = 1;
        }
        return labels;
    }

    private static Matrix bars(int n, ImageShape shape, long seed, boolean vertical) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n * shape.values()];
        for (int i = 0; i < n; i++) {
            int phase = random.nextInt(4);
            for (int c = 0; c < shape.channels(); c++) {
                for (int y = 0; y < shape.height(); y++) {
                    for (int x = 0; x < shape.width(); x++) {
                        int along = vertical ? x : y;
                        double bar = (along + phase) % 4 < 2 ? 0.8 : 0.2;
                        values[i * shape.values() + shape.index(c, y, x)] = bar + 0.05 * random.nextGaussian();
                    }
                }
            }
        }
        return Matrix.wrap(n, shape.values(), values);
    }
}
