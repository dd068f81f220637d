package dtad.image;

import static dtad.image.TestImages.bytes;
import static dtad.image.TestImages.gzip;
import static dtad.image.TestImages.idx;
import static dtad.io.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** Three 2 x 3 images with pixel values 0, 1, ..., 17 scaled. */
    private static byte[] images() {
        int[] values = new int[18];
        Arrays.setAll(values, i -> i == 17 ? 255 : i);
        return idx(0x0803, new int[] {3, 2, 3}, values);
    }

    @Test
    void readsPlainAndGzippedImagesAndLabels() {
        Path plain = bytes(dir.resolve("train-images-idx3-ubyte"), images());
        Path gz = bytes(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(images()));
        Path gzWithoutExtension = bytes(dir.resolve("images.idx3"), gzip(images()));
        for (Path file : new Path[] {plain, gz, gzWithoutExtension}) {
            ImageSet set = IdxReader.readImages(file, ImageOptions.DEFAULT);
            assertEquals(new ImageShape(1, 2, 3), set.shape());
            assertEquals(3, set.size());
            assertEquals(6 / 255.0, set.pixels().get(1, 0));
            assertEquals(1.0, set.pixels().get(2, 5));
            assertEquals(file, set.origin());
        }
        assertEquals("train-images-idx3-ubyte", IdxReader.readImages(plain, ImageOptions.DEFAULT).name());
        Path labels = bytes(dir.resolve("labels.gz"), gzip(idx(0x0801, new int[] {4}, new int[] {9, 0, 255, 3})));
        assertArrayEquals(new int[] {9, 0, 255, 3}, IdxReader.readLabels(labels));
    }

    @Test
    void appliesTheOptions() {
        Path file = bytes(dir.resolve("images"), images());
        ImageSet set = IdxReader.readImages(file, ImageOptions.DEFAULT.withChannels(3).withSize(1, 1));
        assertEquals(new ImageShape(3, 1, 1), set.shape());
        double mean = (0 + 1 + 2 + 3 + 4 + 5) / 6.0 / 255;
        assertArrayEquals(new double[] {mean, mean, mean}, set.pixels().row(0), 1e-12);
    }

    @Test
    void refusesWrongMagicNumbers() {
        Path labels = bytes(dir.resolve("labels"), idx(0x0801, new int[] {2}, new int[] {1, 2}));
        assertRefused(labels.toString(), () -> IdxReader.readImages(labels, ImageOptions.DEFAULT),
                "wrong magic number 0x00000801", "1 dimension(s)", "expected 0x00000803");
        Path images = bytes(dir.resolve("images"), images());
        assertRefused(images.toString(), () -> IdxReader.readLabels(images), "wrong magic number 0x00000803");
        Path floats = bytes(dir.resolve("floats"), idx(0x0D03, new int[] {1, 1, 1}, new int[] {0, 0, 0, 0}));
        assertRefused(floats.toString(), () -> IdxReader.readImages(floats, ImageOptions.DEFAULT), "element type 0x0d");
        Path png = bytes(dir.resolve("picture"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        assertRefused(png.toString(), () -> IdxReader.readImages(png, ImageOptions.DEFAULT), "not an IDX file");
    }

    @Test
    void refusesTruncatedAndOverlongFiles() {
        byte[] full = images();
        Path cut = bytes(dir.resolve("cut"), Arrays.copyOf(full, full.length - 1));
        assertRefused(cut.toString(), () -> IdxReader.readImages(cut, ImageOptions.DEFAULT),
                "truncated", "3 x 2 x 3", "needs 18 bytes", "found 17");
        Path longer = bytes(dir.resolve("longer"), Arrays.copyOf(full, full.length + 2));
        assertRefused(longer.toString(), () -> IdxReader.readImages(longer, ImageOptions.DEFAULT), "2 bytes more");
        Path header = bytes(dir.resolve("header"), Arrays.copyOf(full, 9));
        assertRefused(header.toString(), () -> IdxReader.readImages(header, ImageOptions.DEFAULT), "truncated IDX header");
        byte[] gz = gzip(full);
        Path cutGz = bytes(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length - 12));
        assertRefused(cutGz.toString(), () -> IdxReader.readImages(cutGz, ImageOptions.DEFAULT), "truncated gzip");
        Path notGz = bytes(dir.resolve("plain.gz"), full);
        assertRefused(notGz.toString(), () -> IdxReader.readImages(notGz, ImageOptions.DEFAULT), "not a gzip file");
        Path none = bytes(dir.resolve("none"), idx(0x0803, new int[] {0, 28, 28}, new int[0]));
        assertRefused(none.toString(), () -> IdxReader.readImages(none, ImageOptions.DEFAULT), "no images");
    }
}
