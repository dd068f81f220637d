package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Dataset;
import dtad.io.DataFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's worked example: generate, fit, score; and the user errors along the way. */
class GenerateFitScoreTest {
    @TempDir
    Path dir;

    @Test
    void generateWritesTheSemiSupervisedSplitAsCsv() {
        CommandRun run = CommandRun.of("generate", "--type", "clustered", "--rows", "1200", "--features", "4",
                "--seed", "3", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        Dataset train = DataFiles.read(dir.resolve("train.csv"), "label");
        Dataset test = DataFiles.read(dir.resolve("test.csv"), "label");
        // 1200 rows, 60 anomalies: 1140 normal rows, of which round(570) train and 570 test.
        assertEquals(570, train.x().rows());
        assertEquals(4, train.x().columns());
        assertEquals(0, train.anomalies());
        assertEquals(570 + 60, test.x().rows());
        assertEquals(60, test.anomalies());
        assertTrue(run.out().contains("60 anomalies"), run.out());
    }

    @Test
    void generateRefusesToOverwriteAndNamesTheFile() throws IOException {
        assertEquals(0, CommandRun.of("generate", "--out", dir.toString()).exitCode());
        byte[] before = Files.readAllBytes(dir.resolve("train.csv"));
        CommandRun again = CommandRun.of("generate", "--seed", "9", "--out", dir.toString());
        assertTrue(again.isOneLineUserError(), again.err());
        assertTrue(again.err().contains("train.csv"), again.err());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("train.csv")));
        assertEquals(0, CommandRun.of("generate", "--seed", "9", "--out", dir.toString(), "--force").exitCode());
    }

    @Test
    void rowCountsTheSplitWouldResampleAreRefused() {
        for (String rows : new String[] {"10", "100000"}) {
            CommandRun run = CommandRun.of("generate", "--rows", rows, "--features", "3", "--out", dir.toString());
            assertTrue(run.isOneLineUserError(), run.err());
            assertTrue(run.err().contains("Invalid --rows " + rows + ": use 1000 to 50000"), run.err());
        }
        assertFalse(Files.exists(dir.resolve("train.csv")));
    }

    @Test
    void unknownAnomalyTypeIsAOneLineError() {
        CommandRun run = CommandRun.of("generate", "--type", "weird", "--out", dir.toString());
        assertTrue(run.isOneLineUserError(), run.err());
        assertTrue(run.err().contains("weird"), run.err());
    }

    @Test
    void fitThenScoreFindsTheGeneratedAnomalies() throws IOException {
        assertEquals(0, CommandRun.of("generate", "--type", "clustered", "--out", dir.toString()).exitCode());
        Path model = dir.resolve("model");
        CommandRun fit = CommandRun.of("fit", "--method", "KNN", "--param", "k=5", "--train",
                dir.resolve("train.csv").toString(), "--label-column", "label", "--out", model.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(Files.isRegularFile(model.resolve("manifest.json")));

        Path scores = dir.resolve("scores.csv");
        CommandRun score = CommandRun.of("score", "--model", model.toString(), "--data",
                dir.resolve("test.csv").toString(), "--label-column", "label", "--contamination", "0.05",
                "--out", scores.toString());
        assertEquals(0, score.exitCode(), score.err());
        Matcher auc = Pattern.compile("AUC-ROC (\\d\\.\\d+)").matcher(score.err());
        assertTrue(auc.find(), score.err());
        assertTrue(Double.parseDouble(auc.group(1)) > 0.95, score.err());
        List<String> lines = Files.readAllLines(scores);
        assertEquals("score,label", lines.get(0));
        // 2000 rows, 100 anomalies: 950 normal training rows; 950 normal and 100 anomalous test rows.
        assertEquals(1 + 1050, lines.size());
        long flagged = lines.stream().skip(1).filter(l -> l.endsWith(",1")).count();
        assertTrue(flagged > 0 && flagged < 1050, "labelled anomalies: " + flagged);
    }

    @Test
    void scoringDataOfAnotherWidthNamesBothWidths() {
        assertEquals(0, CommandRun.of("generate", "--features", "3", "--out", dir.resolve("a").toString()).exitCode());
        assertEquals(0, CommandRun.of("generate", "--features", "5", "--out", dir.resolve("b").toString()).exitCode());
        Path model = dir.resolve("model");
        assertEquals(0, CommandRun.of("fit", "--method", "HBOS", "--train", dir.resolve("a/train.csv").toString(),
                "--label-column", "label", "--out", model.toString()).exitCode());
        CommandRun score = CommandRun.of("score", "--model", model.toString(), "--data",
                dir.resolve("b/test.csv").toString(), "--label-column", "label", "--out", dir.resolve("s.csv").toString());
        assertTrue(score.isOneLineUserError(), score.err());
        assertTrue(score.err().contains("5 features") && score.err().contains("3"), score.err());
        assertFalse(Files.exists(dir.resolve("s.csv")));
    }

    @Test
    void badParameterAndExistingModelAreOneLineErrors() throws IOException {
        assertEquals(0, CommandRun.of("generate", "--out", dir.toString()).exitCode());
        String train = dir.resolve("train.csv").toString();
        CommandRun bad = CommandRun.of("fit", "--method", "KNN", "--param", "k=-1", "--train", train,
                "--label-column", "label", "--out", dir.resolve("m").toString());
        assertTrue(bad.isOneLineUserError(), bad.err());
        String constructor = assertThrows(IllegalArgumentException.class,
                () -> new dtad.classical.KNN(-1, dtad.classical.KNN.Score.LARGEST)).getMessage();
        assertEquals("dtad: KNN: " + constructor, bad.err().strip(), "the CLI refuses by the declared rule");
        assertEquals("Invalid k: -1 (at least 1)", constructor);
        Files.createDirectory(dir.resolve("taken"));
        CommandRun taken = CommandRun.of("fit", "--method", "KNN", "--train", train, "--label-column", "label",
                "--out", dir.resolve("taken").toString());
        assertTrue(taken.isOneLineUserError(), taken.err());
        assertTrue(taken.err().contains("taken"), taken.err());
    }
}
