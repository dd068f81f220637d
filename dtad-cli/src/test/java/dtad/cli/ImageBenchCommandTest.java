package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dtad bench on Fashion-MNIST-like IDX files: FashionMNIST_k, the one-class and semi settings, image networks. */
class ImageBenchCommandTest {
    private static final int SIDE = 8;
    private static final int CLASSES = 3;

    @TempDir
    Path dir;

    /** Writes the four files: per class a distinct 8x8 pattern with noise; 40 training, 10 test images per class. */
    private Path writeFashionFiles() throws IOException {
        Path data = dir.resolve("fashion");
        Files.createDirectories(data);
        writeSplit(data, "train", 40, 1);
        writeSplit(data, "t10k", 10, 2);
        return data;
    }

    private static void writeSplit(Path data, String prefix, int perClass, long seed) throws IOException {
        int n = perClass * CLASSES;
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[n * SIDE * SIDE];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = i % CLASSES;
            labels[i] = (byte) c;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean on = c == 0 ? y < SIDE / 2 : c == 1 ? x % 2 == 0 : (x + y) % 3 == 0;
                    pixels[(i * SIDE + y) * SIDE + x] = (byte) ((on ? 200 : 30) + random.nextInt(20));
                }
            }
        }
        Files.write(data.resolve(prefix + "-images-idx3-ubyte"), idx(0x0803, new int[] {n, SIDE, SIDE}, pixels));
        Files.write(data.resolve(prefix + "-labels-idx1-ubyte"), idx(0x0801, new int[] {n}, labels));
    }

    static byte[] idx(int magic, int[] dims, byte[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(values);
        }
        return bytes.toByteArray();
    }

    @Test
    void oneClassRunsTabularMethodsOnPixelsAndDitAsTheImageNetwork() throws IOException {
        Path data = writeFashionFiles();
        Path out = dir.resolve("out");
        CommandRun run = CommandRun.of("bench", "--data-dir", data.toString(), "--datasets",
                "FashionMNIST_0,FashionMNIST_2", "--setting", "one-class", "--methods", "KNN,DiT", "--seeds", "0",
                "--param", "DiT.epochs=1", "--param", "DiT.hidden=16", "--param", "DiT.depth=1",
                "--param", "DiT.heads=2", "--param", "DiT.time_dim=16", "--param", "DiT.steps=20",
                "--param", "DiT.rec_t=2", "--param", "DiT.local_t=2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<ResultRow> rows = ResultsCsv.read(out.resolve("results.csv"));
        assertEquals(4, rows.size(), rows.toString());
        for (ResultRow row : rows) {
            assertTrue(row.ok(), row.toString());
            assertEquals("one-class", row.setting());
            assertEquals(40, row.nTrain(), "the training split's images of the normal class");
            assertEquals(30, row.nTest(), "the whole test split");
            assertEquals(SIDE * SIDE, row.dim());
        }
        assertEquals(List.of("ImageDiT", "KNN"), rows.stream().map(ResultRow::method).distinct().sorted().toList());
        for (ResultRow row : rows) {
            if (row.method().equals("KNN")) {
                assertEquals(1.0, row.aucRoc(), 1e-12, "the classes' patterns are far apart: " + row);
            }
        }
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
    }

    @Test
    void semiFollowsAdbenchsImageConventionAndTablesRefuseOneClass() throws IOException {
        Path data = writeFashionFiles();
        Path out = dir.resolve("semi");
        CommandRun run = CommandRun.of("bench", "--data-dir", data.toString(), "--datasets", "FashionMNIST_1",
                "--setting", "semi", "--methods", "KNN", "--seeds", "0,1", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<ResultRow> rows = ResultsCsv.read(out.resolve("results.csv"));
        assertEquals(2, rows.size());
        for (ResultRow row : rows) {
            assertTrue(row.ok(), row.toString());
            assertEquals("semi", row.setting());
            assertEquals(1.0, row.aucRoc(), 1e-12, row.toString());
            // 40 normal images and floor(40 / 19) = 2 drawn anomalies, resampled to ADBench's 1,000 rows
            assertEquals(1000, row.nTrain() + row.nTest(), row.toString());
        }

        Path npz = dir.resolve("tables");
        Files.createDirectories(npz);
        Files.writeString(npz.resolve("note.txt"), "no data");
        CommandRun oneClass = CommandRun.of("bench", "--data-dir", npz.toString(), "--setting", "one-class",
                "--methods", "KNN", "--out", dir.resolve("o").toString());
        assertTrue(oneClass.isOneLineUserError(), oneClass.err());
        assertTrue(oneClass.err().contains("--setting one-class needs image data"), oneClass.err());
    }
}
