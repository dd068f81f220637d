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
}
