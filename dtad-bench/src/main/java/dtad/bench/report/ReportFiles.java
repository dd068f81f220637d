package dtad.bench.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The files a report wrote.
 *
 * @param summary the Markdown summary, {@code OUTDIR/summary.md}
 * @param html    the self-contained HTML report, {@code OUTDIR/report.html}
 * @param plots   the plots as PNG files, {@code OUTDIR/plots/*.png}
 */
public record ReportFiles(Path summary, Path html, List<Path> plots) {
    public ReportFiles {
        plots = List.copyOf(plots);
    }
}
