package dtad.bench.runner;

import dtad.bench.results.ResultRow;
import java.util.List;

/**
 * Hears what a benchmark run does, to show it; the runner itself prints nothing. Calls come one at a
 * time (never concurrently), also when cells run in worker processes.
 */
public interface BenchmarkListener {
    /** Ignores everything. */
    BenchmarkListener SILENT = new BenchmarkListener() {
    };

    /**
     * The run starts: {@code cells} in the plan, of which {@code pending} are still to run (the others
     * are in the results file). With {@code recorded}, the rows already in the file, and the number of
     * {@code workers} that run cells at once, a listener can foresee the time left before any new cell
     * ends ({@link RemainingTime}).
     */
    default void planned(int cells, List<Cell> pending, List<ResultRow> recorded, int workers) {
    }

    /** Something worth a line in a log, e.g. that an interrupted last row was cut off. */
    default void note(String message) {
    }

    default void cellStarted(Cell cell) {
    }

    /** Progress of a long fit, e.g. per epoch (not reported for cells run in worker processes). */
    default void fitProgress(Cell cell, int done, int total, String message) {
    }

    /** A cell finished, successfully or not; its row is already on disk. */
    default void cellFinished(Cell cell, ResultRow row) {
    }
}
