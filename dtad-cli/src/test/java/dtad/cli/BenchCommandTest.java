package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import dtad.method.Method;
import dtad.method.Methods;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    /** Quick classical methods, any of which serves for a run end to end. */
    private static final List<String> FAST = List.of("ECOD", "HBOS", "COPOD", "PCA", "IForest", "KNN", "DTE-NP");

    private static Optional<String> fastMethod() {
        return FAST.stream().filter(name -> Methods.all().stream().map(Method::name).anyMatch(name::equals)).findFirst();
    }

    private static void assertUserError(String expected, String... args) {
        CommandRun run = CommandRun.of(args);
        assertTrue(run.isOneLineUserError(), run.exitCode() + ": " + run.err());
        assertTrue(run.err().contains(expected), run.err());
    }

    @Test
    void helpDescribesTheOptions() {
        CommandRun run = CommandRun.of("bench", "--help");
        assertEquals(0, run.exitCode());
        for (String option : List.of("--data-dir", "--datasets", "--methods", "--setting", "--seeds", "--param",
                "--quick", "--reference", "--out", "--parallel")) {
            assertTrue(run.out().contains(option), option);
        }
        assertTrue(!run.out().contains("--worker"), "the internal option is hidden");
    }

    @Test
    void badArgumentsAreOneLineUserErrors(@TempDir Path dir) throws IOException {
        String out = dir.resolve("out").toString();
        assertUserError("Unknown setting 'weird'; expected semi, unsup, unsup-nodup or one-class", "bench", "--setting", "weird", "--out", out);
        assertUserError("Invalid seeds '4-x'", "bench", "--seeds", "4-x", "--out", out);
        assertUserError("Invalid seed range '4-2'", "bench", "--seeds", "4-2", "--out", out);
        assertUserError("Unknown data set 'nope'; available: synthetic-", "bench", "--datasets", "nope", "--out", out);
        assertUserError("Unknown method 'NoSuchMethod'", "bench", "--methods", "NoSuchMethod", "--out", out);
        assertUserError("Invalid --parallel: 0", "bench", "--parallel", "0", "--out", out);
        assertUserError("missing.csv: no such file", "bench", "--reference", dir.resolve("missing.csv").toString());
        assertUserError("missing: no such file", "bench", "--data-dir", dir.resolve("missing").toString(), "--out", out);
        Files.createDirectories(dir.resolve("empty"));
        assertUserError("No .npz data sets in", "bench", "--data-dir", dir.resolve("empty").toString(), "--out", out);
        assertUserError("--out is required with --data-dir", "bench", "--data-dir", dir.resolve("empty").toString());
        CommandRun usage = CommandRun.of("bench", "--parallel", "many");
        assertEquals(2, usage.exitCode());
        assertTrue(usage.err().startsWith("dtad: Invalid value for option '--parallel'"), usage.err());
        assertTrue(!Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void runsTheSyntheticSuiteIntoAFolderAndResumes(@TempDir Path dir) throws IOException {
        Optional<String> method = fastMethod();
        assumeTrue(method.isPresent(), "no fast method is registered yet (any of " + FAST + ")");
        Path out = dir.resolve("results");
        String[] args = {"bench", "--datasets", "synthetic-local", "--methods", method.get(), "--seeds", "0",
            "--out", out.toString()};
        CommandRun run = CommandRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("synthetic-local"), run.out());
        assertTrue(run.out().contains("Results: " + out.resolve("results.csv")), run.out());
        assertTrue(run.out().contains("Report: " + out.resolve("report.html")), run.out());
        assertTrue(Files.isRegularFile(out.resolve("report.html")) && Files.isRegularFile(out.resolve("summary.md")));
        assertTrue(run.err().contains("[1/1] synthetic-local / " + method.get() + " / semi / seed 0: AUC-ROC"), run.err());
        List<ResultRow> rows = ResultsCsv.read(out.resolve("results.csv"));
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).ok(), rows.get(0).toString());
        assertEquals(950, rows.get(0).nTrain(), "half of the 1900 normal rows");

        CommandRun again = CommandRun.of(args);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("Resuming: 1 of 1 cells are already in the results file"), again.err());
        assertEquals(rows, ResultsCsv.read(out.resolve("results.csv")));
    }

    @Test
    void aResumedRunShowsItsEtaBeforeItsFirstNewCell(@TempDir Path dir) throws IOException {
        Optional<String> method = fastMethod();
        assumeTrue(method.isPresent(), "no fast method is registered yet (any of " + FAST + ")");
        Path out = dir.resolve("results");
        CommandRun first = CommandRun.of("bench", "--datasets", "synthetic-local", "--methods", method.get(),
                "--seeds", "0", "--out", out.toString());
        assertEquals(0, first.exitCode(), first.err());

        CommandRun resumed = CommandRun.of("bench", "--datasets", "synthetic-local", "--methods", method.get(),
                "--seeds", "0-1", "--out", out.toString());

        assertEquals(0, resumed.exitCode(), resumed.err());
        String err = resumed.err();
        String line = "Resuming: 1 of 2 cells are already in the results file; ETA ";
        int resume = err.indexOf(line);
        assertTrue(resume >= 0, err);
        assertTrue(Character.isDigit(err.charAt(resume + line.length())), "an ETA from the first run's timing: " + err);
        assertTrue(err.indexOf("[1/1] synthetic-local / " + method.get() + " / semi / seed 1: AUC-ROC") > resume, err);
        assertTrue(err.contains("; ETA 0.0s"), "nothing left after the last cell: " + err);
    }

    @Test
    void parallelWorkersShareTheCoresForTraining() {
        assertEquals("-Ddtad.training.threads=1", BenchCommand.workerTrainingThreads(2, 2));
        assertEquals("-Ddtad.training.threads=1", BenchCommand.workerTrainingThreads(3, 2));
        assertEquals("-Ddtad.training.threads=4", BenchCommand.workerTrainingThreads(2, 8));
    }

    @Test
    void parallelWorkersFillTheSameResultsFile(@TempDir Path dir) throws IOException {
        Optional<String> method = fastMethod();
        assumeTrue(method.isPresent(), "no fast method is registered yet (any of " + FAST + ")");
        Path out = dir.resolve("results");
        CommandRun run = CommandRun.of("bench", "--datasets", "synthetic-global,synthetic-local", "--methods",
                method.get(), "--seeds", "0-1", "--parallel", "2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<ResultRow> rows = ResultsCsv.read(out.resolve("results.csv"));
        assertEquals(4, rows.size());
        assertTrue(rows.stream().allMatch(ResultRow::ok), rows.toString());
    }
}
