package dtad.image;

import static dtad.image.TestImages.gray;
import static dtad.image.TestImages.grayValue;
import static dtad.image.TestImages.png;
import static dtad.image.TestImages.rgb;
import static dtad.io.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsFlatFolderInSortedOrderSkippingHiddenFiles() throws Exception {
        png(dir.resolve("b.png"), gray(4, 5, 100));
        png(dir.resolve("a.png"), gray(4, 5, 0));
        png(dir.resolve("c.PNG"), gray(4, 5, 200));
        Files.writeString(dir.resolve(".DS_Store"), "not an image");
        Files.createDirectories(dir.resolve(".thumbnails"));

        ImageSet images = ImageFolderReader.read(dir, ImageOptions.DEFAULT);

        assertEquals(new ImageShape(1, 4, 5), images.shape());
        assertEquals(List.of(dir.resolve("a.png"), dir.resolve("b.png"), dir.resolve("c.PNG")), images.files());
        assertNull(images.classes());
        int[] seeds = {0, 100, 200};
        for (int i = 0; i < 3; i++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    assertEquals(grayValue(seeds[i], y, x) / 255.0, images.pixels().get(i, images.shape().index(0, y, x)));
                }
            }
        }
        assertEquals(images.pixels(), images.toDataset().x());
        assertEquals(20, images.toDataset().x().columns());
    }

    @Test
    void readsOneClassPerSubfolderInSortedOrder() {
        png(dir.resolve("shirt/2.png"), gray(3, 3, 5));
        png(dir.resolve("bag/1.png"), gray(3, 3, 1));
        png(dir.resolve("bag/0.png"), gray(3, 3, 0));
        png(dir.resolve("shirt/1.png"), gray(3, 3, 4));

        ImageSet images = ImageFolderReader.read(dir, ImageOptions.DEFAULT);

        assertEquals(List.of("bag", "shirt"), images.classNames());
        assertArrayEquals(new int[] {0, 0, 1, 1}, images.classes());
        assertEquals(List.of(dir.resolve("bag/0.png"), dir.resolve("bag/1.png"), dir.resolve("shirt/1.png"),
                dir.resolve("shirt/2.png")), images.files());
        assertEquals(grayValue(4, 0, 0) / 255.0, images.pixels().get(2, 0));
        assertArrayEquals(new int[] {2, 3}, images.indicesOfClass(1));
    }

    @Test
    void readsRgbPngBmpAndGifExactlyAndJpegClosely() {
        BufferedImage image = rgb(6, 7, 90);
        png(dir.resolve("a.png"), image);
        TestImages.write(dir.resolve("b.bmp"), image, "bmp");
        TestImages.write(dir.resolve("d.jpg"), image, "jpg");
        ImageSet images = ImageFolderReader.read(dir, ImageOptions.DEFAULT);
        assertEquals(new ImageShape(3, 6, 7), images.shape());
        ImageShape shape = images.shape();
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 7; x++) {
                double[] expected = {10 * x / 255.0, 20 * y / 255.0, 90 / 255.0};
                for (int c = 0; c < 3; c++) {
                    assertEquals(expected[c], images.pixels().get(0, shape.index(c, y, x)), "png");
                    assertEquals(expected[c], images.pixels().get(1, shape.index(c, y, x)), "bmp");
                    assertEquals(expected[c], images.pixels().get(2, shape.index(c, y, x)), 0.12, "jpeg");
                }
            }
        }
    }

    @Test
    void readsGifAsRgb() {
        // 8 x 8: the JDK's GIF writer garbles some images smaller than that.
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? 0xFF0000 : 0x0000FF);
            }
        }
        TestImages.write(dir.resolve("icon.gif"), image, "gif");
        ImageSet images = ImageFolderReader.read(dir, ImageOptions.DEFAULT);
        assertEquals(new ImageShape(3, 8, 8), images.shape());
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                boolean red = (x + y) % 2 == 0;
                assertEquals(red ? 1 : 0, images.pixels().get(0, images.shape().index(0, y, x)));
                assertEquals(0, images.pixels().get(0, images.shape().index(1, y, x)));
                assertEquals(red ? 0 : 1, images.pixels().get(0, images.shape().index(2, y, x)));
            }
        }
    }

    @Test
    void compositesAlphaOverWhite() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00000000);   // fully transparent black
        image.setRGB(1, 0, 0x80FF0000);   // half-transparent red
        png(dir.resolve("a.png"), image);
        ImageSet images = ImageFolderReader.read(dir, ImageOptions.DEFAULT);
        double a = 0x80 / 255.0;
        assertArrayEquals(new double[] {1, 1 * a + 1 - a, 1, 1 - a, 1, 1 - a}, images.pixels().row(0), 1e-12);
    }

    @Test
    void scalesSixteenBitGrayBy65535() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSample(0, 0, 0, 65535);
        image.getRaster().setSample(1, 0, 0, 1000);
        png(dir.resolve("a.png"), image);
        ImageSet images = ImageFolderReader.read(dir, ImageOptions.DEFAULT);
        assertArrayEquals(new double[] {1, 1000 / 65535.0}, images.pixels().row(0), 1e-15);
    }

    @Test
    void convertsChannelsOnRequest() {
        png(dir.resolve("a.png"), rgb(2, 2, 30));
        png(dir.resolve("b.png"), gray(2, 2, 60));
        ImageSet gray = ImageFolderReader.read(dir, ImageOptions.DEFAULT.withChannels(1));
        assertEquals(new ImageShape(1, 2, 2), gray.shape());
        // Pixel (1, 1) of the RGB image: red 10, green 20, blue 30.
        assertEquals(0.299 * 10 / 255 + 0.587 * 20 / 255 + 0.114 * 30 / 255, gray.pixels().get(0, 3), 1e-12);
        ImageSet rgb = ImageFolderReader.read(dir, ImageOptions.DEFAULT.withChannels(3));
        assertEquals(new ImageShape(3, 2, 2), rgb.shape());
        double[] b = rgb.pixels().row(1);
        for (int p = 0; p < 4; p++) {
            assertEquals(b[p], b[4 + p]);
            assertEquals(b[p], b[8 + p]);
        }
        assertEquals(grayValue(60, 1, 0) / 255.0, b[2]);
    }

    @Test
    void resizesToTheRequestedSize() {
        png(dir.resolve("a.png"), gray(4, 4, 0));
        png(dir.resolve("b.png"), gray(2, 8, 0));
        ImageSet images = ImageFolderReader.read(dir, ImageOptions.DEFAULT.withSize(2));
        assertEquals(new ImageShape(1, 2, 2), images.shape());
        // Area averaging: output (0, 0) of the 4 x 4 image is the mean of its top-left 2 x 2 block.
        double mean = (grayValue(0, 0, 0) + grayValue(0, 0, 1) + grayValue(0, 1, 0) + grayValue(0, 1, 1)) / 4.0 / 255;
        assertEquals(mean, images.pixels().get(0, 0), 1e-12);
        ImageSet wide = ImageFolderReader.read(dir, ImageOptions.DEFAULT.withSize(3, 6));
        assertEquals(new ImageShape(1, 3, 6), wide.shape());
    }

    @Test
    void refusesMixedSizesNamingTheFileAndBothSizes() {
        png(dir.resolve("a.png"), gray(28, 28, 0));
        png(dir.resolve("b.png"), gray(28, 28, 0));
        Path odd = png(dir.resolve("c.png"), gray(32, 30, 0));
        assertRefused(odd.toString(), () -> ImageFolderReader.read(dir, ImageOptions.DEFAULT),
                "size 32x30", dir.resolve("a.png") + " is 28x28", "--size");
    }

    @Test
    void refusesMixedChannelsNamingTheFile() {
        png(dir.resolve("a.png"), gray(4, 4, 0));
        Path colour = png(dir.resolve("b.png"), rgb(4, 4, 0));
        assertRefused(colour.toString(), () -> ImageFolderReader.read(dir, ImageOptions.DEFAULT),
                "3 channels (RGB)", "1 channel (gray)", "--channels");
    }

    @Test
    void refusesNonImageFilesAndDamagedImages() throws Exception {
        png(dir.resolve("a.png"), gray(4, 4, 0));
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertRefused(notes.toString(), () -> ImageFolderReader.read(dir, ImageOptions.DEFAULT), "not an image file");
        Files.delete(notes);
        Path fake = Files.writeString(dir.resolve("b.png"), "not a png", StandardCharsets.US_ASCII);
        assertRefused(fake.toString(), () -> ImageFolderReader.read(dir, ImageOptions.DEFAULT), "image");
        byte[] valid = Files.readAllBytes(dir.resolve("a.png"));
        Files.write(fake, java.util.Arrays.copyOf(valid, valid.length / 2));
        assertRefused(fake.toString(), () -> ImageFolderReader.read(dir, ImageOptions.DEFAULT), "image");
    }

    @Test
    void refusesEmptyAndMissingFoldersAndMixedLayouts() throws Exception {
        assertRefused(dir.toString(), () -> ImageFolderReader.read(dir, ImageOptions.DEFAULT), "no images");
        Path missing = dir.resolve("missing");
        assertRefused(missing.toString(), () -> ImageFolderReader.read(missing, ImageOptions.DEFAULT), "not found");
        Path empty = Files.createDirectories(dir.resolve("cats"));
        png(dir.resolve("dogs/a.png"), gray(2, 2, 0));
        assertRefused(empty.toString(), () -> ImageFolderReader.read(dir, ImageOptions.DEFAULT), "no images");
        Files.delete(empty);
        Path nested = Files.createDirectories(dir.resolve("dogs/puppies"));
        assertRefused(nested.toString(), () -> ImageFolderReader.read(dir, ImageOptions.DEFAULT), "inside class folder");
        Files.delete(nested);
        png(dir.resolve("loose.png"), gray(2, 2, 0));
        assertRefused(dir.toString(), () -> ImageFolderReader.read(dir, ImageOptions.DEFAULT), "both files");
    }
    @Test
    void readsTrainAndTestSplitsWithTheTrainingClassIds() throws Exception {
        png(dir.resolve("train/bag/0.png"), gray(3, 3, 0));
        png(dir.resolve("train/coat/0.png"), gray(3, 3, 1));
        png(dir.resolve("train/shirt/0.png"), gray(3, 3, 2));
        png(dir.resolve("test/coat/9.png"), gray(3, 3, 3));
        png(dir.resolve("test/shirt/8.png"), gray(3, 3, 4));
        ImageSplit split = ImageFolderReader.readSplit(dir, ImageOptions.DEFAULT);
        assertEquals(List.of("bag", "coat", "shirt"), split.test().classNames());
        assertArrayEquals(new int[] {1, 2}, split.test().classes());
        ImageSplit oneClass = ImageSplit.oneClass(split, 1);
        assertEquals(1, oneClass.train().size());
        assertArrayEquals(new int[] {0, 1}, oneClass.test().labels());

        png(dir.resolve("test/hat/0.png"), gray(3, 3, 4));
        assertRefused(dir.resolve("test/hat").toString(), () -> ImageFolderReader.readSplit(dir, ImageOptions.DEFAULT),
                "class 'hat' has no training images");
        Files.delete(dir.resolve("test/hat/0.png"));
        Files.delete(dir.resolve("test/hat"));
        png(dir.resolve("test/coat/9.png"), gray(5, 5, 3));
        png(dir.resolve("test/shirt/8.png"), gray(5, 5, 4));
        assertRefused(dir.resolve("test").toString(), () -> ImageFolderReader.readSplit(dir, ImageOptions.DEFAULT),
                "shape 1x5x5", "are 1x3x3");
        assertEquals(new ImageShape(1, 4, 4), ImageFolderReader.readSplit(dir, ImageOptions.DEFAULT.withSize(4))
                .test().shape());
        Path other = dir.resolve("nosplit");
        png(other.resolve("a/0.png"), gray(3, 3, 0));
        assertRefused(other.toString(), () -> ImageFolderReader.readSplit(other, ImageOptions.DEFAULT), "no folder train/");
    }

    @Test
    void imageSourcesChoosesTheReaderByWhatThePathIs() throws Exception {
        png(dir.resolve("images.v2/a.png"), gray(2, 2, 0));
        ImageSet folder = ImageSources.read(dir.resolve("images.v2"), ImageOptions.DEFAULT);
        assertEquals(new ImageShape(1, 2, 2), folder.shape());
        assertEquals("images.v2", folder.name());
        Path idx = TestImages.bytes(dir.resolve("t10k-images-idx3-ubyte.gz"),
                TestImages.gzip(TestImages.idx(0x0803, new int[] {1, 2, 3}, new int[6])));
        assertEquals(new ImageShape(1, 2, 3), ImageSources.read(idx, ImageOptions.DEFAULT).shape());
        Path npy = TestImages.bytes(dir.resolve("x.npy"), TestImages.npy("|u1", new int[] {1, 4, 4}, new double[16]));
        assertEquals(new ImageShape(1, 4, 4), ImageSources.read(npy, ImageOptions.DEFAULT).shape());
        Path csv = Files.writeString(dir.resolve("x.csv"), "a\n1\n");
        assertRefused(csv.toString(), () -> ImageSources.read(csv, ImageOptions.DEFAULT), "unsupported image source '.csv'");
        Path single = dir.resolve("images.v2/a.png");
        assertRefused(single.toString(), () -> ImageSources.read(single, ImageOptions.DEFAULT), "a single image");
        Path missing = dir.resolve("missing");
        assertRefused(missing.toString(), () -> ImageSources.read(missing, ImageOptions.DEFAULT), "not found");
    }
}
