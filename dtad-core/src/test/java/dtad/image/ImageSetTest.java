package dtad.image;

import static dtad.io.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dtad.data.Matrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSetTest {
    @TempDir
    Path dir;

    /** Six 1 x 1 x 2 images of classes 0, 1, 2, 0, 1, 2; image i holds (i, 10 i). */
    private static ImageSet classes(String name) {
        double[] values = new double[12];
        for (int i = 0; i < 6; i++) {
            values[2 * i] = i;
            values[2 * i + 1] = 10 * i;
        }
        return ImageSet.of(name, new ImageShape(1, 1, 2), Matrix.wrap(6, 2, values), null)
                .withClasses(new int[] {0, 1, 2, 0, 1, 2}, List.of("a", "b", "c"));
    }

    @Test
    void oneClassSplitTrainsOnTheNormalClassAndTestsOnTheWholeTestSplit() {
        ImageSplit data = new ImageSplit(classes("Toy"), classes("Toy"));
        ImageSplit split = ImageSplit.oneClass(data, 1);
        assertEquals("Toy_1", split.train().name());
        assertEquals("Toy_1", split.test().name());
        assertArrayEquals(new double[] {1, 10, 4, 40}, split.train().pixels().values());
        assertArrayEquals(new int[] {0, 0}, split.train().labels());
        assertEquals(6, split.test().size());
        assertArrayEquals(new int[] {1, 0, 1, 1, 0, 1}, split.test().labels());
        assertArrayEquals(new int[] {1, 0, 1, 1, 0, 1}, split.test().toDataset().labels());
        assertThrows(IllegalArgumentException.class, () -> ImageSplit.oneClass(data, 3));
    }

    @Test
    void selectKeepsLabelsClassesAndFiles() {
        ImageSet set = classes("Toy").withLabels(new int[] {0, 0, 1, 0, 0, 1});
        ImageSet picked = set.select(new int[] {5, 2, 5});
        assertArrayEquals(new int[] {1, 1, 1}, picked.labels());
        assertArrayEquals(new int[] {2, 2, 2}, picked.classes());
        assertArrayEquals(new double[] {5, 50, 2, 20, 5, 50}, picked.pixels().values());
        assertEquals("Toy (image 3, counting from 0)", set.source(3));
        assertThrows(IllegalArgumentException.class, () -> set.withLabels(new int[] {0, 2, 0, 0, 0, 0}));
    }

    @Test
    void refusesImagesOfAnotherShapeThanTheModelWasFittedOn() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        TestImages.png(folder.resolve("a.png"), TestImages.rgb(28, 28, 0));
        ImageSet rgb = ImageFolderReader.read(folder, ImageOptions.DEFAULT);
        rgb.requireShape(new ImageShape(3, 28, 28));
        assertRefused(folder.toString(), () -> rgb.requireShape(new ImageShape(1, 28, 28)),
                "3 channel(s), the model was fitted on 1", "channels");
        assertRefused(folder.toString(), () -> rgb.requireShape(new ImageShape(3, 32, 32)),
                "size 28x28, the model was fitted on 32x32");
    }

    @Test
    void pngWriterRoundTripsEightBitImages() throws Exception {
        ImageShape shape = new ImageShape(3, 3, 2);
        double[] values = new double[shape.values()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (17 * i % 256) / 255.0;
        }
        Path file = dir.resolve("out/image.png");
        PngWriter.write(file, shape, values, 0, false);
        assertArrayEquals(values, ImageFiles.read(file).values());
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> PngWriter.write(file, shape, values, 0, false));
        double[] gray = {-1, 0.5, 2, 1};
        PngWriter.write(file, new ImageShape(1, 2, 2), gray, 0, true);
        assertArrayEquals(new double[] {0, 128 / 255.0, 1, 1}, ImageFiles.read(file).values());
    }
}
