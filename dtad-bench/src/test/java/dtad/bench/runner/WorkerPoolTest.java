package dtad.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cells run in worker processes give the same rows as cells run here. */
class WorkerPoolTest {

    @Test
    void workersGiveTheSameRowsAsASingleProcess(@TempDir Path out) throws Exception {
        List<ResultRow> here = new BenchmarkRunner(TestPlans.basic(), out.resolve("here")).run(BenchmarkListener.SILENT);
        BenchmarkRunnerTest.Recorder recorder = new BenchmarkRunnerTest.Recorder();
        List<ResultRow> there = new BenchmarkRunner(TestPlans.basic(), out.resolve("there"))
                .runInWorkers(2, TestProcesses.command(TestBenchMain.class, "worker", "basic"), recorder);
        assertEquals(8, there.size());
        assertEquals(8, recorder.started.size());
        assertEquals(8, recorder.finished.size());
        for (int i = 0; i < here.size(); i++) {
            ResultRow a = here.get(i);
            ResultRow b = there.get(i);
            assertEquals(a.key(), b.key());
            assertEquals(a.status(), b.status());
            assertEquals(a.error(), b.error());
            assertEquals(a.aucRoc(), b.aucRoc(), 0.0, a.key());
            assertEquals(a.averagePrecision(), b.averagePrecision(), 0.0);
            assertEquals(a.nTrain(), b.nTrain());
        }
        assertEquals(8, ResultsCsv.read(out.resolve("there/results.csv")).size());
    }

    @Test
    void aCellThatKillsItsWorkerIsRecordedAsFailedAndTheRunGoesOn(@TempDir Path out) throws Exception {
        List<ResultRow> rows = new BenchmarkRunner(TestPlans.named("crash"), out)
                .runInWorkers(1, TestProcesses.command(TestBenchMain.class, "worker", "crash"), BenchmarkListener.SILENT);
        assertEquals(4, rows.size());
        ResultRow crashed = rows.get(3);
        assertEquals("narrow|Test-Crash|semi|0", crashed.key());
        assertFalse(crashed.ok());
        assertEquals("worker process ended with exit code 7 while running this cell", crashed.error());
        assertTrue(rows.get(0).ok() && rows.get(1).ok() && rows.get(2).ok(), rows.toString());
    }

    @Test
    void aWorkerThatCannotStartStopsTheRunWithoutFailingCells(@TempDir Path out) throws IOException {
        List<String> broken = TestProcesses.command(TestBenchMain.class, "no-such-mode", "basic");
        IOException e = assertThrows(IOException.class, () -> new BenchmarkRunner(TestPlans.basic(), out)
                .runInWorkers(2, broken, BenchmarkListener.SILENT));
        assertTrue(e.getMessage().contains("before it could run anything"), e.getMessage());
        assertTrue(ResultsCsv.read(out.resolve("results.csv")).isEmpty(), "no cell marked failed");
    }

    @Test
    void aWorkerAnswersEachAssignmentAndChecksThePlan() throws IOException {
        BenchmarkPlan plan = TestPlans.basic();
        String keys = "0\t" + plan.cells().get(0).key() + "\n3\t" + plan.cells().get(3).key() + "\n";
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        Worker.serve(plan, new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(answers, true, StandardCharsets.UTF_8));
        List<String> lines = answers.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(5, lines.size(), lines.toString());
        assertEquals(Worker.READY, lines.get(0));
        // Each cell's CPU times; the process's first cell also the process's peak memory (on Linux), later cells
        // cannot have their own.
        assertTrue(lines.get(1).startsWith(Worker.DETAILS_PREFIX + "0\twide,Test-Distance,semi,0,,,0,"), lines.get(1));
        assertTrue(lines.get(2).startsWith(Worker.ROW_PREFIX + "0\twide,Test-Distance,semi,0,"), lines.get(2));
        assertTrue(lines.get(3).startsWith(Worker.DETAILS_PREFIX + "3\twide,Test-Picky,semi,1,,,0,,"), lines.get(3));
        assertTrue(lines.get(4).startsWith(Worker.ROW_PREFIX + "3\twide,Test-Picky,semi,1,"), lines.get(4));

        String wrong = "1\t" + plan.cells().get(0).key() + "\n";
        assertThrows(IllegalStateException.class, () -> Worker.serve(plan,
                new ByteArrayInputStream(wrong.getBytes(StandardCharsets.UTF_8)), new PrintStream(new ByteArrayOutputStream())));
        assertFalse(Files.exists(Path.of("results.csv")), "a worker never writes results");
    }
}
