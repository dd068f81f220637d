package dtad.image;

import static dtad.image.TestImages.gray;
import static dtad.image.TestImages.png;
import static dtad.image.TestImages.rgb;
import static dtad.io.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvtecReaderTest {
    @TempDir
    Path root;

    /** A mask of {@code size x size} whose left column is white (a defect), the rest black. */
    private static BufferedImage mask(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            image.getRaster().setSample(0, y, 0, 255);
        }
        return image;
    }

    /** bottle/: 2 training images, 1 good and 2 defect test images (crack, hole), their masks; 4 x 4 RGB. */
    private Path category() {
        Path dir = root.resolve("bottle");
        png(dir.resolve("train/good/000.png"), rgb(4, 4, 1));
        png(dir.resolve("train/good/001.png"), rgb(4, 4, 2));
        png(dir.resolve("test/good/000.png"), rgb(4, 4, 3));
        png(dir.resolve("test/crack/000.png"), rgb(4, 4, 4));
        png(dir.resolve("test/hole/000.png"), rgb(4, 4, 5));
        png(dir.resolve("ground_truth/crack/000_mask.png"), mask(4));
        png(dir.resolve("ground_truth/hole/000_mask.png"), mask(4));
        return dir;
    }

    @Test
    void readsTrainingTestImagesLabelsAndMasks() {
        MvtecReader.Category bottle = MvtecReader.read(category(), ImageOptions.DEFAULT);
        ImageSet train = bottle.split().train();
        ImageSet test = bottle.split().test();
        assertEquals("bottle", train.name());
        assertEquals(new ImageShape(3, 4, 4), train.shape());
        assertEquals(2, train.size());
        assertEquals(List.of("crack", "good", "hole"), test.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, test.labels());
        assertEquals(new ImageShape(1, 4, 4), bottle.maskShape());
        double[] expected = new double[16];
        for (int y = 0; y < 4; y++) {
            expected[4 * y] = 1;
        }
        assertArrayEquals(expected, bottle.masks().row(0));
        assertArrayEquals(new double[16], bottle.masks().row(1));
        assertArrayEquals(expected, bottle.masks().row(2));
    }

    @Test
    void resizesMasksWithTheImages() {
        MvtecReader.Category bottle = MvtecReader.read(category(), ImageOptions.DEFAULT.withSize(2).withChannels(1));
        assertEquals(new ImageShape(1, 2, 2), bottle.split().test().shape());
        assertEquals(new ImageShape(1, 2, 2), bottle.maskShape());
        // The left column of 4 is white: half of the left output column's area.
        assertArrayEquals(new double[] {0.5, 0, 0.5, 0}, bottle.masks().row(0), 1e-12);
    }

    @Test
    void refusesIncompleteLayouts() throws Exception {
        Path dir = category();
        Path mask = dir.resolve("ground_truth/hole/000_mask.png");
        png(mask, mask(3));
        assertRefused(mask.toString(), () -> MvtecReader.read(dir, ImageOptions.DEFAULT),
                "mask of size 3x3", dir.resolve("test/hole/000.png") + " of size 4x4");
        Files.delete(mask);
        assertRefused(dir.resolve("test/hole/000.png").toString(), () -> MvtecReader.read(dir, ImageOptions.DEFAULT),
                "no mask " + mask);
        Files.delete(dir.resolve("ground_truth/hole"));
        assertRefused(dir.resolve("test/hole").toString(), () -> MvtecReader.read(dir, ImageOptions.DEFAULT),
                "defect folder without masks");
        for (String name : List.of("test/good/000.png", "test/good")) {
            Files.delete(dir.resolve(name));
        }
        assertRefused(dir.resolve("test/good").toString(), () -> MvtecReader.read(dir, ImageOptions.DEFAULT),
                "folder not found", "normal test images");
        png(dir.resolve("test/good/000.png"), gray(4, 4, 0));
        png(dir.resolve("ground_truth/hole/000_mask.png"), mask(4));
        png(dir.resolve("train/broken/000.png"), rgb(4, 4, 0));
        assertRefused(dir.resolve("train/broken").toString(), () -> MvtecReader.read(dir, ImageOptions.DEFAULT),
                "train/good/ only");
        Arrays.asList(dir.resolve("train/broken/000.png"), dir.resolve("train/broken")).forEach(p -> p.toFile().delete());
        assertRefused(dir.resolve("test/good/000.png").toString(), () -> MvtecReader.read(dir, ImageOptions.DEFAULT),
                "1 channel (gray)", "--channels");
    }
}
