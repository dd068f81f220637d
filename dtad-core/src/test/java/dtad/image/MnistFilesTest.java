package dtad.image;

import static dtad.image.TestImages.bytes;
import static dtad.image.TestImages.gzip;
import static dtad.image.TestImages.idx;
import static dtad.io.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFilesTest {
    @TempDir
    Path dir;

    /** Writes the four files: {@code n} images of 2 x 2, image i filled with value i, labels i mod 10. */
    private void writeFiles(int trainCount, int testCount, boolean gz) {
        write("train-images-idx3-ubyte", "train-labels-idx1-ubyte", trainCount, gz);
        write("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", testCount, gz);
    }

    private void write(String imagesName, String labelsName, int n, boolean gz) {
        int[] pixels = new int[4 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(pixels, 4 * i, 4 * i + 4, i);
            labels[i] = i % 10;
        }
        byte[] images = idx(0x0803, new int[] {n, 2, 2}, pixels);
        byte[] classes = idx(0x0801, new int[] {n}, labels);
        bytes(dir.resolve(imagesName + (gz ? ".gz" : "")), gz ? gzip(images) : images);
        bytes(dir.resolve(labelsName + (gz ? ".gz" : "")), gz ? gzip(classes) : classes);
    }

    @Test
    void readsTheFourFilesPlainOrGzipped() throws Exception {
        writeFiles(30, 20, true);
        assertTrue(MnistFiles.present(dir));
        ImageSplit data = MnistFiles.readFashionMnist(dir, ImageOptions.DEFAULT);
        assertEquals("FashionMNIST", data.train().name());
        assertEquals(30, data.train().size());
        assertEquals(20, data.test().size());
        assertEquals(MnistFiles.FASHION_MNIST_CLASSES, data.test().classNames());
        assertEquals(7, data.train().classes()[17]);
        assertEquals(17 / 255.0, data.train().pixels().get(17, 3));

        ImageSplit oneClass = ImageSplit.oneClass(data, 7);
        assertEquals("FashionMNIST_7", oneClass.train().name());
        assertEquals(3, oneClass.train().size());
        assertArrayEquals(new double[] {7 / 255.0, 17 / 255.0, 27 / 255.0}, oneClass.train().pixels().column(0));
        assertEquals(18, oneClass.test().toDataset().anomalies());

        for (String name : MnistFiles.FILES) {
            Files.delete(dir.resolve(name + ".gz"));
        }
        assertFalse(MnistFiles.present(dir));
        writeFiles(12, 10, false);
        ImageSplit digits = MnistFiles.read(dir, "MNIST", null, ImageOptions.DEFAULT.withSize(4));
        assertEquals(new ImageShape(1, 4, 4), digits.train().shape());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), digits.train().classNames());
    }

    @Test
    void refusesMissingFilesAndDisagreeingCounts() {
        writeFiles(10, 10, false);
        bytes(dir.resolve("t10k-labels-idx1-ubyte"), idx(0x0801, new int[] {9}, new int[9]));
        assertRefused(dir.resolve("t10k-labels-idx1-ubyte").toString(),
                () -> MnistFiles.readFashionMnist(dir, ImageOptions.DEFAULT), "9 labels for the 10 images");
        bytes(dir.resolve("t10k-labels-idx1-ubyte"), idx(0x0801, new int[] {10}, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 10}));
        assertRefused(dir.resolve("t10k-labels-idx1-ubyte").toString(),
                () -> MnistFiles.readFashionMnist(dir, ImageOptions.DEFAULT), "label 10 of image 9");
        Path empty = dir.resolve("none");
        assertRefused(empty.toString(), () -> MnistFiles.readFashionMnist(empty, ImageOptions.DEFAULT),
                "no file train-images-idx3-ubyte.gz or train-images-idx3-ubyte");
    }
}
