package dtad.cli;

import dtad.bench.report.ReportFiles;
import dtad.bench.report.Reports;
import dtad.bench.runner.ResultsMerge;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dtad merge}: joins the cells of results folders into one and rebuilds its report. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the cells of benchmark results folders (e.g. one run split over machines) into one, "
                + "then rebuild its report.",
            "A cell is added when --into has no row for it (or only a failed one); the first SOURCE with a cell wins. "
                + "Methods run with other parameters than --into's (methods.tsv) are refused before anything is "
                + "written; the sources are left as they are."})
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Results folders written by 'dtad bench'.")
    List<Path> sources;

    @Option(names = "--into", required = true, paramLabel = "OUTDIR",
            description = "The results folder to add the cells to (created if absent).")
    Path into;

    @Option(names = "--reference", paramLabel = "CSV",
            description = "A published table to compare AUC-ROC with in the rebuilt report, as in 'dtad report'.")
    Path reference;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ResultsMerge.Outcome outcome = ResultsMerge.merge(into, sources);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Merged %d cell%s into %s (%d already there)%n", outcome.added(), outcome.added() == 1 ? "" : "s",
                into.resolve("results.csv"), outcome.alreadyThere());
        ReportFiles files = Reports.write(into, reference);
        out.printf("Report:  %s%nSummary: %s%n", files.html(), files.summary());
        out.flush();
        return 0;
    }
}
