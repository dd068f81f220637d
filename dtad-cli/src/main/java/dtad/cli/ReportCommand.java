package dtad.cli;

import dtad.bench.report.ReportFiles;
import dtad.bench.report.Reports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dtad report}: rebuilds the benchmark report of a results folder from its results.csv alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rebuild the benchmark report of a results folder from its results.csv alone.",
            "Writes OUTDIR/summary.md (tables), OUTDIR/report.html (one self-contained page) and OUTDIR/plots/*.png."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUTDIR", description = "The results folder written by 'dtad bench'.")
    Path outDir;

    @Option(names = "--reference", paramLabel = "CSV",
            description = "A published table to compare AUC-ROC with (columns file,dataset,<methods...>, cells "
                    + "mean±std in %%), e.g. dte_paper_semi_aucroc.csv.")
    Path reference;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReportFiles files = Reports.write(outDir, reference);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Report:  %s%nSummary: %s%nPlots:   %d in %s%n", files.html(), files.summary(), files.plots().size(),
                outDir.resolve(Reports.PLOTS));
        out.flush();
        return 0;
    }
}
