package dtad.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageResizeTest {
    private static final double EPS = 1e-12;

    @Test
    void shrinkingByAnIntegerFactorAveragesBlocks() {
        // Pillow 9.4, computed once: Image.fromarray(a, 'F').resize((2, 2), Image.BOX) gives the same.
        double[] image = {
            1, 2, 3, 4,
            5, 6, 7, 8,
            9, 10, 11, 12,
            13, 14, 15, 16};
        double[] out = ImageResize.resize(image, 0, new ImageShape(1, 4, 4), 2, 2);
        assertArrayEquals(new double[] {3.5, 5.5, 11.5, 13.5}, out, EPS);
    }

    @Test
    void shrinkingByAFractionWeighsPartlyCoveredPixels() {
        // 3 -> 2: output 0 covers pixel 0 and half of pixel 1, output 1 the other half and pixel 2.
        double[] out = ImageResize.resize(new double[] {0, 3, 6}, 0, new ImageShape(1, 1, 3), 1, 2);
        assertArrayEquals(new double[] {(0 + 1.5) / 1.5, (1.5 + 6) / 1.5}, out, EPS);
    }

    @Test
    void enlargingInterpolatesBilinearlyWithAlignedCentres() {
        // Pillow 9.4, computed once: resize((4, 4), Image.BILINEAR) of the float image [[0, 1], [2, 3]] gives
        // rows [0, .25, .75, 1] and [.5, .75, 1.25, 1.5] (and [1.5, 1.75, 2.25, 2.5], [2, 2.25, 2.75, 3]).
        double[] out = ImageResize.resize(new double[] {0, 1}, 0, new ImageShape(1, 1, 2), 1, 4);
        assertArrayEquals(new double[] {0, 0.25, 0.75, 1}, out, EPS);
        double[] square = ImageResize.resize(new double[] {0, 1, 2, 3}, 0, new ImageShape(1, 2, 2), 4, 4);
        assertArrayEquals(new double[] {0, 0.25, 0.75, 1}, Arrays.copyOfRange(square, 0, 4), EPS);
        assertArrayEquals(new double[] {0.5, 0.75, 1.25, 1.5}, Arrays.copyOfRange(square, 4, 8), EPS);
        assertArrayEquals(new double[] {1.5, 1.75, 2.25, 2.5}, Arrays.copyOfRange(square, 8, 12), EPS);
        assertArrayEquals(new double[] {2, 2.25, 2.75, 3}, Arrays.copyOfRange(square, 12, 16), EPS);
    }

    @Test
    void theSameSizeKeepsThePixelsAndChannelsStayApart() {
        double[] image = new double[2 * 3 * 5];
        Arrays.setAll(image, i -> i / 30.0);
        assertArrayEquals(image, ImageResize.resize(image, 0, new ImageShape(2, 3, 5), 3, 5));
        double[] offset = new double[7 + image.length];
        System.arraycopy(image, 0, offset, 7, image.length);
        double[] shrunk = ImageResize.resize(offset, 7, new ImageShape(2, 3, 5), 1, 1);
        assertEquals(Arrays.stream(image, 0, 15).average().orElseThrow(), shrunk[0], EPS);
        assertEquals(Arrays.stream(image, 15, 30).average().orElseThrow(), shrunk[1], EPS);
    }

    @Test
    void constantImagesStayConstantAndValuesStayInTheUnitInterval() {
        double[] constant = new double[3 * 13 * 11];
        Arrays.fill(constant, 0.4);
        for (int[] size : new int[][] {{5, 7}, {26, 4}, {64, 64}, {1, 1}}) {
            for (double v : ImageResize.resize(constant, 0, new ImageShape(3, 13, 11), size[0], size[1])) {
                assertEquals(0.4, v, EPS);
            }
        }
        SplittableRandom random = new SplittableRandom(1);
        double[] noise = new double[9 * 9];
        Arrays.setAll(noise, i -> random.nextInt(2));
        for (double v : ImageResize.resize(noise, 0, new ImageShape(1, 9, 9), 4, 20)) {
            assertEquals(true, v >= 0 && v <= 1, "value " + v);
        }
    }

    @Test
    void conversionToGrayUsesTheLumaWeightsAndBackToRgbRepeats() {
        double[] image = {1, 0, 0, 0, 0, 1};   // a 1 x 2 image: a red pixel, a blue pixel (R, G, B planes)
        ImageShape shape = new ImageShape(3, 1, 2);
        double[] gray = ImageConversion.toChannels(image, 0, shape, 1);
        assertArrayEquals(new double[] {0.299, 0.114}, gray, EPS);
        assertArrayEquals(new double[] {0.299, 0.114, 0.299, 0.114, 0.299, 0.114},
                ImageConversion.toChannels(gray, 0, new ImageShape(1, 1, 2), 3), EPS);
        double[] both = ImageConversion.apply(image, 0, shape, ImageOptions.DEFAULT.withChannels(1).withSize(1, 1));
        assertArrayEquals(new double[] {(0.299 + 0.114) / 2}, both, EPS);
    }
}
