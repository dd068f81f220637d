package dtad.bench.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.data.Matrix;
import dtad.image.ImageOptions;
import dtad.image.ImageSet;
import dtad.image.ImageShape;
import dtad.image.ImageSplit;
import dtad.image.MnistFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AdbenchImageProtocolTest {

    /** 400 one-pixel images of classes i mod 4; image i holds the value i, so rows can be traced. */
    private static ImageSet toy() {
        double[] values = new double[400];
        int[] classes = new int[400];
        for (int i = 0; i < 400; i++) {
            values[i] = i;
            classes[i] = i % 4;
        }
        return ImageSet.of("Toy", new ImageShape(1, 1, 1), Matrix.wrap(400, 1, values), null)
                .withClasses(classes, List.of("a", "b", "c", "d"));
    }

    @Test
    void theNormalClassIsKeptWholeAndFivePercentOfTheRowsAreOtherClasses() {
        ImageSet data = AdbenchImageProtocol.dataset(toy(), 2, 7);
        assertEquals("Toy_2", data.name());
        assertEquals(100 + 5, data.size());          // 100 normal images, floor(100 / 19) = 5 anomalies
        assertEquals(5, data.toDataset().anomalies());
        double[] rows = data.pixels().column(0);
        double[] sorted = rows.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, rows, "rows keep their order in the source");
        for (int i = 0; i < data.size(); i++) {
            int source = (int) rows[i];
            assertEquals(source % 4 == 2 ? 0 : 1, data.labels()[i]);
            assertEquals(source % 4, data.classes()[i]);
        }
        assertArrayEquals(data.pixels().values(), AdbenchImageProtocol.dataset(toy(), 2, 7).pixels().values());
        assertNotEquals(Arrays.toString(data.pixels().values()),
                Arrays.toString(AdbenchImageProtocol.dataset(toy(), 2, 8).pixels().values()));
    }

    @Test
    void semiSplitTrainsOnHalfTheNormalImages() {
        ImageSplit split = AdbenchImageProtocol.split(toy(), 0, Setting.SEMI, 3);
        // 105 rows are fewer than ADBench's 1000, so the protocol first resamples them to 1000 with replacement.
        ImageSet train = split.train();
        ImageSet test = split.test();
        assertTrue(Arrays.stream(train.labels()).allMatch(l -> l == 0));
        assertTrue(Arrays.stream(train.classes()).allMatch(c -> c == 0));
        assertEquals(1000, train.size() + test.size());
        int normals = 1000 - test.toDataset().anomalies();
        assertEquals(AdbenchProtocol.semiTrainingRows(normals), train.size());
        for (int i = 0; i < test.size(); i++) {
            assertEquals(test.classes()[i] == 0 ? 0 : 1, test.labels()[i]);
        }
    }

    @Test
    void refusesImagesWithoutClassesAndTooSmallClasses() {
        ImageSet noClasses = ImageSet.of("Plain", new ImageShape(1, 1, 1), Matrix.zeros(40, 1), null);
        assertThrows(InputException.class, () -> AdbenchImageProtocol.dataset(noClasses, 0, 0));
        ImageSet tiny = noClasses.withClasses(new int[40], List.of("only")).select(new int[] {0, 1, 2});
        InputException e = assertThrows(InputException.class, () -> AdbenchImageProtocol.dataset(tiny, 0, 0));
        assertTrue(e.getMessage().contains("class 0 has 3 images"), e.getMessage());
    }

    @Test
    void fashionMnistGivesAdbenchsRowCounts() {
        Path dir = Path.of(System.getProperty("dtad.fashion-mnist.dir", MnistFiles.DEBIAN_FASHION_MNIST.toString()));
        Assumptions.assumeTrue(MnistFiles.present(dir), "Fashion-MNIST not found in " + dir
                + " (apt-get install dataset-fashion-mnist, or set -Ddtad.fashion-mnist.dir): skipping");
        ImageSet train = MnistFiles.readFashionMnist(dir, ImageOptions.DEFAULT).train();
        ImageSplit split = AdbenchImageProtocol.split(train, 3, Setting.SEMI, 0);
        // ADBench's FashionMNIST_3: 6,315 rows, 315 anomalies; semi: 3,000 training rows, 3,315 test rows.
        assertEquals("FashionMNIST_3", split.train().name());
        assertEquals(3_000, split.train().size());
        assertEquals(3_315, split.test().size());
        assertEquals(315, split.test().toDataset().anomalies());
    }
}
