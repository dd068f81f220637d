package dtad.image;

import static dtad.image.TestImages.bytes;
import static dtad.image.TestImages.npy;
import static dtad.image.TestImages.npz;
import static dtad.io.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageArrayReaderTest {
    @TempDir
    Path dir;

    /** Values 0, 1, 2, ... in C order. */
    private static double[] counting(int n) {
        double[] values = new double[n];
        Arrays.setAll(values, i -> i);
        return values;
    }

    @Test
    void readsThreeDimensionalUint8ArraysAsGrayScaledBy255() {
        Path file = bytes(dir.resolve("digits.npy"), npy("|u1", new int[] {2, 3, 4}, counting(24)));
        ImageSet images = ImageArrayReader.read(file, ImageOptions.DEFAULT);
        assertEquals(new ImageShape(1, 3, 4), images.shape());
        assertEquals("digits", images.name());
        assertEquals(13 / 255.0, images.pixels().get(1, 1));
        assertNull(images.labels());
    }

    @Test
    void readsChannelsLastAndChannelsFirstIntoTheSameLayout() {
        // One 2 x 2 RGB image; (h, w, c) order in the file: pixel p's red, green, blue are values 3p, 3p+1, 3p+2.
        Path nhwc = bytes(dir.resolve("nhwc.npy"), npy("<f4", new int[] {1, 2, 2, 3}, counting(12)));
        ImageSet last = ImageArrayReader.read(nhwc, ImageOptions.DEFAULT);
        assertEquals(new ImageShape(3, 2, 2), last.shape());
        assertArrayEquals(new double[] {0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11}, last.pixels().row(0));
        Path nchw = bytes(dir.resolve("nchw.npy"), npy("<f4", new int[] {1, 3, 2, 2}, counting(12)));
        ImageSet first = ImageArrayReader.read(nchw, ImageOptions.DEFAULT);
        assertEquals(new ImageShape(3, 2, 2), first.shape());
        assertArrayEquals(counting(12), first.pixels().row(0));
    }

    @Test
    void ambiguousShapesNeedAnExplicitLayout() {
        Path file = bytes(dir.resolve("odd.npy"), npy("<f8", new int[] {1, 3, 4, 3}, counting(36)));
        assertRefused(file + "", () -> ImageArrayReader.read(file, ImageOptions.DEFAULT),
                "(1, 3, 4, 3)", "both", "NHWC or NCHW");
        assertEquals(new ImageShape(3, 3, 4),
                ImageArrayReader.read(file, ImageOptions.DEFAULT.withLayout(ArrayLayout.NHWC)).shape());
        assertEquals(new ImageShape(3, 4, 3),
                ImageArrayReader.read(file, ImageOptions.DEFAULT.withLayout(ArrayLayout.NCHW)).shape());
        Path rgba = bytes(dir.resolve("rgba.npy"), npy("|u1", new int[] {1, 5, 5, 4}, new double[100]));
        assertRefused(rgba + "", () -> ImageArrayReader.read(rgba, ImageOptions.DEFAULT), "1 or 3 channels");
        assertRefused(rgba + "", () -> ImageArrayReader.read(rgba, ImageOptions.DEFAULT.withLayout(ArrayLayout.NHWC)),
                "4 channels");
    }

    @Test
    void keepsFloatsAndRefusesNanAndOtherDtypes() {
        Path floats = bytes(dir.resolve("f.npy"), npy("<f8", new int[] {1, 1, 2}, new double[] {-3.5, 7}));
        assertArrayEquals(new double[] {-3.5, 7}, ImageArrayReader.read(floats, ImageOptions.DEFAULT).pixels().row(0));
        Path nan = bytes(dir.resolve("nan.npy"), npy("<f8", new int[] {2, 1, 2}, new double[] {0, 0, 1, Double.NaN}));
        assertRefused(nan + "", () -> ImageArrayReader.read(nan, ImageOptions.DEFAULT), "image 1", "NaN");
        Path ints = bytes(dir.resolve("i.npy"), npy("<i8", new int[] {1, 1, 2}, new double[] {0, 255}));
        assertRefused(ints + "", () -> ImageArrayReader.read(ints, ImageOptions.DEFAULT), "int64", "astype");
        Path flat = bytes(dir.resolve("flat.npy"), npy("<f8", new int[] {2, 2}, new double[4]));
        assertRefused(flat + "", () -> ImageArrayReader.read(flat, ImageOptions.DEFAULT), "3-D", "(2, 2)");
        Path empty = bytes(dir.resolve("empty.npy"), npy("|u1", new int[] {0, 28, 28}, new double[0]));
        assertRefused(empty + "", () -> ImageArrayReader.read(empty, ImageOptions.DEFAULT), "no images");
    }

    @Test
    void readsNpzWithLabelsAndAppliesOptions() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("X.npy", npy("|u1", new int[] {3, 2, 2, 1}, counting(12)));
        entries.put("y.npy", npy("<i8", new int[] {3}, new double[] {0, 1, 0}));
        Path file = bytes(dir.resolve("set.npz"), npz(entries));
        ImageSet images = ImageArrayReader.read(file, ImageOptions.DEFAULT.withSize(1).withChannels(3));
        assertEquals(new ImageShape(3, 1, 1), images.shape());
        assertArrayEquals(new int[] {0, 1, 0}, images.labels());
        double mean = (4 + 5 + 6 + 7) / 4.0 / 255;
        assertArrayEquals(new double[] {mean, mean, mean}, images.pixels().row(1), 1e-12);
        assertEquals(1, images.toDataset().anomalies());

        entries.put("y.npy", npy("<i8", new int[] {2}, new double[] {0, 1}));
        Path wrong = bytes(dir.resolve("wrong.npz"), npz(entries));
        assertRefused(wrong + ": entry y.npy", () -> ImageArrayReader.read(wrong, ImageOptions.DEFAULT),
                "2 labels for 3 images");
        Path other = bytes(dir.resolve("set.csv"), new byte[] {1});
        assertRefused(other + "", () -> ImageArrayReader.read(other, ImageOptions.DEFAULT), ".npy or .npz");
    }
}
