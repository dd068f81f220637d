package dtad.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dtad.InputException;
import dtad.data.Matrix;
import dtad.data.Standardizer;
import org.junit.jupiter.api.Test;

class ImageScalingTest {
    @Test
    void scalesEachChannelByItsOwnMeanAndDeviation() {
        // Two 2x1x2 images: channel 0 holds 0, 2, 2, 4 (mean 2, deviation sqrt(2)); channel 1 is constant 5.
        Matrix train = Matrix.of(new double[][] {{0, 2, 5, 5}, {2, 4, 5, 5}});
        Standardizer scaler = ImageScaling.fit(train, new ImageShape(2, 1, 2));
        assertArrayEquals(new double[] {2, 2, 5, 5}, scaler.means(), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(2), Math.sqrt(2), 1, 1}, scaler.scales(), 1e-12);
    }

    @Test
    void ignoresMissingPixelsAndRefusesInfiniteOnes() {
        Matrix train = Matrix.of(new double[][] {{1, Double.NaN}, {3, 3}});
        assertArrayEquals(new double[] {7.0 / 3, 7.0 / 3},
                ImageScaling.fit(train, new ImageShape(1, 1, 2)).means(), 1e-12);
        assertThrows(InputException.class, () -> ImageScaling.fit(Matrix.of(new double[][] {{1, Double.POSITIVE_INFINITY}}),
                new ImageShape(1, 1, 2)));
    }

    @Test
    void perPixelScalesAreFlooredAtAShareOfTheirChannels() {
        // Channel 0: pixel 0 holds 0, 2 and pixel 1 holds 2, 4 (each deviation 1; the channel's sqrt(2)).
        Matrix train = Matrix.of(new double[][] {{0, 2, 5, 5}, {2, 4, 5, 5}});
        ImageShape shape = new ImageShape(2, 1, 2);
        Standardizer loose = ImageScaling.perPixel(train, shape, 0.5);
        assertArrayEquals(new double[] {1, 3, 5, 5}, loose.means(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1, 1}, loose.scales(), 1e-12);
        assertArrayEquals(new double[] {0.9 * Math.sqrt(2), 0.9 * Math.sqrt(2), 1, 1},
                ImageScaling.perPixel(train, shape, 0.9).scales(), 1e-12);
    }
}
