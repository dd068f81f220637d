package dtad.bench.runner;

import dtad.bench.results.ResultRow;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The time a run still needs, foreseen cell by cell rather than as the mean cell time so far, since
 * cells differ by orders of magnitude: a {@link CellCostModel} learns from the rows already in the
 * results file (so a resumed run has an estimate before its first new cell ends) and from each cell
 * that finishes, and predicts every unfinished cell from its method and training rows. The training
 * rows of a data set are those its finished rows report, or else those its size foretells
 * ({@link DatasetSize#trainingRows}). The estimate is the predicted seconds of the unfinished cells,
 * less the time the running ones have had, shared among the workers, and never less than the longest
 * of them (one cell is not shared). Loading and splitting are not counted: they are small beside the
 * fits that make a run long.
 *
 * <p>Thread-safe: a progress bar asks from its own thread while cells finish.
 */
public final class RemainingTime {
    private final CellCostModel costs = new CellCostModel();
    private final Map<String, Cell> pending = new LinkedHashMap<>();
    private final Map<String, Long> startedAt = new HashMap<>();
    /** Training rows by data set and setting; none for a data set whose size cannot be read. */
    private final Map<String, Integer> trainingRows = new HashMap<>();
    private final int workers;

    /**
     * @param pending  the cells still to run
     * @param recorded rows already in the results file (any cells: all their timings are learnt from)
     * @param workers  how many cells run at once
     */
    public RemainingTime(List<Cell> pending, List<ResultRow> recorded, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("Invalid number of workers: " + workers);
        }
        this.workers = workers;
        for (ResultRow row : recorded) {
            learn(row);
        }
        for (Cell cell : pending) {
            this.pending.put(cell.key(), cell);
            String data = dataKey(cell);
            if (!trainingRows.containsKey(data)) {
                try {
                    trainingRows.put(data, cell.dataset().size().trainingRows(cell.setting()));
                } catch (RuntimeException unreadable) {
                    // Its cells fail at loading, in no time: nothing to add.
                }
            }
        }
    }

    /** A cell was handed to a worker at {@code nanoTime} ({@link System#nanoTime()}). */
    public synchronized void started(Cell cell, long nanoTime) {
        if (pending.containsKey(cell.key())) {
            startedAt.put(cell.key(), nanoTime);
        }
    }

    /** A cell finished: it leaves the estimate and teaches the model its time. */
    public synchronized void finished(Cell cell, ResultRow row) {
        pending.remove(cell.key());
        startedAt.remove(cell.key());
        learn(row);
    }

    /** The seconds the unfinished cells still need at {@code nanoTime}; empty while no cell has a timing. */
    public synchronized OptionalDouble seconds(long nanoTime) {
        if (pending.isEmpty()) {
            return OptionalDouble.of(0);
        }
        if (costs.isEmpty()) {
            return OptionalDouble.empty();
        }
        double total = 0;
        double longest = 0;
        for (Cell cell : pending.values()) {
            Integer rows = trainingRows.get(dataKey(cell));
            if (rows == null) {
                continue;
            }
            double seconds = costs.seconds(cell.method().name(), rows).orElseThrow();
            Long start = startedAt.get(cell.key());
            if (start != null) {
                seconds = Math.max(0, seconds - (nanoTime - start) / 1e9);
            }
            total += seconds;
            longest = Math.max(longest, seconds);
        }
        return OptionalDouble.of(Math.max(total / workers, longest));
    }

    private void learn(ResultRow row) {
        if (row.nTrain() > 0) {
            trainingRows.put(dataKey(row.dataset(), row.setting()), row.nTrain());
        }
        if (row.ok()) {
            costs.add(row.method(), row.nTrain(), row.fitSeconds() + row.scoreSeconds());
        }
    }

    private static String dataKey(Cell cell) {
        return dataKey(cell.dataset().name(), cell.setting().text());
    }

    private static String dataKey(String dataset, String setting) {
        return dataset + "|" + setting;
    }
}
