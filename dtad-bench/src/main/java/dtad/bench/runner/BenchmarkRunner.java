package dtad.bench.runner;

import dtad.bench.results.CellDetails;
import dtad.bench.results.CellDetailsCsv;
import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import dtad.bench.results.ResultsLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a benchmark plan into a results folder, resumably.
 *
 * <p>The results file ({@value #RESULTS_FILE}) is a {@link ResultsLog}: each finished cell is appended
 * as one line and forced to disk before the next cell starts. A rerun into the same folder skips every
 * cell already in the file (finished cells, {@code ok} or {@code failed}; with {@code retryFailed}, only
 * those whose latest row is {@code ok}: a failed cell runs again and its new row is appended, the
 * latest row of a cell being the one that counts), so a run that was stopped,
 * even by {@code kill -9}, loses at most the cells that were running and continues where it stopped;
 * the unterminated remnant of a row being written when the process died is cut off on reopening. The
 * folder also records each method's parameters ({@link MethodConfigurations}); resuming with other
 * parameters for a method is refused.
 *
 * <p>Cells run one at a time in this JVM ({@link #run}), or in worker processes ({@link #runInWorkers}),
 * because one JVM cannot train two DJL networks at once. In both cases this process is the only writer
 * of the results file: workers send their rows back, and it appends them.
 */
public final class BenchmarkRunner {
    public static final String RESULTS_FILE = "results.csv";

    private final BenchmarkPlan plan;
    private final Path outDir;
    private final boolean retryFailed;

    public BenchmarkRunner(BenchmarkPlan plan, Path outDir) {
        this(plan, outDir, false);
    }

    /** @param retryFailed whether cells recorded as failed run again (e.g. after fixing their cause) */
    public BenchmarkRunner(BenchmarkPlan plan, Path outDir, boolean retryFailed) {
        this.plan = plan;
        this.outDir = outDir;
        this.retryFailed = retryFailed;
    }

    public Path resultsFile() {
        return outDir.resolve(RESULTS_FILE);
    }

    /** The cells' details beside the results: pixel metrics and peak memory ({@link CellDetailsCsv}). */
    public Path detailsFile() {
        return outDir.resolve(CellDetailsCsv.FILE);
    }

    /** Runs the cells not yet in the results file, one at a time; returns the plan's rows, in plan order. */
    public List<ResultRow> run(BenchmarkListener listener) throws IOException {
        try (ResultsLog log = open(listener)) {
            List<Cell> pending = pending(log, listener, 1);
            CellRunner runner = new CellRunner(outDir);
            for (Cell cell : pending) {
                listener.cellStarted(cell);
                ResultRow row = runner.run(cell, (done, total, message) -> listener.fitProgress(cell, done, total, message));
                log.append(row);
                CellDetails details = runner.details();
                if (details.measured()) {
                    CellDetailsCsv.append(detailsFile(), details);
                }
                listener.cellFinished(cell, row);
            }
        }
        return rows();
    }

    /**
     * Runs the cells not yet in the results file in {@code workers} child processes, each started with
     * {@code workerCommand}, which must run {@link Worker#serve} on the same plan; returns the plan's rows.
     */
    public List<ResultRow> runInWorkers(int workers, List<String> workerCommand, BenchmarkListener listener)
            throws IOException, InterruptedException {
        return runInWorkers(workers, workerCommand, listener, false);
    }

    /**
     * As {@link #runInWorkers(int, List, BenchmarkListener)}; with {@code processPerCell}, every cell runs in a
     * new worker process, so that the peak memory recorded in {@value CellDetailsCsv#FILE} is the cell's own.
     */
    public List<ResultRow> runInWorkers(int workers, List<String> workerCommand, BenchmarkListener listener,
                                        boolean processPerCell) throws IOException, InterruptedException {
        if (workers < 1) {
            throw new IllegalArgumentException("Invalid number of worker processes: " + workers);
        }
        try (ResultsLog log = open(listener)) {
            List<Cell> pending = pending(log, listener, workers);
            if (!pending.isEmpty()) {
                new WorkerPool(workerCommand, workers, plan.cells(), log, listener, detailsFile(), processPerCell)
                        .run(pending);
            }
        }
        return rows();
    }

    /** The latest row of each of the plan's cells now in the results file, in plan order (finished cells only). */
    public List<ResultRow> rows() throws IOException {
        Map<String, ResultRow> byKey = new LinkedHashMap<>();
        if (Files.exists(resultsFile())) {
            for (ResultRow row : ResultsCsv.latestPerCell(ResultsCsv.read(resultsFile()))) {
                byKey.put(row.key(), row);
            }
        }
        List<ResultRow> out = new ArrayList<>();
        for (Cell cell : plan.cells()) {
            ResultRow row = byKey.get(cell.key());
            if (row != null) {
                out.add(row);
            }
        }
        return out;
    }

    private ResultsLog open(BenchmarkListener listener) throws IOException {
        Files.createDirectories(outDir);
        ResultsLog log = ResultsLog.open(resultsFile());
        try {
            if (log.repaired()) {
                listener.note("cut off the unfinished last row of " + resultsFile() + " (an interrupted run)");
            }
            MethodConfigurations.checkAndRecord(outDir, plan.methods());
            return log;
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    private List<Cell> pending(ResultsLog log, BenchmarkListener listener, int workers) {
        Set<String> done = new HashSet<>();
        for (ResultRow row : ResultsCsv.latestPerCell(log.existingRows())) {
            if (row.ok() || !retryFailed) {
                done.add(row.key());
            }
        }
        List<Cell> all = plan.cells();
        List<Cell> pending = new ArrayList<>();
        for (Cell cell : all) {
            if (!done.contains(cell.key())) {
                pending.add(cell);
            }
        }
        listener.planned(all.size(), List.copyOf(pending), log.existingRows(), workers);
        return pending;
    }
}
