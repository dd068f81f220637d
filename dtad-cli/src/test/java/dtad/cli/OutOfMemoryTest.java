package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.io.NpyWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory, in a child JVM with a small heap: reading a .npy needs the heap of its values only (the file
 * is not copied onto the heap as well), and running out of memory is one line with the way out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutOfMemoryTest {
    /** 300,000 x 10 float64: 24 MB of values. */
    private static final int ROWS = 300_000;
    private static final int COLUMNS = 10;

    @TempDir
    static Path dir;
    private Path file;

    @BeforeAll
    void writeData() throws IOException {
        file = dir.resolve("big.npy");
        double[] values = new double[ROWS * COLUMNS];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 101;
        }
        NpyWriter.write(file, Matrix.wrap(ROWS, COLUMNS, values), false);
    }

    private record Result(int exit, String out, String err) {
    }

    private Result dtad(String heap, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
    }

    /** 24 MB of values in a 40 MB heap: the reader used to hold the file's 24 MB of bytes as well. */
    @Test
    void readingANpyHoldsOneCopyOfTheData() throws Exception {
        Result r = dtad("40m", "info", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("rows       300000"), r.out());
    }

    @Test
    void runningOutOfMemoryIsOneLineWithTheWayOut() throws Exception {
        Result r = dtad("16m", "info", file.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("dtad: out of memory while running 'dtad info' (Java heap space; the JVM may use "
                + "at most "), r.err());
        assertTrue(r.err().contains("give it more, e.g. JAVA_OPTS=-Xmx4g ./dtad info ..."), r.err());
    }
}
