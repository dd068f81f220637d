package dtad.bench.runner;

import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import dtad.detect.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The child side of {@link BenchmarkRunner#runInWorkers}: a process that builds the same plan as its
 * parent, then reads cell assignments from its standard input, one line {@code INDEX<tab>KEY} each
 * (the index into {@link BenchmarkPlan#cells()}, and the cell's key as a check that both sides agree),
 * runs each cell and answers one line {@code DTAD-ROW<tab>INDEX<tab>CSV-ROW}. It says {@value #READY}
 * first, so that the parent can tell a worker that failed to start from a cell that crashed its worker. It never touches
 * the results file. It ends when its input ends, i.e. when the parent has no more work or has died.
 */
public final class Worker {
    /** Starts every answer line; other output of the worker is ignored by the parent. */
    public static final String ROW_PREFIX = "DTAD-ROW\t";
    /** Said once the plan is built, before the first assignment is read. */
    public static final String READY = "DTAD-READY";

    private Worker() {
    }

    /**
     * Serves cells over this process's standard streams. Standard output is kept for answers:
     * anything else the process prints goes to standard error instead. The process halts as soon as
     * its parent process ends, so that a killed parent leaves no orphan workers running.
     */
    public static void serveStandardStreams(BenchmarkPlan plan) throws IOException {
        PrintStream answers = System.out;
        System.setOut(System.err);
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        serve(plan, System.in, answers);
    }

    /** Reads assignments from {@code in} until it ends, answering each on {@code out}. */
    public static void serve(BenchmarkPlan plan, InputStream in, PrintStream out) throws IOException {
        List<Cell> cells = plan.cells();
        CellRunner runner = new CellRunner();
        out.print(READY + "\n");
        out.flush();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            int index = Integer.parseInt(tab < 0 ? line.strip() : line.substring(0, tab));
            Cell cell = cells.get(index);
            if (tab >= 0 && !line.substring(tab + 1).equals(cell.key())) {
                throw new IllegalStateException("Worker's plan differs from its parent's: cell " + index + " is "
                        + cell.key() + " here, " + line.substring(tab + 1) + " there");
            }
            ResultRow row = runner.run(cell, Progress.SILENT);
            out.print(ROW_PREFIX + index + "\t" + ResultsCsv.format(row) + "\n");
            out.flush();
        }
    }
}
