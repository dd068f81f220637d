package dtad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dtad.data.Dataset;
import dtad.data.Matrix;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesWholeNumbersPlainAndRoundTripsEveryDouble() throws IOException {
        Matrix table = Matrix.of(new double[][] {{1, 0.1, -2.5e-300}, {0, Math.PI, 1e20}});
        Path file = dir.resolve("t.csv");
        CsvWriter.write(file, List.of("label", "a", "b"), table, false);
        assertEquals(List.of("label,a,b", "1,0.1,-2.5E-300", "0,3.141592653589793,1.0E20"), Files.readAllLines(file));
        Dataset back = DataFiles.read(file, "label");
        assertArrayEquals(new int[] {1, 0}, back.labels());
        assertArrayEquals(new double[] {0.1, -2.5e-300, Math.PI, 1e20}, back.x().values());
    }

    @Test
    void refusesAnExistingFileUnlessAskedAndGivesNewFilesOrdinaryPermissions() throws IOException {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "keep");
        Matrix one = Matrix.of(new double[][] {{1}});
        assertThrows(FileAlreadyExistsException.class, () -> CsvWriter.write(file, List.of("a"), one, false));
        assertEquals("keep", Files.readString(file));
        Path fresh = dir.resolve("fresh.csv");
        CsvWriter.write(fresh, List.of("a"), one, false);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void refusesAHeaderOfAnotherWidth() {
        assertThrows(IllegalArgumentException.class,
                () -> CsvWriter.write(dir.resolve("t.csv"), List.of("a"), Matrix.of(new double[][] {{1, 2}}), false));
    }
}
