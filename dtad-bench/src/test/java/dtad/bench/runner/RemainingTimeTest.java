package dtad.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.bench.protocol.Setting;
import dtad.bench.results.ResultRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemainingTimeTest {
    private static final List<MethodSpec> METHODS =
            MethodSpec.parse(List.of("Test-Distance", "Test-Picky"), List.of(), false);
    /** 50,000 rows of unknown anomalies: 25,000 training rows in semi. */
    private static final DatasetSource BIG = source("big", DatasetSize.ofRows(50_000));
    private static final long SECOND = 1_000_000_000L;

    private static DatasetSource source(String name, DatasetSize size) {
        return new DatasetSource(name, "test", () -> {
            throw new AssertionError("sizing must not load " + name);
        }, () -> size);
    }

    private static List<Cell> cells(DatasetSource data, int... seeds) {
        List<Cell> cells = new ArrayList<>();
        for (int seed : seeds) {
            for (MethodSpec method : METHODS) {
                cells.add(new Cell(data, method, Setting.SEMI, seed));
            }
        }
        return cells;
    }

    private static ResultRow row(String dataset, String method, int seed, int trainingRows, double seconds) {
        return new ResultRow(dataset, method, "semi", seed, 0.9, 0.5, 0.5, 0.75 * seconds, 0.25 * seconds,
                trainingRows, trainingRows, 2, ResultRow.Status.OK, "");
    }

    /** Test-Distance at 1 s on 1,000 rows and 100 s on 10,000: 625 s on 25,000, Test-Picky likewise. */
    private static final List<ResultRow> QUADRATIC = List.of(row("small", "Test-Distance", 0, 1_000, 1),
            row("medium", "Test-Distance", 0, 10_000, 100));

    @Test
    void sumsThePredictedCellsAndSharesThemAmongWorkers() {
        List<Cell> pending = cells(BIG, 0, 1);

        assertEquals(2500, new RemainingTime(pending, QUADRATIC, 1).seconds(0).orElseThrow(), 1e-6);
        assertEquals(1250, new RemainingTime(pending, QUADRATIC, 2).seconds(0).orElseThrow(), 1e-6);
        assertEquals(625, new RemainingTime(pending, QUADRATIC, 4).seconds(0).orElseThrow(), 1e-6);
        assertEquals(625, new RemainingTime(pending, QUADRATIC, 8).seconds(0).orElseThrow(), 1e-6,
                "never less than one cell: a cell is not shared among workers");
        assertThrows(IllegalArgumentException.class, () -> new RemainingTime(pending, QUADRATIC, 0));
    }

    @Test
    void aRunningCellCountsOnlyTheTimeItHasLeft() {
        List<Cell> pending = cells(BIG, 0, 1);
        RemainingTime remaining = new RemainingTime(pending, QUADRATIC, 1);
        long start = 7 * SECOND;
        remaining.started(pending.get(0), start);

        assertEquals(2500 - 200, remaining.seconds(start + 200 * SECOND).orElseThrow(), 1e-6);
        assertEquals(3 * 625, remaining.seconds(start + 1000 * SECOND).orElseThrow(), 1e-6,
                "a cell running over its prediction has nothing left, not less");
    }

    @Test
    void learnsFromEachFinishedCellAndLeavesItOut() {
        List<Cell> pending = cells(BIG, 0, 1);
        RemainingTime remaining = new RemainingTime(pending, List.of(), 2);
        assertTrue(remaining.seconds(0).isEmpty(), "no timing to go by in a fresh run");

        remaining.finished(pending.get(0), row("big", "Test-Distance", 0, 25_000, 50));

        assertEquals(3 * 50 / 2.0, remaining.seconds(0).orElseThrow(), 1e-6);
        for (Cell cell : pending.subList(1, 4)) {
            remaining.finished(cell, row("big", cell.method().name(), cell.seed(), 25_000, 50));
        }
        assertEquals(0, remaining.seconds(0).orElseThrow());
    }

    @Test
    void takesTheTrainingRowsFromFinishedRowsOfTheDataSetOverItsSize() {
        List<ResultRow> recorded = List.of(row("small", "Test-Distance", 0, 1_000, 1),
                row("big", "Test-Distance", 0, 10_000, 100)); // big's header foretold 25,000

        assertEquals(2 * 100, new RemainingTime(cells(BIG, 1), recorded, 1).seconds(0).orElseThrow(), 1e-6);
    }

    @Test
    void aDataSetWhoseSizeCannotBeReadAddsNothing() {
        DatasetSource broken = new DatasetSource("broken", "test", () -> {
            throw new AssertionError("not loaded");
        }, () -> {
            throw new UncheckedIOException(new NoSuchFileException("broken.npz"));
        });
        List<Cell> pending = new ArrayList<>(cells(broken, 0));
        pending.addAll(cells(BIG, 0));

        assertEquals(2 * 625, new RemainingTime(pending, QUADRATIC, 1).seconds(0).orElseThrow(), 1e-6,
                "its cells fail at loading, in no time");
    }

    @Test
    void aResumedRunHasAnEstimateBeforeItsFirstNewCellEnds(@TempDir Path out) throws IOException {
        new BenchmarkRunner(TestPlans.basic(), out).run(BenchmarkListener.SILENT);
        BenchmarkPlan more = TestPlans.plan(List.of(TestPlans.wide(), TestPlans.narrow()),
                List.of("Test-Distance", "Test-Picky"), List.of(), false, Setting.SEMI, List.of(0, 1, 2));

        List<OptionalDouble> seen = new ArrayList<>();
        new BenchmarkRunner(more, out).run(new BenchmarkListener() {
            private RemainingTime remaining;

            @Override
            public void planned(int cells, List<Cell> pending, List<ResultRow> recorded, int workers) {
                assertEquals(12, cells);
                assertEquals(4, pending.size());
                assertEquals(8, recorded.size(), "the rows of the first run");
                remaining = new RemainingTime(pending, recorded, workers);
                seen.add(remaining.seconds(System.nanoTime()));
            }

            @Override
            public void cellStarted(Cell cell) {
                if (seen.size() == 1) {
                    remaining.started(cell, System.nanoTime());
                    seen.add(remaining.seconds(System.nanoTime()));
                }
            }
        });

        assertEquals(2, seen.size());
        for (OptionalDouble seconds : seen) {
            assertTrue(seconds.isPresent() && seconds.getAsDouble() > 0, seen.toString());
        }
        assertFalse(new RemainingTime(more.cells(), List.of(), 1).seconds(0).isPresent(),
                "whereas a fresh run knows nothing yet");
    }
}
