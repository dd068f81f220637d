package dtad.image;

import dtad.data.Matrix;
import dtad.data.Standardizer;
import java.util.Arrays;

/**
 * Standard scaling of flattened images per channel, as image pipelines normalise (torchvision's
 * {@code Normalize(mean, std)}): one mean and one population deviation per channel over every pixel of
 * every training image, repeated for each pixel of that channel in the returned {@link Standardizer}.
 * Convolutions and patch embeddings share their weights across positions, so they need every pixel of
 * a channel on one scale; per-pixel scaling would also blow up a border pixel that is almost always
 * blank. NaN cells are ignored; a constant channel keeps scale 1.
 */
public final class ImageScaling {
    private ImageScaling() {
    }

    /** The per-channel scaling of {@code train}, whose rows are images of {@code shape}. */
    public static Standardizer fit(Matrix train, ImageShape shape) {
        if (train.columns() != shape.values()) {
            throw new IllegalArgumentException("Rows of " + train.columns() + " values are not " + shape + " images");
        }
        // Validates as every fit does (no rows, infinite values), with the same messages.
        Standardizer.fit(train);
        int pixels = shape.height() * shape.width();
        double[] v = train.values();
        double[] means = new double[shape.values()];
        double[] scales = new double[shape.values()];
        for (int c = 0; c < shape.channels(); c++) {
            double sum = 0;
            long count = 0;
            for (int r = 0; r < train.rows(); r++) {
                for (int i = r * shape.values() + c * pixels, end = i + pixels; i < end; i++) {
                    if (!Double.isNaN(v[i])) {
                        sum += v[i];
                        count++;
                    }
                }
            }
            double mean = count == 0 ? 0 : sum / count;
            double squares = 0;
            for (int r = 0; r < train.rows(); r++) {
                for (int i = r * shape.values() + c * pixels, end = i + pixels; i < end; i++) {
                    if (!Double.isNaN(v[i])) {
                        squares += (v[i] - mean) * (v[i] - mean);
                    }
                }
            }
            double std = count == 0 ? 0 : Math.sqrt(squares / count);
            double scale = std < 10 * Math.ulp(Math.max(1.0, Math.abs(mean))) ? 1.0 : std;
            Arrays.fill(means, c * pixels, (c + 1) * pixels, mean);
            Arrays.fill(scales, c * pixels, (c + 1) * pixels, scale);
        }
        return Standardizer.of(means, scales);
    }

    /**
     * A mean and scale per pixel, each pixel's scale at least {@code floor} times its channel's (per-channel
     * scaling of {@link #fit}): the scale of a pixel that is almost always blank is not the tiny spread of a
     * few training images, which would turn any ink there into values far outside what a network saw.
     */
    public static Standardizer perPixel(Matrix train, ImageShape shape, double floor) {
        Standardizer channels = fit(train, shape);
        Standardizer pixels = Standardizer.fit(train);
        double[] scales = pixels.scales();
        double[] channelScales = channels.scales();
        for (int j = 0; j < scales.length; j++) {
            scales[j] = Math.max(scales[j], floor * channelScales[j]);
        }
        return Standardizer.of(pixels.means(), scales);
    }
}
