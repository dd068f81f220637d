package dtad.bench.runner;

import dtad.bench.results.CellDetails;
import dtad.bench.results.CellDetailsCsv;
import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import dtad.bench.results.ResultsLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The parent side of {@link BenchmarkRunner#runInWorkers}: keeps up to N {@link Worker} processes
 * busy, one cell each at a time, and appends their rows to the results file as they arrive (so it is
 * the file's only writer, and the resume and kill guarantees of {@link ResultsLog} hold unchanged).
 * A free worker gets the next cell of the data set it last ran, if any is left (it keeps that data
 * set loaded), else the next cell in plan order. With {@code processPerCell}, each worker runs one cell and ends,
 * and a new worker takes the next: every cell then runs in a fresh JVM, so the peak memory its worker reports is
 * that cell's own.
 *
 * <p>Failures: a worker that dies while running a cell (a native crash, the out-of-memory killer)
 * has that cell recorded as {@code failed} with the exit code, and a new worker takes its place. A
 * worker that dies before saying {@link Worker#READY} could not start at all: the run stops with an
 * error rather than mark cells failed that never ran. When this process ends, even by
 * {@code kill -9}, the workers notice and halt (see {@link Worker#serveStandardStreams}).
 */
final class WorkerPool {
    private final List<String> command;
    private final int workers;
    private final List<Cell> cells;
    private final Map<String, Integer> indexByKey = new HashMap<>();
    private final ResultsLog log;
    private final BenchmarkListener listener;
    private final Object lock = new Object();
    private final Deque<Cell> pending = new ArrayDeque<>();
    private final List<Child> children = new ArrayList<>();
    private final Path detailsFile;
    private final boolean processPerCell;
    private int live;
    private IOException failure;

    WorkerPool(List<String> command, int workers, List<Cell> cells, ResultsLog log, BenchmarkListener listener) {
        this(command, workers, cells, log, listener, null, false);
    }

    /** @param detailsFile where cells' details are appended ({@link CellDetailsCsv}), or null to drop them */
    WorkerPool(List<String> command, int workers, List<Cell> cells, ResultsLog log, BenchmarkListener listener,
               Path detailsFile, boolean processPerCell) {
        this.detailsFile = detailsFile;
        this.processPerCell = processPerCell;
        this.command = List.copyOf(command);
        this.workers = workers;
        this.cells = cells;
        for (int i = 0; i < cells.size(); i++) {
            indexByKey.put(cells.get(i).key(), i);
        }
        this.log = log;
        this.listener = listener;
    }

    /** Runs the cells; returns when all have rows or the run failed (then throws). */
    void run(List<Cell> todo) throws IOException, InterruptedException {
        Thread hook = new Thread(this::destroyAll, "dtad-bench-workers-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            synchronized (lock) {
                pending.addAll(todo);
                int n = Math.min(workers, pending.size());
                for (int i = 0; i < n && failure == null; i++) {
                    start();
                }
                while (live > 0) {
                    lock.wait();
                }
            }
        } finally {
            destroyAll();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Starts one worker and gives it a cell. Call with the lock held. */
    private void start() {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            failure = new IOException("Cannot start a worker process (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
            return;
        }
        Child child = new Child(process);
        children.add(child);
        live++;
        Thread reader = new Thread(() -> read(child), "dtad-bench-worker-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        assign(child);
    }

    /** Gives a free worker its next cell, or ends its input when there is none. Call with the lock held. */
    private void assign(Child child) {
        child.assigned = failure == null ? next(child.lastDataset) : null;
        if (child.assigned == null) {
            child.closeInput();
            return;
        }
        Cell cell = child.assigned;
        listener.cellStarted(cell);
        try {
            child.input.write(indexByKey.get(cell.key()) + "\t" + cell.key() + "\n");
            child.input.flush();
        } catch (IOException e) {
            // The worker is gone; its reader sees the end of its output and records the cell.
        }
    }

    private Cell next(String preferredDataset) {
        if (preferredDataset != null) {
            for (Iterator<Cell> it = pending.iterator(); it.hasNext(); ) {
                Cell cell = it.next();
                if (cell.dataset().name().equals(preferredDataset)) {
                    it.remove();
                    return cell;
                }
            }
        }
        return pending.pollFirst();
    }

    /** The reader thread of one worker: handles its answers, then its end. */
    private void read(Child child) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals(Worker.READY)) {
                    child.ready = true;
                } else if (line.startsWith(Worker.DETAILS_PREFIX)) {
                    String answer = line.substring(Worker.DETAILS_PREFIX.length());
                    CellDetails details = CellDetailsCsv.parse(answer.substring(answer.indexOf('\t') + 1));
                    synchronized (lock) {
                        child.details = details;
                    }
                } else if (line.startsWith(Worker.ROW_PREFIX)) {
                    answered(child, line.substring(Worker.ROW_PREFIX.length()));
                }
            }
        } catch (IOException | RuntimeException e) {
            synchronized (lock) {
                if (failure == null) {
                    failure = new IOException("Lost a worker's answers: " + e.getMessage(), e);
                }
            }
            child.process.destroyForcibly();
        }
        int code;
        try {
            code = child.process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        ended(child, code);
    }

    private void answered(Child child, String answer) {
        synchronized (lock) {
            int tab = answer.indexOf('\t');
            int index = Integer.parseInt(answer.substring(0, tab));
            ResultRow row = ResultsCsv.parseRow(answer.substring(tab + 1));
            Cell cell = cells.get(index);
            if (child.assigned == null || !child.assigned.key().equals(cell.key()) || !row.key().equals(cell.key())) {
                throw new IllegalStateException("A worker answered for " + cell.key() + " but was running "
                        + (child.assigned == null ? "nothing" : child.assigned.key()));
            }
            try {
                log.append(row);
                if (child.details != null && child.details.key().equals(cell.key()) && detailsFile != null) {
                    CellDetailsCsv.append(detailsFile, child.details);
                }
            } catch (IOException e) {
                failure = e;
            }
            child.details = null;
            child.assigned = null;
            child.lastDataset = cell.dataset().name();
            listener.cellFinished(cell, row);
            if (processPerCell) {
                child.closeInput();
            } else {
                assign(child);
            }
        }
    }

    private void ended(Child child, int code) {
        synchronized (lock) {
            Cell cell = child.assigned;
            child.assigned = null;
            if (cell != null) {
                if (failure == null && child.ready) {
                    // The worker died while running this cell: the cell's failure, recorded as such.
                    ResultRow row = CellRunner.failed(cell, null, "worker process ended with exit code " + code
                            + " while running this cell");
                    try {
                        log.append(row);
                        listener.cellFinished(cell, row);
                    } catch (IOException e) {
                        failure = e;
                    }
                } else {
                    // Not the cell's fault (the worker never started, or the run is stopping): not run.
                    pending.addFirst(cell);
                    if (failure == null) {
                        failure = new IOException("A worker process exited with code " + code
                                + " before it could run anything (its error output above says why)");
                    }
                }
            }
            children.remove(child);
            live--;
            if (failure == null && !pending.isEmpty()) {
                start();
            }
            if (failure != null) {
                // Let the other workers finish their cells, then stop.
                for (Child c : children) {
                    if (c.assigned == null) {
                        c.closeInput();
                    }
                }
            }
            lock.notifyAll();
        }
    }

    private void destroyAll() {
        List<Child> snapshot;
        synchronized (lock) {
            snapshot = new ArrayList<>(children);
        }
        for (Child c : snapshot) {
            c.process.destroyForcibly();
        }
    }

    private static final class Child {
        final Process process;
        final Writer input;
        Cell assigned;
        CellDetails details;
        String lastDataset;
        boolean ready;

        Child(Process process) {
            this.process = process;
            this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        void closeInput() {
            try {
                input.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
