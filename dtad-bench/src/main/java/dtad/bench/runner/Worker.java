package dtad.bench.runner;

import dtad.bench.results.CellDetails;
import dtad.bench.results.CellDetailsCsv;
import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import dtad.detect.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The child side of {@link BenchmarkRunner#runInWorkers}: a process that builds the same plan as its
 * parent, then reads cell assignments from its standard input, one line {@code INDEX<tab>KEY} each
 * (the index into {@link BenchmarkPlan#cells()}, and the cell's key as a check that both sides agree),
 * runs each cell and answers one line {@code DTAD-ROW<tab>INDEX<tab>CSV-ROW}, after a line
 * {@code DTAD-DETAILS<tab>INDEX<tab>CSV} when the cell measured more ({@link CellDetails}: pixel metrics, and for
 * the first cell the process runs, its peak memory, which then counts that cell alone). It says {@value #READY}
 * first, so that the parent can tell a worker that failed to start from a cell that crashed its worker. It never touches
 * the results file. It ends when its input ends, i.e. when the parent has no more work or has died.
 */
public final class Worker {
    /** Starts every answer line; other output of the worker is ignored by the parent. */
    public static final String ROW_PREFIX = "DTAD-ROW\t";
    /** Starts the line of a cell's details, sent just before its row. */
    public static final String DETAILS_PREFIX = "DTAD-DETAILS\t";
    /** Said once the plan is built, before the first assignment is read. */
    public static final String READY = "DTAD-READY";

    private Worker() {
    }

    /**
     * Serves cells over this process's standard streams. Standard output is kept for answers:
     * anything else the process prints goes to standard error instead. The process halts as soon as
     * its parent process ends, so that a killed parent leaves no orphan workers running.
     */
    public static void serveStandardStreams(BenchmarkPlan plan, Path outDir) throws IOException {
        PrintStream answers = System.out;
        System.setOut(System.err);
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        serve(plan, outDir, System.in, answers);
    }

    /** Reads assignments from {@code in} until it ends, answering each on {@code out}; keeps no maps. */
    public static void serve(BenchmarkPlan plan, InputStream in, PrintStream out) throws IOException {
        serve(plan, null, in, out);
    }

    /**
     * Reads assignments from {@code in} until it ends, answering each on {@code out}; the maps of image cells go
     * under {@code outDir} ({@link CellMaps}) unless it is null.
     */
    public static void serve(BenchmarkPlan plan, Path outDir, InputStream in, PrintStream out) throws IOException {
        List<Cell> cells = plan.cells();
        CellRunner runner = new CellRunner(outDir);
        boolean first = true;
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
            CellDetails details = runner.details();
            if (first) {
                details = details.withPeakRssMib(ProcessResources.mib().orElse(Double.NaN));
                first = false;
            }
            if (details.measured()) {
                out.print(DETAILS_PREFIX + index + "\t" + CellDetailsCsv.format(details) + "\n");
            }
            out.print(ROW_PREFIX + index + "\t" + ResultsCsv.format(row) + "\n");
            out.flush();
        }
    }
}
