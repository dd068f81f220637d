package dtad.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dtad.data.Matrix;
import org.junit.jupiter.api.Test;

class PixelErrorMapsTest {
    @Test
    void mapsAverageTheChannelsOfEachImage() {
        ImageShape shape = new ImageShape(2, 1, 3);
        // image 0: channel 0 = 1 2 3, channel 1 = 3 2 1; image 1: channel 0 = 0 0 6, channel 1 = 0 0 0
        Matrix errors = Matrix.wrap(2, 6, new double[] {1, 2, 3, 3, 2, 1, 0, 0, 6, 0, 0, 0});
        Matrix maps = PixelErrorMaps.of(errors, shape, 0);
        assertEquals(3, maps.columns());
        assertArrayEquals(new double[] {2, 2, 2, 0, 0, 3}, maps.values(), 1e-12);
    }

    @Test
    void mapsAreBlurredAsGaussianBlurBlursThem() {
        ImageShape shape = new ImageShape(1, 5, 5);
        double[] values = new double[25];
        values[12] = 1;
        Matrix maps = PixelErrorMaps.of(Matrix.wrap(1, 25, values), shape, 1);
        assertArrayEquals(GaussianBlur.blur(values, 0, 5, 5, 1), maps.values(), 1e-12);
    }

    @Test
    void sigmaShrinksWithTheImageFromFourAt256Pixels() {
        assertEquals(4, PixelErrorMaps.sigmaFor(new ImageShape(3, 256, 256)), 0);
        assertEquals(4, PixelErrorMaps.sigmaFor(new ImageShape(3, 512, 900)), 0);
        assertEquals(1, PixelErrorMaps.sigmaFor(new ImageShape(1, 64, 100)), 1e-12);
        assertEquals(0.25, PixelErrorMaps.sigmaFor(new ImageShape(1, 16, 16)), 1e-12);
    }

    @Test
    void refusesErrorsOfAnotherWidth() {
        assertThrows(IllegalArgumentException.class,
                () -> PixelErrorMaps.of(Matrix.wrap(1, 4, new double[4]), new ImageShape(1, 3, 3), 0));
    }
}
