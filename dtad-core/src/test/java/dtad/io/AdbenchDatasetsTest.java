package dtad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Dataset;
import dtad.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads the ADBench data sets shipped beside the project (system property {@code dtad.adbench.dir}); skipped
 * when they are absent, or failing when they are required ({@link SharedData}). The expected facts were
 * taken from numpy.
 */
class AdbenchDatasetsTest {
    private static Path adbench() {
        return SharedData.directory(SharedData.adbenchDir());
    }

    private static Path file(String relative) {
        return SharedData.adbenchFile(relative);
    }

    @TestFactory
    Stream<DynamicTest> readsEveryAdbenchNpz() throws IOException {
        Path dir = adbench();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".npz")).sorted().collect(Collectors.toList());
        }
        assertFalse(files.isEmpty(), "no .npz files under " + dir);
        return files.stream().map(file -> DynamicTest.dynamicTest(dir.relativize(file).toString(), () -> {
            Dataset data = DataFiles.read(file, null);
            assertTrue(data.x().rows() > 0 && data.x().columns() > 0);
            assertEquals(data.x().rows(), data.labels().length);
            for (int label : data.labels()) {
                assertTrue(label == 0 || label == 1);
            }
            assertTrue(data.anomalies() > 0 && data.anomalies() < data.x().rows());
        }));
    }

    @Test
    void readsThyroidAsNumpyDoes() {
        Path file = file("Classical/38_thyroid.npz");

        Dataset data = DataFiles.read(file, null);

        assertEquals("38_thyroid", data.name());
        assertEquals(3772, data.x().rows());
        assertEquals(6, data.x().columns());
        assertEquals(93, data.anomalies());
        // X is stored in Fortran order; these rows check the reordering.
        assertArrayEquals(new double[] {0.774193548387, 0.0011320754717, 0.137571157495, 0.275700934579,
                0.295774647887, 0.23606557377}, data.x().row(0));
        assertArrayEquals(new double[] {0.483870967742, 0.00356603773585, 0.190702087287, 0.21261682243,
                0.338028169014, 0.16393442623}, data.x().row(3771));
        double sum = 0;
        for (double value : data.x().column(5)) {
            sum += value;
        }
        assertEquals(668.7787704918671, sum, 1e-9);
    }

    @Test
    void summarizesIntegerAndFloat32DataSets() {
        assertEquals(new DataSummary("10_cover", 286048, 10, "int16", 2747, 0, 0),
                DataFiles.summarize(file("Classical/10_cover.npz"), null));
        assertEquals(new DataSummary("20_letter", 1600, 32, "uint8", 100, 0, 0),
                DataFiles.summarize(file("Classical/20_letter.npz"), null));
        assertEquals(new DataSummary("CIFAR10_0", 5263, 512, "float32", 263, 0, 0),
                DataFiles.summarize(file("CV_by_ResNet18/CIFAR10_0.npz"), null));
    }

    @Test
    void readsFirstRowsOfOtherDtypes() {
        Dataset cover = DataFiles.read(file("Classical/10_cover.npz"), null);
        Dataset letter = DataFiles.read(file("Classical/20_letter.npz"), null);
        Dataset cifar = DataFiles.read(file("CV_by_ResNet18/CIFAR10_0.npz"), null);

        assertArrayEquals(new double[] {2804, 139, 9, 268, 65, 3180, 234, 238, 135, 6121}, cover.x().row(0));
        assertArrayEquals(new double[] {2608, 23, 14, 361, 108, 1961, 211, 209, 131, 698}, cover.x().row(286047));
        assertArrayEquals(new double[] {6, 10, 5, 6, 3, 10, 6, 4, 6, 14, 3, 6, 2, 9, 4, 11, 4, 10, 5, 8, 2, 7, 9, 0,
                8, 14, 6, 6, 0, 10, 2, 7}, letter.x().row(0));
        assertEquals(0.3016446828842163, cifar.x().get(0, 0));
        assertEquals(0.0, cifar.x().get(5262, 511));
    }

    @Test
    void readsDonors() {
        Dataset donors = DataFiles.read(file("Classical/11_donors.npz"), null);

        assertEquals(619326, donors.x().rows());
        assertEquals(10, donors.x().columns());
        assertEquals(36710, donors.anomalies());
        assertArrayEquals(new double[] {0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0032890000000000003},
                donors.x().row(0));
    }
}
