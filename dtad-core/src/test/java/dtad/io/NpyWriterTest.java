package dtad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dtad.data.Matrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsMatrix() throws IOException {
        Matrix matrix = Matrix.of(new double[][] {{1.5, -0.0, Double.NaN}, {Double.POSITIVE_INFINITY, 1e-300, 7}});
        Path file = dir.resolve("m.npy");

        NpyWriter.write(file, matrix, false);
        NpyArray read = NpyReader.read(file);

        assertArrayEquals(new int[] {2, 3}, read.shape());
        assertEquals("<f8", read.dtype().descriptor());
        assertArrayEquals(matrix.values(), read.values());
    }

    @Test
    void writesFloat32ArraysOfAnyShapeFromAnOffset() throws IOException {
        double[] values = {99, 0.1, -2.5, 1e-3, 7, 1.0 / 3, 6};
        Path file = dir.resolve("f.npy");

        NpyWriter.writeFloat32(file, new int[] {2, 3}, values, 1, false);

        NpyArray read = NpyReader.read(file);
        assertEquals("<f4", read.dtype().descriptor());
        assertArrayEquals(new int[] {2, 3}, read.shape());
        assertArrayEquals(new double[] {0.1f, -2.5f, 1e-3f, 7f, 1f / 3, 6f}, read.values());
        assertEquals(128 + 4L * 6, Files.size(file));
        assertThrows(FileAlreadyExistsException.class,
                () -> NpyWriter.writeFloat32(file, new int[] {1}, values, 0, false));
        assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.writeFloat32(dir.resolve("g.npy"), new int[] {4, 2}, values, 0, false));
    }

    @Test
    void roundTripsVector() throws IOException {
        double[] vector = {3, 1, 4, 1, 5, 9, 2, 6};
        Path file = dir.resolve("v.npy");

        NpyWriter.write(file, vector, false);

        NpyArray read = NpyReader.read(file);
        assertArrayEquals(new int[] {8}, read.shape());
        assertArrayEquals(vector, read.values());
    }

    @Test
    void roundTripsMatrixLargerThanOneWriteChunk() throws IOException {
        double[] values = new double[200_003 * 2];
        Arrays.setAll(values, i -> i / 3.0);
        Path file = dir.resolve("big.npy");

        NpyWriter.write(file, Matrix.wrap(200_003, 2, values), false);

        assertArrayEquals(values, NpyReader.read(file).values());
        assertEquals(128 + 8L * values.length, Files.size(file));
    }

    @Test
    void writesTheHeaderByteForByteAsNumpyDoes() {
        // numpy 2.4: np.save(f, np.zeros((3, 2))) and np.save(f, np.zeros(5)) write these 128-byte headers.
        assertEquals(numpyHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }"),
                text(NpyWriter.header(new int[] {3, 2})));
        assertEquals(numpyHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (5,), }"),
                text(NpyWriter.header(new int[] {5})));
        assertEquals(numpyHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (619326, 10), }"),
                text(NpyWriter.header(new int[] {619326, 10})));
    }

    @Test
    void padsTheHeaderTo64ByteAlignment() {
        for (int[] shape : List.of(new int[] {0}, new int[] {1, 1}, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE},
                new int[] {12345, 678, 9}, new int[0])) {
            byte[] header = NpyWriter.header(shape);
            assertEquals(0, header.length % 64, Arrays.toString(shape));
            assertEquals('\n', header[header.length - 1]);
            assertEquals(header.length - 10, ByteBuffer.wrap(header, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
        }
    }

    @Test
    void writesVersion2WhenTheHeaderExceeds65535Bytes() throws IOException {
        int[] shape = new int[30_000];
        Arrays.fill(shape, 1);

        byte[] header = NpyWriter.header(shape);
        Path file = Files.write(dir.resolve("wide.npy"),
                ByteBuffer.allocate(header.length + 8).put(header).putDouble(0).array());

        assertEquals(2, header[6]);
        assertEquals(0, header.length % 64);
        assertEquals(30_000, NpyReader.read(file).rank());
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws IOException {
        Path file = dir.resolve("keep.npy");
        NpyWriter.write(file, new double[] {1}, false);

        assertThrows(FileAlreadyExistsException.class, () -> NpyWriter.write(file, new double[] {2, 2}, false));
        assertArrayEquals(new double[] {1}, NpyReader.read(file).values());

        NpyWriter.write(file, new double[] {2, 2}, true);
        assertArrayEquals(new double[] {2, 2}, NpyReader.read(file).values());
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        Path file = dir.resolve("only.npy");
        NpyWriter.write(file, Matrix.zeros(4, 4), false);
        NpyWriter.write(file, Matrix.zeros(2, 2), true);
        assertThrows(FileAlreadyExistsException.class, () -> NpyWriter.write(file, Matrix.zeros(1, 1), false));

        assertEquals(List.of("only.npy"), names(dir));
    }

    @Test
    void createsMissingDirectories() throws IOException {
        Path file = dir.resolve("absent").resolve("x.npy");

        NpyWriter.write(file, new double[] {1}, false);

        assertEquals(List.of("x.npy"), names(file.getParent()));
    }

    private static List<String> names(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String numpyHeader(String dict) {
        return "\u0093NUMPY\u0001\u0000v\u0000" + dict + " ".repeat(127 - 10 - dict.length()) + "\n";
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
