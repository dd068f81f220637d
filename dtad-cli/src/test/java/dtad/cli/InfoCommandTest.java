package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dtad.data.Matrix;
import dtad.io.NpyWriter;
import dtad.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonDescribesACsvWithLabelsMissingCells(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "a,b,label\n1,2,0\nNA,3,1\n4,,0\n");
        CommandRun run = CommandRun.of("info", "--json", "--label-column", "label", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode node = JSON.readTree(run.out());
        assertEquals(3, node.get("rows").asInt());
        assertEquals(2, node.get("columns").asInt());
        assertEquals(1, node.get("anomalies").asInt());
        assertEquals(2, node.get("nan").asInt());
        assertEquals(0, node.get("inf").asInt());
        assertEquals(1, run.out().strip().lines().count(), "exactly one JSON object");
    }

    @Test
    void jsonGivesNullAnomaliesWithoutLabels(@TempDir Path dir) throws Exception {
        Path npy = dir.resolve("x.npy");
        NpyWriter.write(npy, Matrix.of(new double[][] {{1, Double.POSITIVE_INFINITY}, {3, 4}}), false);
        CommandRun run = CommandRun.of("info", "--json", npy.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode node = JSON.readTree(run.out());
        assertTrue(node.get("anomalies").isNull());
        assertEquals("float64", node.get("dtype").asText());
        assertEquals(1, node.get("inf").asInt());
    }

    @Test
    void missingFileIsAOneLineUserError(@TempDir Path dir) {
        CommandRun run = CommandRun.of("info", dir.resolve("nope.npz").toString());
        assertTrue(run.isOneLineUserError(), run.err());
        assertTrue(run.err().contains("nope.npz"), run.err());
    }

    @Test
    void malformedFilesAreOneLineUserErrors(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("empty.npz"), new byte[0]);
        Files.writeString(dir.resolve("text.npy"), "not an array at all");
        Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n");
        Files.writeString(dir.resolve("words.csv"), "a,b\n1,x\n");
        Files.writeString(dir.resolve("data.txt"), "1,2\n");
        for (String name : List.of("empty.npz", "text.npy", "ragged.csv", "words.csv", "data.txt")) {
            CommandRun run = CommandRun.of("info", dir.resolve(name).toString());
            assertTrue(run.isOneLineUserError(), name + ": " + run.err());
            assertTrue(run.err().contains(name), run.err());
        }
    }

    @Test
    void describesEveryAdbenchFile() throws Exception {
        Path root = SharedData.directory(SharedData.adbenchDir());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".npz")).sorted().toList();
        }
        assertTrue(files.size() >= 40, "found " + files.size());
        for (Path file : files) {
            CommandRun run = CommandRun.of("info", "--json", file.toString());
            assertEquals(0, run.exitCode(), file + ": " + run.err());
            JsonNode node = JSON.readTree(run.out());
            assertTrue(node.get("rows").asInt() > 0 && node.get("columns").asInt() > 0, file.toString());
            assertTrue(node.get("anomalies").asInt() > 0, file.toString());
        }
    }

    @Test
    void thyroidFactsMatchNumpy() throws Exception {
        Path file = SharedData.adbenchFile("Classical/38_thyroid.npz");
        JsonNode node = JSON.readTree(CommandRun.of("info", "--json", file.toString()).out());
        // numpy: X.shape == (3772, 6), X.dtype == float64, y.sum() == 93
        assertEquals(3772, node.get("rows").asInt());
        assertEquals(6, node.get("columns").asInt());
        assertEquals("float64", node.get("dtype").asText());
        assertEquals(93, node.get("anomalies").asInt());
        assertEquals(0, node.get("nan").asInt());
    }
}
