package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.classical.KNN;
import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.detect.TrainingData;
import dtad.detect.PayloadWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dtad explain} and {@code dtad score --probability} on generated data, and their user errors. */
class ExplainCommandTest {
    @TempDir
    Path dir;
    Path test;
    Path knn;

    @BeforeEach
    void generateAndFit() {
        assertEquals(0, CommandRun.of("generate", "--type", "clustered", "--rows", "1000", "--features", "4",
                "--seed", "2", "--out", dir.toString()).exitCode());
        test = dir.resolve("test.csv");
        knn = dir.resolve("knn");
        CommandRun fit = CommandRun.of("fit", "--method", "KNN", "--train", dir.resolve("train.csv").toString(),
                "--label-column", "label", "--out", knn.toString());
        assertEquals(0, fit.exitCode(), fit.err());
    }

    @Test
    void explainsTheTopRowsInACsvAndOnePagePerRow() throws IOException {
        Path out = dir.resolve("explained");
        CommandRun run = CommandRun.of("explain", "--model", knn.toString(), "--data", test.toString(),
                "--label-column", "label", "--top", "3", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out.resolve("explanations.csv"));
        assertEquals("row,score,probability,x1,x2,x3,x4", lines.get(0));
        assertEquals(4, lines.size());
        double previous = Double.POSITIVE_INFINITY;
        for (String line : lines.subList(1, 4)) {
            double[] v = java.util.Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
            assertTrue(v[1] <= previous, "rows by score, highest first");
            previous = v[1];
            assertTrue(v[2] >= 0 && v[2] <= 1, "a probability");
            // KNN's contributions sum to its score.
            assertEquals(v[1], v[3] + v[4] + v[5] + v[6], 1e-9 * v[1], line);
            String page = Files.readString(out.resolve("row-" + (int) v[0] + ".html"), StandardCharsets.UTF_8);
            assertTrue(page.contains("Feature contributions") && page.contains("data:image/png;base64,"), "a page");
            assertFalse(page.contains("Posterior over diffusion time"), "KNN has no posterior");
        }
        assertTrue(run.err().contains("Explained 3 of "), run.err());
    }

    @Test
    void explainsChosenRowsWithTheirIdsAndTheDiffusionPosterior() throws IOException {
        Path withIds = dir.resolve("ids.csv");
        List<String> lines = Files.readAllLines(test);
        StringBuilder csv = new StringBuilder("id," + lines.get(0) + "\n");
        for (int i = 1; i < lines.size(); i++) {
            csv.append("r").append(i - 1).append(',').append(lines.get(i)).append('\n');
        }
        Files.writeString(withIds, csv);
        Path model = dir.resolve("dte");
        assertEquals(0, CommandRun.of("fit", "--method", "DTE-NP", "--train", dir.resolve("train.csv").toString(),
                "--label-column", "label", "--out", model.toString()).exitCode());
        Path out = dir.resolve("explained");
        CommandRun run = CommandRun.of("explain", "--model", model.toString(), "--data", withIds.toString(),
                "--label-column", "label", "--id-column", "id", "--rows", "7,2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> written = Files.readAllLines(out.resolve("explanations.csv"));
        assertEquals("id,row,score,probability,x1,x2,x3,x4", written.get(0));
        assertTrue(written.get(1).startsWith("r7,7,"), written.get(1));
        assertTrue(written.get(2).startsWith("r2,2,"), written.get(2));
        String page = Files.readString(out.resolve("row-7.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("Posterior over diffusion time") && page.contains("(r7)"), "DTE-NP's posterior");
    }

    @Test
    void rowOutOfRangeIsOneLineAndWritesNothing() {
        Path out = dir.resolve("explained");
        CommandRun run = CommandRun.of("explain", "--model", knn.toString(), "--data", test.toString(),
                "--label-column", "label", "--rows", "3,100000", "--out", out.toString());
        assertTrue(run.isOneLineUserError(), run.err());
        assertTrue(run.err().contains("--rows 100000") && run.err().contains("counted from 0"), run.err());
        assertFalse(Files.exists(out.resolve("explanations.csv")));
    }

    @Test
    void wrongColumnCountIsOneLine() throws IOException {
        Path narrow = dir.resolve("narrow.csv");
        Files.writeString(narrow, "1,2,3\n4,5,6\n");
        CommandRun run = CommandRun.of("explain", "--model", knn.toString(), "--data", narrow.toString(),
                "--no-header", "--out", dir.resolve("explained").toString());
        assertTrue(run.isOneLineUserError(), run.err());
        assertTrue(run.err().contains("has 3 features") && run.err().contains("expects 4"), run.err());
    }

    @Test
    void aFolderWithFilesIsReplacedOnlyWithForce() throws IOException {
        Path out = dir.resolve("explained");
        Files.createDirectories(out);
        Files.writeString(out.resolve("explanations.csv"), "mine");
        String[] args = {"explain", "--model", knn.toString(), "--data", test.toString(), "--label-column", "label",
            "--top", "1", "--out", out.toString()};
        CommandRun refused = CommandRun.of(args);
        assertTrue(refused.isOneLineUserError(), refused.err());
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals("mine", Files.readString(out.resolve("explanations.csv")));
        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertEquals(0, CommandRun.of(forced).exitCode());
        assertTrue(Files.readString(out.resolve("explanations.csv")).startsWith("row,score,probability"));
    }

    @Test
    void aModelThatCannotExplainIsOneClearError() {
        DetectorModel silent = new SilentModel();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ExplainCommand.requireExplainable(silent, Path.of("m")));
        assertEquals("m: KNN models cannot explain their scores yet (no per-feature contributions)", e.getMessage());
    }

    @Test
    void scoreWritesTheOutlierProbabilityAfterTheScore() throws IOException {
        Path scores = dir.resolve("scores.csv");
        CommandRun run = CommandRun.of("score", "--model", knn.toString(), "--data", test.toString(),
                "--label-column", "label", "--probability", "--contamination", "0.05", "--out", scores.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(scores);
        assertEquals("score,probability,label", lines.get(0));
        double[][] rows = lines.subList(1, lines.size()).stream()
                .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
        for (double[] a : rows) {
            assertTrue(a[1] >= 0 && a[1] <= 1);
            // Labelled rows score above the training 95th percentile: probability at least 0.95.
            assertTrue(a[2] == 0 || a[1] >= 0.95, java.util.Arrays.toString(a));
            for (double[] b : rows) {
                assertTrue(a[0] >= b[0] || a[1] <= b[1], "probability follows the score");
            }
        }
        try (DetectorModel model = dtad.model.ModelFiles.load(knn)) {
            double[] expected = model.probability(dtad.io.DataFiles.read(test, "label").x());
            assertArrayEquals(expected, java.util.Arrays.stream(rows).mapToDouble(r -> r[1]).toArray(), 1e-15);
        }
    }

    /** A model of no explaining kind: what a method without explanations would load as. */
    private static final class SilentModel extends DetectorModel {
        SilentModel() {
            super(TrainingData.of(Matrix.of(new double[][] {{0}, {1}})).info(), new double[2]);
        }

        @Override
        public Detector<?> detector() {
            return new KNN();
        }

        @Override
        protected double[] scoreStandardized(Matrix standardized) {
            return new double[standardized.rows()];
        }

        @Override
        public void writePayloads(PayloadWriter out) {
        }
    }
}
