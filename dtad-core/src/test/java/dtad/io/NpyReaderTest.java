package dtad.io;

import static dtad.io.NpyBytes.f8;
import static dtad.io.NpyBytes.npy;
import static dtad.io.NpyBytes.withHeader;
import static dtad.io.NpyBytes.write;
import static dtad.io.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dtad.data.Matrix;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyReaderTest {
    @TempDir
    Path dir;

    /** Values each dtype holds exactly, with its extremes and, for floats, NaN, infinities and -0. */
    private static final Map<String, double[]> VALUES = Map.ofEntries(
            Map.entry("f8", new double[] {1.5, -2.25, 1e300, Double.NaN, Double.POSITIVE_INFINITY, -0.0, 0.1}),
            Map.entry("f4", new double[] {1.5, -2.25, (double) Float.MAX_VALUE, Double.NaN,
                    Double.NEGATIVE_INFINITY, (double) 0.1f, (double) Float.MIN_VALUE}),
            Map.entry("f2", new double[] {1.5, -2.0, 65504, 0x1p-24, Double.NaN, Double.NEGATIVE_INFINITY, -0.0}),
            Map.entry("i8", new double[] {-0x1p53, 0x1p53, -1, 0, 123456789012.0, (double) Long.MIN_VALUE}),
            Map.entry("i4", new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 42}),
            Map.entry("i2", new double[] {Short.MIN_VALUE, Short.MAX_VALUE, -1, 0, 7}),
            Map.entry("i1", new double[] {Byte.MIN_VALUE, Byte.MAX_VALUE, -1, 0, 3}),
            Map.entry("u8", new double[] {0, 1, 0x1p63, 18446744073709549568.0, 0x1p53}),
            Map.entry("u4", new double[] {0, 4294967295.0, 2147483648.0, 17}),
            Map.entry("u2", new double[] {0, 65535, 32768, 5}),
            Map.entry("u1", new double[] {0, 255, 128, 9}),
            Map.entry("b1", new double[] {0, 1, 1, 0}));

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("f8", "float64"), Map.entry("f4", "float32"), Map.entry("f2", "float16"),
            Map.entry("i8", "int64"), Map.entry("i4", "int32"), Map.entry("i2", "int16"), Map.entry("i1", "int8"),
            Map.entry("u8", "uint64"), Map.entry("u4", "uint32"), Map.entry("u2", "uint16"),
            Map.entry("u1", "uint8"), Map.entry("b1", "bool"));

    static Stream<Arguments> everyDtypeByteOrderLayoutAndVersion() {
        List<Arguments> cases = new ArrayList<>();
        for (String code : VALUES.keySet()) {
            for (String order : List.of("<", ">", "|", "=")) {
                for (boolean fortran : List.of(false, true)) {
                    for (int version = 1; version <= 3; version++) {
                        cases.add(Arguments.of(order + code, fortran, version));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} fortran={1} v{2}.0")
    @MethodSource("everyDtypeByteOrderLayoutAndVersion")
    void readsEveryDtypeInEveryByteOrderLayoutAndVersion(String descr, boolean fortran, int version) {
        int[] shape = {4, 3};
        double[] expected = cycle(VALUES.get(descr.substring(1)), 12);
        Path file = write(dir, "a.npy", npy(descr, fortran, shape, expected, version));

        NpyArray array = NpyReader.read(file);

        assertArrayEquals(shape, array.shape());
        assertArrayEquals(expected, array.values());
        assertEquals(descr, array.dtype().descriptor());
        assertEquals(NAMES.get(descr.substring(1)), array.dtype().name());
        assertEquals(file.toString(), array.source());
    }

    @Test
    void readsFortranOrderFloat32BigEndian() {
        // Column-major big-endian floats 1 2 3 | 4 5 6 are the rows (1, 4), (2, 5), (3, 6).
        ByteBuffer data = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
        for (float value : new float[] {1, 2, 3, 4, 5, 6}) {
            data.putFloat(value);
        }
        Path file = write(dir, "f.npy",
                withHeader("{'descr': '>f4', 'fortran_order': True, 'shape': (3, 2), }", data.array(), 1));

        Matrix matrix = NpyReader.read(file).toMatrix();

        assertEquals(3, matrix.rows());
        assertEquals(2, matrix.columns());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, matrix.values());
    }

    @Test
    void readsFortranOrderMatrixLargerThanOneBlock() {
        int rows = 70_001;
        int columns = 3;
        double[] expected = new double[rows * columns];
        Arrays.setAll(expected, i -> i * 0.5);
        Path file = write(dir, "big.npy", npy("<f8", true, new int[] {rows, columns}, expected, 1));

        assertArrayEquals(expected, NpyReader.read(file).values());
    }

    @Test
    void readsWideFortranOrderMatrix() {
        int rows = 100;
        int columns = 1555;
        double[] expected = new double[rows * columns];
        Arrays.setAll(expected, i -> i);
        Path file = write(dir, "wide.npy", npy("<i4", true, new int[] {rows, columns}, expected, 1));

        assertArrayEquals(expected, NpyReader.read(file).values());
    }

    @Test
    void readsRank3FortranOrderAsRowMajor() {
        int[] shape = {2, 3, 4};
        double[] expected = new double[24];
        Arrays.setAll(expected, i -> i);
        Path file = write(dir, "cube.npy", npy("<i2", true, shape, expected, 2));

        NpyArray array = NpyReader.read(file);

        assertEquals(3, array.rank());
        assertArrayEquals(expected, array.values());
    }

    @Test
    void readsScalarAndEmptyArrays() {
        NpyArray scalar = NpyReader.read(write(dir, "s.npy", f8(new int[0], 2.5)));
        NpyArray empty = NpyReader.read(write(dir, "e.npy", f8(new int[] {0, 3})));

        assertEquals(0, scalar.rank());
        assertArrayEquals(new double[] {2.5}, scalar.values());
        assertArrayEquals(new int[] {0, 3}, empty.shape());
        assertEquals(0, empty.values().length);
    }

    @Test
    void readsEmptyFortranOrderArrays() {
        for (int[] shape : List.of(new int[] {3, 0}, new int[] {0, 3}, new int[] {2, 0, 2})) {
            Path file = write(dir, "e.npy", npy("<f4", true, shape, new double[0], 1));
            assertArrayEquals(shape, NpyReader.read(file).shape());
        }
    }

    @Test
    void readsHeadersInOtherPythonSpellings() {
        byte[] data = NpyBytes.data("<f8", false, new int[] {1, 2}, new double[] {1, 2});
        String[] dicts = {
            "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (1, 2)}",
            "{'shape': (1L, 2L), 'fortran_order': False, 'descr': '<f8'}",
            "{ 'descr' : '<f8' , 'fortran_order' : False , 'shape' : ( 1 , 2 , ) , }",
        };
        for (String dict : dicts) {
            Path file = write(dir, "h.npy", withHeader(dict, data, 1));
            assertArrayEquals(new double[] {1, 2}, NpyReader.read(file).values(), dict);
        }
    }

    @Test
    void readsFromBufferPosition() {
        byte[] npy = f8(new int[] {2}, 7, 8);
        ByteBuffer buffer = ByteBuffer.allocate(npy.length + 5).position(5);
        buffer.put(npy).position(5);

        NpyArray array = NpyReader.read(buffer, "memory");

        assertArrayEquals(new double[] {7, 8}, array.values());
        assertEquals("memory", array.source());
    }

    @Test
    void convertsRank2ToMatrixSharingValues() {
        NpyArray array = NpyReader.read(write(dir, "m.npy", f8(new int[] {2, 2}, 1, 2, 3, 4)));

        Matrix matrix = array.toMatrix();

        assertEquals(2, matrix.rows());
        assertEquals(4, matrix.get(1, 1));
        assertEquals(array.values(), matrix.values());
    }

    @Test
    void convertsRank1AndSingleColumnToLabels() {
        NpyArray flat = NpyReader.read(write(dir, "y.npy", npy("|b1", false, new int[] {3}, new double[] {1, 0, 1}, 1)));
        NpyArray column = NpyReader.read(write(dir, "c.npy", f8(new int[] {3, 1}, 0, 1, 1)));

        assertArrayEquals(new int[] {1, 0, 1}, flat.toLabels());
        assertArrayEquals(new int[] {0, 1, 1}, column.toLabels());
    }

    @Test
    void keepsNanAndInfinityInFeatures() {
        NpyArray array = NpyReader.read(write(dir, "n.npy",
                f8(new int[] {1, 3}, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));

        assertArrayEquals(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
                array.toMatrix().values());
    }

    // ---- refusals ----

    @ParameterizedTest
    @ValueSource(strings = {"|O", "O", "<O8"})
    void refusesObjectArrays(String descr) {
        Path file = write(dir, "o.npy", withHeader(header(descr, "(2,)"), new byte[16], 1));
        assertRefused(file.toString(), () -> NpyReader.read(file), "object arrays", "not supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<c8", "<c16", ">c16"})
    void refusesComplexDtypes(String descr) {
        Path file = write(dir, "c.npy", withHeader(header(descr, "(2,)"), new byte[32], 1));
        assertRefused(file.toString(), () -> NpyReader.read(file), "complex dtype '" + descr + "'");
    }

    @Test
    void refusesStructuredDtypes() {
        Path file = write(dir, "s.npy", withHeader(
                "{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (2,), }", new byte[24], 1));
        assertRefused(file.toString(), () -> NpyReader.read(file), "structured dtypes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<U5", "|S3", "<M8[ns]", "|V8", "<f16", "<i3", "xyz", ""})
    void refusesOtherDtypes(String descr) {
        Path file = write(dir, "d.npy", withHeader(header(descr, "(1,)"), new byte[8], 1));
        assertRefused(file.toString(), () -> NpyReader.read(file), "not supported");
    }

    @Test
    void refusesBadMagic() {
        Path file = write(dir, "bad.npy", "just some text, not numpy".getBytes());
        assertRefused(file.toString(), () -> NpyReader.read(file), "not an NPY file (bad magic bytes)");
    }

    @Test
    void refusesZipArchiveAsNpy() {
        Path file = write(dir, "z.npy", NpyBytes.zip(Map.of("X.npy", f8(new int[] {1}, 1)), false));
        assertRefused(file.toString(), () -> NpyReader.read(file), "zip archive");
    }

    @Test
    void refusesTruncatedData() {
        byte[] full = f8(new int[] {3, 2}, 1, 2, 3, 4, 5, 6);
        Path file = write(dir, "t.npy", Arrays.copyOf(full, full.length - 8));
        assertRefused(file.toString(), () -> NpyReader.read(file),
                "truncated data", "shape (3, 2) of <f8 needs 48 bytes of data, found 40");
    }

    @Test
    void refusesDataLongerThanTheShape() {
        byte[] full = f8(new int[] {3, 2}, 1, 2, 3, 4, 5, 6);
        Path file = write(dir, "long.npy", Arrays.copyOf(full, full.length + 8));
        assertRefused(file.toString(), () -> NpyReader.read(file),
                "the header's shape disagrees with the data", "needs 48 bytes of data, found 56");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 6, 9, 40, 127})
    void refusesTruncatedHeader(int length) {
        Path file = write(dir, "h.npy", Arrays.copyOf(f8(new int[] {1}, 1), length));
        assertRefused(file.toString(), () -> NpyReader.read(file), "truncated NPY header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0001\u0001", "\u0004\u0000", "\u0000\u0000"})
    void refusesUnsupportedVersions(String version) {
        byte[] bytes = f8(new int[] {1}, 1);
        bytes[6] = (byte) version.charAt(0);
        bytes[7] = (byte) version.charAt(1);
        Path file = write(dir, "v.npy", bytes);
        assertRefused(file.toString(), () -> NpyReader.read(file), "unsupported NPY format version");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[1, 2]",
        "{'descr': '<f8', 'fortran_order': False}",
        "{'descr': '<f8', 'shape': (1,)}",
        "{'fortran_order': False, 'shape': (1,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': [1]}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1.0,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': ('1',)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999999,)}",
        "{'descr': '<f8', 'fortran_order': 'no', 'shape': (1,)}",
        "{'descr': 8, 'fortran_order': False, 'shape': (1,)}",
        "{'descr': '<f8, 'fortran_order': False, 'shape': (1,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1,)",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1,)} trailing",
        "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}",
        "{'descr': '<f8' 'fortran_order': False, 'shape': (1,)}",
        "{'descr': '<f8', 'fortran_order': false, 'shape': (1,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': __import__('os')}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': ((((((((((((((((((((((((((((((((((1,),),),),),),),),),),),),),),),),),),),),),),),),),),),),),),),),),)}",
        "",
        "   ",
    })
    void refusesMalformedHeaderDicts(String dict) {
        Path file = write(dir, "m.npy", withHeader(dict, new byte[8], 1));
        assertRefused(file.toString(), () -> NpyReader.read(file), "malformed NPY header");
    }

    @Test
    void refusesShapesTooLargeForJavaArrays() {
        Path file = write(dir, "huge.npy", withHeader(header("<f8", "(100000, 100000)"), new byte[8], 1));
        assertRefused(file.toString(), () -> NpyReader.read(file), "array too large");
    }

    @Test
    void refusesEmptyFile() {
        Path file = write(dir, "empty.npy", new byte[0]);
        assertRefused(file.toString(), () -> NpyReader.read(file), "file is empty");
    }

    @Test
    void refusesMissingFile() {
        Path file = dir.resolve("missing.npy");
        assertRefused(file.toString(), () -> NpyReader.read(file), "file not found");
    }

    @Test
    void refusesDirectory() throws Exception {
        Path file = Files.createDirectory(dir.resolve("folder.npy"));
        assertRefused(file.toString(), () -> NpyReader.read(file), "is a directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(4,)", "(2, 1, 2)", "()"})
    void refusesFeaturesOfRankOtherThan2(String shape) {
        int count = shape.equals("()") ? 1 : 4;
        Path file = write(dir, "r.npy", withHeader(header("<f8", shape), new byte[8 * count], 1));
        NpyArray array = NpyReader.read(file);
        assertRefused(file.toString(), array::toMatrix, "features must be a 2-D array", "found shape " + shape);
    }

    @Test
    void refusesFeaturesWithoutRows() {
        NpyArray array = NpyReader.read(write(dir, "e.npy", f8(new int[] {0, 3})));
        assertRefused(array.source(), array::toMatrix, "at least one row and one column");
    }

    @Test
    void refusesLabelsOfTwoColumns() {
        NpyArray array = NpyReader.read(write(dir, "y2.npy", f8(new int[] {2, 2}, 0, 1, 1, 0)));
        assertRefused(array.source(), array::toLabels, "labels must be a 1-D array", "(2, 2)");
    }

    @Test
    void refusesLabelsOtherThanZeroOrOneWithTheirRow() {
        NpyArray two = NpyReader.read(write(dir, "y.npy", NpyBytes.i8(0, 1, 2)));
        NpyArray nan = NpyReader.read(write(dir, "n.npy", f8(new int[] {2}, 0, Double.NaN)));
        NpyArray half = NpyReader.read(write(dir, "h.npy", f8(new int[] {1}, 0.5)));

        assertRefused(two.source(), two::toLabels, "labels must be 0 or 1, found 2 at row 2");
        assertRefused(nan.source(), nan::toLabels, "found nan at row 1");
        assertRefused(half.source(), half::toLabels, "found 0.5 at row 0");
    }

    private static String header(String descr, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    }

    private static double[] cycle(double[] values, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = values[i % values.length];
        }
        return out;
    }
}
