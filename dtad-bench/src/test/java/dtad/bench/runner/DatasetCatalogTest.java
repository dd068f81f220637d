package dtad.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.bench.protocol.Setting;
import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.io.NpyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCatalogTest {

    /** Writes an NPZ file with X (rows x 2) and y (every fifth row an anomaly). */
    static void npz(Path file, int rows) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempDirectory(file.getParent(), ".npy");
        double[] y = new double[rows];
        for (int r = 0; r < rows; r += 5) {
            y[r] = 1;
        }
        NpyWriter.write(tmp.resolve("X.npy"), Matrix.zeros(rows, 2), false);
        NpyWriter.write(tmp.resolve("y.npy"), y, false);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("X.npy", "y.npy")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(Files.readAllBytes(tmp.resolve(name)));
                zip.closeEntry();
            }
        }
        for (String name : List.of("X.npy", "y.npy")) {
            Files.delete(tmp.resolve(name));
        }
        Files.delete(tmp);
    }

    @Test
    void findsNpzFilesInSubFoldersNamedWithoutExtensionInNaturalOrder(@TempDir Path dir) throws IOException {
        npz(dir.resolve("Classical/10_cover.npz"), 20);
        npz(dir.resolve("Classical/4_breastw.npz"), 10);
        npz(dir.resolve("NLP/deep/20news_3.npz"), 15);
        Files.writeString(dir.resolve("Classical/notes.txt"), "not data");
        DatasetCatalog catalog = DatasetCatalog.scan(dir);
        assertEquals(List.of("4_breastw", "10_cover", "20news_3"), catalog.names());
        Dataset d = catalog.select("20news_3").get(0).load();
        assertEquals("20news_3", d.name());
        assertEquals(15, d.x().rows());
        assertEquals(3, d.anomalies());
    }

    @Test
    void selectsByCommaListOrAllAndRefusesUnknownNamesListingTheAvailableOnes(@TempDir Path dir) throws IOException {
        npz(dir.resolve("a.npz"), 10);
        npz(dir.resolve("b.npz"), 10);
        npz(dir.resolve("c.npz"), 10);
        DatasetCatalog catalog = DatasetCatalog.scan(dir);
        assertEquals(List.of("c", "a"), catalog.select("c, a.npz,c").stream().map(DatasetSource::name).toList());
        assertEquals(3, catalog.select("all").size());
        assertEquals(3, catalog.select(null).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> catalog.select("a,zz"));
        assertEquals("Unknown data set 'zz'; available: a, b, c", e.getMessage());
    }

    @Test
    void refusesTwoFilesOfOneNameAMissingFolderAndAFolderWithoutData(@TempDir Path dir) throws IOException {
        npz(dir.resolve("x/same.npz"), 10);
        npz(dir.resolve("y/same.npz"), 10);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DatasetCatalog.scan(dir)).getMessage()
                .startsWith("Two data sets are named same: "));
        assertThrows(UncheckedIOException.class, () -> DatasetCatalog.scan(dir.resolve("missing")));
        Files.createDirectories(dir.resolve("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DatasetCatalog.scan(dir.resolve("empty")))
                .getMessage().startsWith("No .npz data sets in "));
    }

    @Test
    void theSyntheticSuiteHasOneDataSetPerAnomalyType() {
        DatasetCatalog catalog = DatasetCatalog.synthetic();
        assertEquals(4, catalog.names().size());
        assertTrue(catalog.names().contains("synthetic-local"), catalog.names().toString());
        Dataset d = catalog.select("synthetic-local").get(0).load();
        assertEquals(100, d.anomalies());
    }

    @Test
    void sizesANpzDataSetFromItsHeader(@TempDir Path dir) throws IOException {
        npz(dir.resolve("a.npz"), 1_200);
        DatasetSource source = DatasetCatalog.scan(dir).select("a").get(0);

        assertEquals(DatasetSize.ofRows(1_200), source.size());
        assertEquals(600, source.size().trainingRows(Setting.SEMI), "half of all rows: the labels are not read");
        Files.delete(dir.resolve("a.npz"));
        assertThrows(RuntimeException.class, source::size, "a file that is gone has no size");
    }

    @Test
    void sizesTheSyntheticSuiteExactly() {
        DatasetSource source = DatasetCatalog.synthetic().select("synthetic-local").get(0);
        assertEquals(DatasetSize.of(2_000, 100), source.size());
        assertEquals(950, source.size().trainingRows(Setting.SEMI));
    }

    @Test
    void seedsAreRangesOrLists() {
        assertEquals(List.of(0, 1, 2, 3, 4), Seeds.parse("0-4"));
        assertEquals(List.of(0, 2, 3), Seeds.parse("0,2,3"));
        assertEquals(List.of(0, 1, 7), Seeds.parse("0-1, 7, 1"));
        for (String bad : new String[] {"", "a", "4-2", "-1", "1-x", "3000000000"}) {
            assertThrows(IllegalArgumentException.class, () -> Seeds.parse(bad), bad);
        }
    }
}
