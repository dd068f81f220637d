package dtad.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GaussianBlurTest {
    /** 5 x 6, zero but for -1 at (0, 0), 1 at (1, 2), 2 at (4, 5); stored after one padding value. */
    private static double[] map() {
        double[] map = new double[1 + 30];
        map[1] = -1;
        map[1 + 6 + 2] = 1;
        map[1 + 4 * 6 + 5] = 2;
        return map;
    }

    @Test
    void matchesScipyGaussianFilterWithReflectedBorders() {
        // scipy.ndimage.gaussian_filter(a, sigma, mode='reflect', truncate=4.0), computed once (SciPy 1.17.1):
        // values at (1,2), (4,5), (0,0), (3,1). Sigma 4 has a kernel radius of 16, wider than the map.
        double[][] expected = {
            {1.0, 0.14367462692026345, 0.8215647021171418, -0.3934809101223712, 0.011799480508354464},
            {4.0, 0.05791502752964152, 0.09235978409535021, 0.04221957984626964, 0.05627878992935082},
            {0.7, 0.3226767414812811, 1.2020109770264116, -0.5989246540410619, 0.0019631411663121163},
        };
        for (double[] row : expected) {
            double[] b = GaussianBlur.blur(map(), 1, 5, 6, row[0]);
            assertEquals(row[1], b[6 + 2], 1e-12, "sigma " + row[0]);
            assertEquals(row[2], b[4 * 6 + 5], 1e-12, "sigma " + row[0]);
            assertEquals(row[3], b[0], 1e-12, "sigma " + row[0]);
            assertEquals(row[4], b[3 * 6 + 1], 1e-12, "sigma " + row[0]);
            assertEquals(2.0, Arrays.stream(b).sum(), 1e-12, "the sum is kept");
        }
    }

    @Test
    void keepsAConstantMapAndTheInput() {
        double[] constant = new double[4 * 7];
        Arrays.fill(constant, 0.25);
        double[] blurred = GaussianBlur.blur(constant, 0, 4, 7, GaussianBlur.DEFAULT_SIGMA);
        for (double v : blurred) {
            assertEquals(0.25, v, 1e-15);
        }
        double[] input = map();
        double[] copy = input.clone();
        assertArrayEquals(Arrays.copyOfRange(copy, 1, 31), GaussianBlur.blur(input, 1, 5, 6, 0));
        GaussianBlur.blur(input, 1, 5, 6, 2);
        assertArrayEquals(copy, input);
    }

    @Test
    void blursManyPlanesInPlaceAsEachAlone() {
        double[] first = Arrays.copyOfRange(map(), 1, 31);
        double[] second = new double[30];
        for (int i = 0; i < 30; i++) {
            second[i] = Math.sin(i);
        }
        double[] planes = new double[60];
        System.arraycopy(first, 0, planes, 0, 30);
        System.arraycopy(second, 0, planes, 30, 30);
        GaussianBlur.blurPlanes(planes, 5, 6, 1.25);
        assertArrayEquals(GaussianBlur.blur(first, 0, 5, 6, 1.25), Arrays.copyOfRange(planes, 0, 30));
        assertArrayEquals(GaussianBlur.blur(second, 0, 5, 6, 1.25), Arrays.copyOfRange(planes, 30, 60));
        double[] unchanged = planes.clone();
        GaussianBlur.blurPlanes(planes, 5, 6, 0);
        assertArrayEquals(unchanged, planes);
        assertThrows(IllegalArgumentException.class, () -> GaussianBlur.blurPlanes(new double[31], 5, 6, 1));
    }

    @Test
    void refusesBadSigmaAndShortMaps() {
        assertThrows(IllegalArgumentException.class, () -> GaussianBlur.blur(new double[4], 0, 2, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> GaussianBlur.blur(new double[4], 0, 2, 2, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> GaussianBlur.blur(new double[4], 1, 2, 2, 1));
    }
}
