package dtad.io;

import static dtad.io.NpyBytes.f8;
import static dtad.io.NpyBytes.i8;
import static dtad.io.NpyBytes.npy;
import static dtad.io.NpyBytes.write;
import static dtad.io.NpyBytes.zip;
import static dtad.io.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dtad.data.Dataset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {
    @TempDir
    Path dir;

    private Path npz(String name, byte[] x, byte[] y) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("X.npy", x);
        if (y != null) {
            entries.put("y.npy", y);
        }
        return write(dir, name, zip(entries, true));
    }

    @Test
    void readsEachSupportedFormatByExtension() {
        Path npz = npz("a.npz", f8(new int[] {2, 1}, 1, 2), i8(1, 0));
        Path npy = write(dir, "b.NPY", f8(new int[] {2, 1}, 1, 2));
        Path csv = write(dir, "c.csv", "x,y\n1,1\n2,0\n".getBytes());

        Dataset fromNpz = DataFiles.read(npz, null);
        Dataset fromNpy = DataFiles.read(npy, null);
        Dataset fromCsv = DataFiles.read(csv, "y");

        for (Dataset data : new Dataset[] {fromNpz, fromNpy, fromCsv}) {
            assertArrayEquals(new double[] {1, 2}, data.x().values());
        }
        assertArrayEquals(new int[] {1, 0}, fromNpz.labels());
        assertNull(fromNpy.labels());
        assertArrayEquals(new int[] {1, 0}, fromCsv.labels());
        assertEquals("a", fromNpz.name());
        assertEquals("b", fromNpy.name());
        assertEquals("c", fromCsv.name());
    }

    @Test
    void refusesUnknownExtensionListingTheSupportedOnes() {
        Path file = write(dir, "data.xlsx", new byte[] {1});
        assertRefused(file.toString(), () -> DataFiles.read(file, null),
                "unsupported file type '.xlsx'; supported: .npz, .npy, .csv, .tsv, .csv.gz, .tsv.gz, .parquet");
        Path parquet = write(dir, "data.parquet", new byte[] {1});
        // dtad-core alone has no Parquet reader: the message says which module brings it.
        assertRefused(parquet.toString(), () -> DataFiles.read(parquet, null), "io.github.dtad:dtad-parquet");
        Path bare = write(dir, "data", new byte[] {1});
        assertRefused(bare.toString(), () -> DataFiles.read(bare, null), "(no extension)");
    }

    @Test
    void refusesALabelColumnForNumpyFiles() {
        Path file = npz("l.npz", f8(new int[] {1, 1}, 1), null);
        assertRefused(file.toString(), () -> DataFiles.read(file, "y"), "label, id and dropped columns apply to files with named columns");
    }

    @Test
    void refusesNpyFeaturesOfRank1() {
        Path file = write(dir, "v.npy", f8(new int[] {3}, 1, 2, 3));
        assertRefused(file.toString(), () -> DataFiles.read(file, null), "features must be a 2-D array");
    }

    @Test
    void summarizesNpzWithDtypeAnomaliesNanAndInf() {
        Path file = npz("5_mixed.npz", f8(new int[] {3, 2}, 1, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, 0), i8(0, 1, 1));

        DataSummary summary = DataFiles.summarize(file, null);

        assertEquals(new DataSummary("5_mixed", 3, 2, "float64", 2, 2, 2), summary);
    }

    @Test
    void summarizesIntegerNpzAndUnlabelledNpy() {
        Path npz = npz("ints.npz", npy(">i4", true, new int[] {2, 2}, new double[] {1, 2, 3, 4}, 1), i8(0, 0));
        Path npy = write(dir, "bytes.npy", npy("|u1", false, new int[] {1, 3}, new double[] {1, 2, 3}, 1));

        assertEquals(new DataSummary("ints", 2, 2, "int32", 0, 0, 0), DataFiles.summarize(npz, null));
        assertEquals(new DataSummary("bytes", 1, 3, "uint8", null, 0, 0), DataFiles.summarize(npy, null));
    }

    @Test
    void summarizesCsvWithAndWithoutLabels() {
        Path csv = write(dir, "t.csv", "a,b,y\n1,,1\nNA,2,1\n3,4,0\n".getBytes());

        assertEquals(new DataSummary("t", 3, 2, "csv", 2, 2, 0), DataFiles.summarize(csv, "y"));
        assertEquals(new DataSummary("t", 3, 3, "csv", null, 2, 0), DataFiles.summarize(csv, null));
    }

    @Test
    void summarizeRefusesInfiniteCsvValuesWithTheirPosition() {
        Path csv = write(dir, "i.csv", "a\n1\ninf\n".getBytes());
        assertRefused(csv.toString(), () -> DataFiles.summarize(csv, null), csv + ": line 3, column 1 (from 1): infinite value");
    }
}
