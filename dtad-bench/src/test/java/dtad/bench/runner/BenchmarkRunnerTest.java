package dtad.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.bench.protocol.AdbenchProtocol;
import dtad.bench.protocol.Setting;
import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkRunnerTest {

    /** Remembers what the runner reported. */
    static final class Recorder implements BenchmarkListener {
        final List<String> started = new ArrayList<>();
        final List<ResultRow> finished = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<Integer> progressTotals = new ArrayList<>();
        int planned = -1;
        int alreadyDone = -1;

        @Override
        public void planned(int cells, List<Cell> pending, List<ResultRow> recorded, int workers) {
            planned = cells;
            alreadyDone = cells - pending.size();
        }

        @Override
        public void note(String message) {
            notes.add(message);
        }

        @Override
        public void cellStarted(Cell cell) {
            started.add(cell.key());
        }

        @Override
        public void fitProgress(Cell cell, int done, int total, String message) {
            if (done == total) {
                progressTotals.add(total);
            }
        }

        @Override
        public void cellFinished(Cell cell, ResultRow row) {
            finished.add(row);
        }
    }

    @Test
    void runsEveryCellAndRecordsAFailingMethodWithItsCause(@TempDir Path out) throws IOException {
        Recorder recorder = new Recorder();
        List<ResultRow> rows = new BenchmarkRunner(TestPlans.basic(), out).run(recorder);
        assertEquals(8, rows.size());
        assertEquals(8, recorder.planned);
        assertEquals(0, recorder.alreadyDone);
        assertEquals(rows, ResultsCsv.read(out.resolve("results.csv")), "every row is in the file, in plan order");
        for (ResultRow row : rows) {
            boolean picky = row.method().equals("Test-Picky") && row.dataset().equals("narrow");
            assertEquals(picky ? ResultRow.Status.FAILED : ResultRow.Status.OK, row.status(), row.toString());
            assertEquals("semi", row.setting());
            if (picky) {
                assertEquals("IllegalStateException: cannot handle 3 columns, really", row.error());
                assertTrue(Double.isNaN(row.aucRoc()) && Double.isNaN(row.fitSeconds()));
                assertEquals(3, row.dim(), "sizes are known: the split worked");
            } else {
                assertTrue(row.aucRoc() > 0.5 && row.aucRoc() <= 1, row.toString());
                assertTrue(row.averagePrecision() > 0 && row.averagePrecision() <= 1 && row.f1() >= 0
                        && row.f1() <= 1, row.toString());
                assertTrue(row.fitSeconds() >= 0 && row.scoreSeconds() >= 0);
                assertEquals("", row.error());
            }
        }
        ResultRow wide = rows.get(0);
        assertEquals("wide|Test-Distance|semi|0", wide.key());
        assertEquals(AdbenchProtocol.MIN_ROWS, wide.nTrain() + wide.nTest(), "300 rows duplicated to 1000");
        assertEquals(4, wide.dim());
        ResultRow narrow = rows.get(4);
        assertEquals("narrow|Test-Distance|semi|0", narrow.key());
        assertEquals(570, narrow.nTrain(), "half of the 1140 normal rows");
        assertEquals(630, narrow.nTest());
    }

    @Test
    void theSameRunGivesTheSameMetrics(@TempDir Path out) throws IOException {
        List<ResultRow> a = new BenchmarkRunner(TestPlans.basic(), out.resolve("a")).run(BenchmarkListener.SILENT);
        List<ResultRow> b = new BenchmarkRunner(TestPlans.basic(), out.resolve("b")).run(BenchmarkListener.SILENT);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).key(), b.get(i).key());
            assertEquals(a.get(i).aucRoc(), b.get(i).aucRoc());
            assertEquals(a.get(i).f1(), b.get(i).f1());
        }
        assertEquals("wide|Test-Distance|semi|1", a.get(2).key());
        assertNotEquals(a.get(0).aucRoc(), a.get(2).aucRoc(), "seeds 0 and 1 split differently");
    }

    @Test
    void aRerunSkipsFinishedCellsAndRunsOnlyNewOnes(@TempDir Path out) throws IOException {
        new BenchmarkRunner(TestPlans.basic(), out).run(BenchmarkListener.SILENT);
        String before = Files.readString(out.resolve("results.csv"));

        Recorder again = new Recorder();
        List<ResultRow> rows = new BenchmarkRunner(TestPlans.basic(), out).run(again);
        assertEquals(8, rows.size());
        assertEquals(8, again.alreadyDone);
        assertTrue(again.started.isEmpty(), "nothing ran again: " + again.started);
        assertEquals(before, Files.readString(out.resolve("results.csv")));

        BenchmarkPlan more = TestPlans.plan(List.of(TestPlans.wide(), TestPlans.narrow()),
                List.of("Test-Distance", "Test-Picky"), List.of(), false, Setting.SEMI, List.of(0, 1, 2));
        Recorder third = new Recorder();
        assertEquals(12, new BenchmarkRunner(more, out).run(third).size());
        assertEquals(List.of("wide|Test-Distance|semi|2", "wide|Test-Picky|semi|2", "narrow|Test-Distance|semi|2",
                "narrow|Test-Picky|semi|2"), third.started);
        assertTrue(Files.readString(out.resolve("results.csv")).startsWith(before), "rows are only appended");
    }

    @Test
    void retryFailedRunsOnlyTheFailedCellsAgainAndTheirNewRowsCount(@TempDir Path out) throws IOException {
        new BenchmarkRunner(TestPlans.basic(), out).run(BenchmarkListener.SILENT);
        // Pretend an earlier version failed on one cell that works now.
        Path file = out.resolve("results.csv");
        ResultRow distance = ResultsCsv.read(file).get(0);
        ResultRow failed = new ResultRow(distance.dataset(), distance.method(), distance.setting(), distance.seed(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, distance.nTrain(), distance.nTest(),
                distance.dim(), ResultRow.Status.FAILED, "IllegalStateException: a bug since fixed");
        Files.writeString(file, ResultsCsv.format(failed) + "\n", java.nio.file.StandardOpenOption.APPEND);

        Recorder plain = new Recorder();
        assertEquals(failed, new BenchmarkRunner(TestPlans.basic(), out).run(plain).get(0), "the latest row counts");
        assertTrue(plain.started.isEmpty(), "without the option nothing runs again: " + plain.started);

        Recorder retry = new Recorder();
        List<ResultRow> rows = new BenchmarkRunner(TestPlans.basic(), out, true).run(retry);
        assertEquals(List.of(distance.key(), "narrow|Test-Picky|semi|0", "narrow|Test-Picky|semi|1"), retry.started);
        assertEquals(ResultRow.Status.OK, rows.get(0).status());
        assertEquals(distance.aucRoc(), rows.get(0).aucRoc(), "seeded: the same figure as before");
        assertEquals(8 + 1 + 3, ResultsCsv.read(file).size(), "rows are only appended");
    }

    @Test
    void aPartialLastRowIsCutOffAndItsCellRunsAgain(@TempDir Path out) throws IOException {
        new BenchmarkRunner(TestPlans.basic(), out).run(BenchmarkListener.SILENT);
        Path file = out.resolve("results.csv");
        String text = Files.readString(file);
        int lastLine = text.lastIndexOf('\n', text.length() - 2) + 1;
        // As if killed while writing the last row: half of it, no line break.
        Files.writeString(file, text.substring(0, lastLine + (text.length() - lastLine) / 2), StandardCharsets.UTF_8);
        assertEquals(7, ResultsCsv.read(file).size(), "the remnant is not read as a row");

        Recorder recorder = new Recorder();
        List<ResultRow> rows = new BenchmarkRunner(TestPlans.basic(), out).run(recorder);
        assertEquals(1, recorder.notes.size());
        assertTrue(recorder.notes.get(0).contains("cut off the unfinished last row"), recorder.notes.get(0));
        assertEquals(List.of("narrow|Test-Picky|semi|1"), recorder.started);
        assertEquals(8, rows.size());
        assertEquals(text, Files.readString(file), "the same file as an uninterrupted run");
    }

    @Test
    void aDataSetThatCannotBeSplitFailsEachOfItsCells(@TempDir Path out) throws IOException {
        BenchmarkPlan plan = TestPlans.plan(List.of(TestPlans.calm(), TestPlans.wide()), List.of("Test-Distance"),
                List.of(), false, Setting.UNSUP, List.of(0, 1));
        List<ResultRow> rows = new BenchmarkRunner(plan, out).run(BenchmarkListener.SILENT);
        assertEquals(4, rows.size());
        for (ResultRow row : rows.subList(0, 2)) {
            assertFalse(row.ok());
            assertEquals("InputException: calm: no anomalies among the rows (seed " + row.seed() + ")", row.error());
            assertEquals(0, row.nTrain());
        }
        assertTrue(rows.get(2).ok() && rows.get(3).ok());
        assertEquals(1000, rows.get(2).nTrain(), "unsup trains on a bootstrap of all 1000 rows");
        assertEquals(1000, rows.get(2).nTest());
    }

    @Test
    void quickCutsTheEpochsTenfoldUnlessTheyAreGiven(@TempDir Path out) throws IOException {
        Recorder quick = new Recorder();
        new BenchmarkRunner(TestPlans.plan(List.of(TestPlans.wide()), List.of("Test-Distance"), List.of(), true,
                Setting.SEMI, List.of(0)), out.resolve("quick")).run(quick);
        assertEquals(List.of(5), quick.progressTotals, "default 50 epochs / 10");

        Recorder given = new Recorder();
        new BenchmarkRunner(TestPlans.plan(List.of(TestPlans.wide()), List.of("Test-Distance"),
                List.of("Test-Distance.epochs=7"), true, Setting.SEMI, List.of(0)), out.resolve("given")).run(given);
        assertEquals(List.of(7), given.progressTotals);
    }

    @Test
    void theMethodSeedFollowsTheProtocolSeedUnlessGiven() {
        MethodSpec spec = MethodSpec.parse(List.of("test-distance"), List.of(), false).get(0);
        assertEquals(3L, ((TestMethods.Distance) spec.detector(3)).seed());
        MethodSpec fixed = MethodSpec.parse(List.of("Test-Distance"), List.of("Test-Distance.seed=42"), false).get(0);
        assertEquals(42L, ((TestMethods.Distance) fixed.detector(3)).seed());
        assertEquals("epochs=50", spec.configurationText(), "the protocol's seed is not part of the configuration");
        assertEquals("epochs=50 seed=42", fixed.configurationText());
    }

    @Test
    void badMethodsAndParametersAreRefusedBeforeAnythingRuns() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MethodSpec.parse(List.of("Nope"), List.of(), false)).getMessage().contains("Unknown method 'Nope'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MethodSpec.parse(List.of("Test-Distance"), List.of("Test-Picky.failColumns=2"), false))
                .getMessage().contains("Test-Picky is not among the methods run"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MethodSpec.parse(List.of("Test-Distance"), List.of("epochs=3"), false))
                .getMessage().contains("expected METHOD.key=value"));
        String bad = assertThrows(IllegalArgumentException.class,
                () -> MethodSpec.parse(List.of("Test-Distance"), List.of("Test-Distance.epochs=0"), false)).getMessage();
        assertTrue(bad.contains("Invalid epochs: 0 (at least 1)"), bad);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MethodSpec.parse(List.of("Test-Distance"), List.of("Test-Distance.lr=1"), false))
                .getMessage().contains("Unknown parameter 'lr'"));
    }

    @Test
    void resumingWithOtherParametersIsRefused(@TempDir Path out) throws IOException {
        new BenchmarkRunner(TestPlans.plan(List.of(TestPlans.wide()), List.of("Test-Distance"), List.of(), true,
                Setting.SEMI, List.of(0)), out).run(BenchmarkListener.SILENT);
        BenchmarkPlan full = TestPlans.plan(List.of(TestPlans.wide()), List.of("Test-Distance"), List.of(), false,
                Setting.SEMI, List.of(0, 1));
        String message = assertThrows(IllegalArgumentException.class,
                () -> new BenchmarkRunner(full, out).run(BenchmarkListener.SILENT)).getMessage();
        assertTrue(message.contains("holds results of Test-Distance made with other parameters (epochs=5; now epochs=50)"),
                message);
        assertEquals(1, ResultsCsv.read(out.resolve("results.csv")).size(), "nothing ran");
    }

    @Test
    void fitTimeCoversTheFitAndScoreTimeOnlyTheScoring(@TempDir Path out) throws IOException {
        BenchmarkPlan plan = TestPlans.plan(List.of(TestPlans.wide()), List.of("Test-Slow"),
                List.of("Test-Slow.millis=300"), false, Setting.SEMI, List.of(0));
        ResultRow row = new BenchmarkRunner(plan, out).run(BenchmarkListener.SILENT).get(0);
        assertTrue(row.fitSeconds() >= 0.3, row.toString());
        assertTrue(row.scoreSeconds() < 0.3, row.toString());
    }

    @Test
    void aKilledRunLosesAtMostTheCellInProgress(@TempDir Path out) throws Exception {
        Process process = TestProcesses.java(TestBenchMain.class, "run", "slow", out.toString()).start();
        Path file = out.resolve("results.csv");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (rowsIn(file) < 3 && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(process.isAlive(), "still running when killed");
        process.destroyForcibly().waitFor(); // SIGKILL
        List<ResultRow> survived = ResultsCsv.read(file);
        assertTrue(survived.size() >= 3 && survived.size() < 8, survived.size() + " rows");

        BenchmarkPlan plan = TestPlans.named("slow");
        Recorder recorder = new Recorder();
        List<ResultRow> rows = new BenchmarkRunner(plan, out).run(recorder);
        assertEquals(8, rows.size());
        assertEquals(8 - survived.size(), recorder.started.size());
        assertEquals(survived, ResultsCsv.read(file).subList(0, survived.size()), "finished rows kept as they were");
        Set<String> keys = new HashSet<>();
        ResultsCsv.read(file).forEach(r -> assertTrue(keys.add(r.key()), "no duplicate " + r.key()));
    }

    private static int rowsIn(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        return (int) Files.readString(file).chars().filter(c -> c == '\n').count() - 1;
    }
}
