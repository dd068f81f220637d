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
import dtad.data.Matrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzReaderTest {
    @TempDir
    Path dir;

    private static final double[] FEATURES = {1, 2, 3, 4, 5, 6};

    private static Map<String, byte[]> entries(Object... namesAndBytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBytes.length; i += 2) {
            entries.put((String) namesAndBytes[i], (byte[]) namesAndBytes[i + 1]);
        }
        return entries;
    }

    private Path npz(String name, boolean deflate, Object... namesAndBytes) {
        return write(dir, name, zip(entries(namesAndBytes), deflate));
    }

    @ParameterizedTest(name = "deflated={0}")
    @ValueSource(booleans = {false, true})
    void readsStoredAndDeflatedEntries(boolean deflate) {
        Path file = npz("3_small.npz", deflate,
                "X.npy", npy("<f8", true, new int[] {3, 2}, FEATURES, 1), "y.npy", i8(0, 1, 0));

        Dataset data = NpzReader.readDataset(file);

        assertEquals("3_small", data.name());
        assertEquals(3, data.x().rows());
        assertEquals(2, data.x().columns());
        assertArrayEquals(FEATURES, data.x().values());
        assertArrayEquals(new int[] {0, 1, 0}, data.labels());
        assertEquals(1, data.anomalies());
    }

    @Test
    void readsArraysWithTheirDtypes() {
        Path file = npz("a.npz", true, "X.npy", npy(">u2", false, new int[] {3, 2}, FEATURES, 2),
                "y.npy", npy("|b1", false, new int[] {3}, new double[] {1, 0, 1}, 3));

        NpzArrays arrays = NpzReader.read(file);

        assertEquals("uint16", arrays.x().dtype().name());
        assertEquals("bool", arrays.y().dtype().name());
        assertEquals(file + ": entry X.npy", arrays.x().source());
        assertEquals("a", arrays.name());
    }

    @Test
    void readsLabelsGivenAsOneColumnOrAsFloats() {
        Path column = npz("c.npz", false, "X.npy", f8(new int[] {3, 2}, FEATURES), "y.npy",
                npy("<i4", false, new int[] {3, 1}, new double[] {1, 1, 0}, 1));
        Path floats = npz("f.npz", false, "X.npy", f8(new int[] {3, 2}, FEATURES), "y.npy",
                f8(new int[] {3}, 0.0, 1.0, 0.0));

        assertArrayEquals(new int[] {1, 1, 0}, NpzReader.readDataset(column).labels());
        assertArrayEquals(new int[] {0, 1, 0}, NpzReader.readDataset(floats).labels());
    }

    @Test
    void readsFeaturesWithoutLabels() {
        Dataset data = NpzReader.readDataset(npz("u.npz", true, "X.npy", f8(new int[] {3, 2}, FEATURES)));

        assertNull(data.labels());
        assertEquals(3, data.x().rows());
    }

    @Test
    void readsEntriesWithoutNpySuffixAndIgnoresOthers() {
        Path file = npz("s.npz", false, "notes.txt", "hello".getBytes(), "X", f8(new int[] {3, 2}, FEATURES),
                "y", i8(1, 0, 0), "extra.npy",
                NpyBytes.withHeader("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new byte[8], 1));

        Dataset data = NpzReader.readDataset(file);

        assertArrayEquals(new int[] {1, 0, 0}, data.labels());
    }

    @Test
    void keepsNanAndInfinityInFeatures() {
        Path file = npz("n.npz", true, "X.npy", f8(new int[] {2, 1}, Double.NaN, Double.NEGATIVE_INFINITY));

        assertArrayEquals(new double[] {Double.NaN, Double.NEGATIVE_INFINITY},
                NpzReader.readDataset(file).x().values());
    }

    @ParameterizedTest(name = "deflated={0}")
    @ValueSource(booleans = {false, true})
    void readsTheFeatureShapeFromTheHeaderAlone(boolean deflate) {
        byte[] x = f8(new int[] {3, 2}, FEATURES);
        // The data is cut short: a full read refuses it, the header-only read never gets that far.
        Path file = npz("header.npz", deflate, "y.npy", i8(0, 1, 0), "X.npy", Arrays.copyOf(x, x.length - 20));

        assertArrayEquals(new int[] {3, 2}, NpzReader.featuresShape(file));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file), "truncated data");
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {1, 2, 3})
    void readsTheFeatureShapeOfEveryFormatVersion(int version) {
        Path file = npz("v" + version + ".npz", true, "X.npy",
                npy("<f4", false, new int[] {2, 3}, FEATURES, version));

        assertArrayEquals(new int[] {2, 3}, NpzReader.featuresShape(file));
    }

    @Test
    void readsTheShapeOfAWrittenFileWithoutItsData() throws Exception {
        Matrix big = Matrix.zeros(25_000, 40);
        Path npy = dir.resolve("X.npy");
        NpyWriter.write(npy, big, false);
        Path file = write(dir, "written.npz", zip(entries("X.npy", Files.readAllBytes(npy)), true));

        assertArrayEquals(new int[] {25_000, 40}, NpzReader.featuresShape(file));
    }

    @Test
    void refusesAFeatureShapeItCannotRead() {
        Path noX = npz("noxshape.npz", false, "y.npy", i8(0, 1, 0));
        assertRefused(noX.toString(), () -> NpzReader.featuresShape(noX), "no entry X.npy (the features)");
        Path cut = npz("cutheader.npz", false, "X.npy", Arrays.copyOf(f8(new int[] {3, 2}, FEATURES), 40));
        assertRefused(cut.toString(), () -> NpzReader.featuresShape(cut), "entry X.npy: truncated NPY header");
        Path text = write(dir, "plain.npz", "a,b\n1,2\n".getBytes());
        assertRefused(text.toString(), () -> NpzReader.featuresShape(text), "not an NPZ file");
        Path notNpy = npz("notnpy.npz", true, "X.npy", "hello, world".getBytes());
        assertRefused(notNpy.toString(), () -> NpzReader.featuresShape(notNpy), "entry X.npy: not an NPY file");
    }

    // ---- refusals ----

    @Test
    void refusesNpzWithoutFeatures() {
        Path file = npz("nox.npz", true, "x.npy", f8(new int[] {3, 2}, FEATURES), "y.npy", i8(0, 1, 0));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file),
                "no entry X.npy (the features); entries: x.npy, y.npy");
    }

    @Test
    void refusesLabelsOfAnotherLengthThanFeatures() {
        Path file = npz("len.npz", false, "X.npy", f8(new int[] {3, 2}, FEATURES), "y.npy", i8(0, 1));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file),
                "entry y.npy: 2 labels for 3 rows of X (shape (3, 2))");
    }

    @Test
    void refusesLabelsOtherThanZeroOrOne() {
        Path file = npz("two.npz", true, "X.npy", f8(new int[] {3, 2}, FEATURES), "y.npy", i8(0, 1, 2));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file),
                file + ": entry y.npy: labels must be 0 or 1, found 2 at row 2");
    }

    @Test
    void refusesNanLabels() {
        Path file = npz("nan.npz", true, "X.npy", f8(new int[] {3, 2}, FEATURES), "y.npy",
                f8(new int[] {3}, 0, Double.NaN, 1));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file), "found nan at row 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(6,)", "(1, 3, 2)"})
    void refusesFeaturesOfWrongRank(String shape) {
        int[] dims = shape.equals("(6,)") ? new int[] {6} : new int[] {1, 3, 2};
        Path file = npz("rank.npz", false, "X.npy", npy("<f8", false, dims, FEATURES, 1));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file),
                "entry X.npy: features must be a 2-D array", shape);
    }

    @Test
    void refusesLabelsOfWrongRank() {
        Path file = npz("yrank.npz", false, "X.npy", f8(new int[] {3, 2}, FEATURES), "y.npy",
                f8(new int[] {3, 2}, 0, 0, 1, 1, 0, 0));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file),
                "entry y.npy: labels must be a 1-D array");
    }

    @Test
    void refusesObjectArrays() {
        Path file = npz("obj.npz", false, "X.npy", f8(new int[] {3, 2}, FEATURES), "y.npy",
                NpyBytes.withHeader("{'descr': '|O', 'fortran_order': False, 'shape': (3,), }", new byte[24], 1));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file), "entry y.npy: object arrays");
    }

    @Test
    void refusesTruncatedNpz() {
        byte[] whole = zip(entries("X.npy", f8(new int[] {3, 2}, FEATURES), "y.npy", i8(0, 1, 0)), true);
        Path file = write(dir, "cut.npz", Arrays.copyOf(whole, whole.length / 2));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file), "damaged or truncated zip archive");
    }

    @Test
    void refusesTruncatedEntryData() {
        byte[] npy = f8(new int[] {3, 2}, FEATURES);
        Path file = npz("short.npz", true, "X.npy", Arrays.copyOf(npy, npy.length - 1));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file),
                "entry X.npy: truncated data: shape (3, 2) of <f8 needs 48 bytes of data, found 47");
    }

    @Test
    void refusesEntryLongerThanItsShape() {
        byte[] npy = f8(new int[] {3, 2}, FEATURES);
        Path file = npz("longer.npz", false, "X.npy", Arrays.copyOf(npy, npy.length + 16));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file),
                "entry X.npy: the header's shape disagrees with the data");
    }

    @Test
    void refusesCorruptedDeflatedEntry() {
        double[] many = new double[4000];
        Arrays.fill(many, 1.25);
        byte[] bytes = zip(entries("X.npy", f8(new int[] {2000, 2}, many)), true);
        bytes[60] ^= 0x55; // inside the compressed data of the first entry
        bytes[61] ^= 0x55;
        Path file = write(dir, "bad.npz", bytes);
        assertRefused(file.toString(), () -> NpzReader.readDataset(file), "entry X.npy: damaged zip entry");
    }

    @Test
    void refusesFileThatIsNeitherZipNorNpy() {
        Path file = write(dir, "text.npz", "a,b\n1,2\n".getBytes());
        assertRefused(file.toString(), () -> NpzReader.readDataset(file), "not an NPZ file (not a zip archive)");
    }

    @Test
    void refusesNpyFileNamedNpz() {
        Path file = write(dir, "plain.npz", f8(new int[] {3, 2}, FEATURES));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file), "is an NPY file, not an NPZ archive");
    }

    @Test
    void refusesEmptyFile() {
        Path file = write(dir, "empty.npz", new byte[0]);
        assertRefused(file.toString(), () -> NpzReader.readDataset(file), "file is empty");
    }

    @Test
    void refusesEmptyArchive() {
        Path file = write(dir, "none.npz", zip(Map.of(), false));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file), "no entry X.npy", "entries: none");
    }

    @Test
    void refusesEmptyEntry() {
        Path file = npz("zero.npz", false, "X.npy", new byte[0]);
        assertRefused(file.toString(), () -> NpzReader.readDataset(file), "entry X.npy: is empty");
    }

    @Test
    void refusesMissingFile() {
        Path file = dir.resolve("absent.npz");
        assertRefused(file.toString(), () -> NpzReader.readDataset(file), "file not found");
    }

    @Test
    void refusesDirectory() throws Exception {
        Path file = Files.createDirectory(dir.resolve("d.npz"));
        assertRefused(file.toString(), () -> NpzReader.readDataset(file), "is a directory");
    }
}
