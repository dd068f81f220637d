package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeCommandTest {

    /** A results folder of one method on two seeds, recorded with the given parameter line. */
    private static Path folder(Path dir, String method, String parameters, int firstSeed) throws Exception {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder(ResultRow.HEADER).append('\n');
        for (int seed = firstSeed; seed < firstSeed + 2; seed++) {
            csv.append(ResultsCsv.format(new ResultRow("38_thyroid", method, "unsup", seed, 0.9 + 0.01 * seed, 0.5,
                    0.4, 0.2, 0.01, 3772, 3772, 6, ResultRow.Status.OK, ""))).append('\n');
        }
        Files.writeString(dir.resolve("results.csv"), csv);
        Files.writeString(dir.resolve("methods.tsv"), method + "\t" + parameters + "\n");
        return dir;
    }

    @Test
    void joinsFoldersAndRebuildsTheReport(@TempDir Path dir) throws Exception {
        Path a = folder(dir.resolve("a"), "KNN", "k=5 score=largest", 0);
        Path b = folder(dir.resolve("b"), "KNN", "k=5 score=largest", 1);
        Path into = dir.resolve("all");
        CommandRun run = CommandRun.of("merge", a.toString(), b.toString(), "--into", into.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Merged 3 cells into") && run.out().contains("(1 already there)"), run.out());
        assertEquals(4, Files.readAllLines(into.resolve("results.csv")).size());
        assertTrue(Files.readString(into.resolve("summary.md")).contains("38_thyroid"));
    }

    @Test
    void otherParametersAreAOneLineUserError(@TempDir Path dir) throws Exception {
        Path a = folder(dir.resolve("a"), "KNN", "k=5 score=largest", 0);
        Path b = folder(dir.resolve("b"), "KNN", "k=32 score=largest", 2);
        CommandRun run = CommandRun.of("merge", b.toString(), "--into", a.toString());
        assertTrue(run.isOneLineUserError(), run.err());
        assertTrue(run.err().contains("KNN made with other parameters"), run.err());
        assertEquals(3, Files.readAllLines(a.resolve("results.csv")).size());

        run = CommandRun.of("merge", dir.resolve("nothing").toString(), "--into", a.toString());
        assertTrue(run.isOneLineUserError(), run.err());
        assertTrue(run.err().contains("no results.csv"), run.err());
    }
}
