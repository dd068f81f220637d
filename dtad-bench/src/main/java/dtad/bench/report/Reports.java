package dtad.bench.report;

import dtad.InputException;
import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import dtad.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark report, made from {@code OUTDIR/results.csv} alone:
 * <ul>
 *   <li>{@code summary.md}: paper-style tables per setting (AUC-ROC, AUC-PR and F1 in %, mean ± std over
 *       seeds, best per dataset in bold, average and average rank per method), times per method, the
 *       comparison with a published table when one is given, and the causes of failed cells;</li>
 *   <li>{@code report.html}: the same in one self-contained page, with the plots embedded;</li>
 *   <li>{@code plots/*.png}: AUC-ROC per method (box plot), average rank (bars), AUC-ROC against fit and
 *       score time (log time axis) and, with a published table, ours against published.</li>
 * </ul>
 * Drawing runs headless ({@code java.awt.headless=true} unless the caller set it).
 */
public final class Reports {
    public static final String RESULTS = "results.csv";
    public static final String SUMMARY = "summary.md";
    public static final String HTML = "report.html";
    public static final String PLOTS = "plots";

    static {
        Headless.ensure();
    }

    private Reports() {
    }

    /**
     * Reads {@code outDir/results.csv} and writes the report next to it, replacing an earlier one.
     *
     * @param referenceCsvOrNull a published table ({@code file,dataset,<methods...>} with {@code mean±std}
     *                           cells in %) to compare AUC-ROC with, or null
     * @throws InputException when the results file is missing, malformed or empty, or the published table
     *                        is missing or malformed
     */
    public static ReportFiles write(Path outDir, Path referenceCsvOrNull) throws IOException {
        Path results = outDir.resolve(RESULTS);
        if (!Files.isRegularFile(results)) {
            throw new InputException(results + ": no such results file (run the benchmark into " + outDir + " first)");
        }
        List<ResultRow> rows = ResultsCsv.latestPerCell(ResultsCsv.read(results));
        PublishedTable reference = referenceCsvOrNull == null ? null : PublishedTable.read(referenceCsvOrNull);
        return write(outDir, rows, reference, results.toString(), Instant.now());
    }

    /**
     * As {@link #write(Path, Path)}, with an image section at the end: per detector of {@code images}, its
     * image and pixel metrics and its {@code topImages} highest-scored test images with their anomaly maps beside
     * their masks ({@code plots/image-<detector>-<rank>.png}, embedded in the HTML).
     */
    public static ReportFiles write(Path outDir, Path referenceCsvOrNull, List<ImageResults> images, int topImages)
            throws IOException {
        Path results = outDir.resolve(RESULTS);
        if (!Files.isRegularFile(results)) {
            throw new InputException(results + ": no such results file (run the benchmark into " + outDir + " first)");
        }
        List<ResultRow> rows = ResultsCsv.latestPerCell(ResultsCsv.read(results));
        PublishedTable reference = referenceCsvOrNull == null ? null : PublishedTable.read(referenceCsvOrNull);
        Document document = ReportBuilder.build(rows, reference, results.toString(), Instant.now());
        return write(outDir, withImages(document, images, topImages));
    }

    /** Writes the report of {@code rows}; {@code source} names them in the report. */
    static ReportFiles write(Path outDir, List<ResultRow> rows, PublishedTable reference, String source,
                             Instant generated) throws IOException {
        return write(outDir, ReportBuilder.build(rows, reference, source, generated));
    }

    /** The document with the image section of {@code images} added at its end (unchanged without images). */
    static Document withImages(Document document, List<ImageResults> images, int topImages) {
        if (images.isEmpty()) {
            return document;
        }
        List<Document.Section> sections = new ArrayList<>(document.sections());
        sections.add(ImageSection.of(images, topImages));
        return new Document(document.title(), document.facts(), sections);
    }

    private static ReportFiles write(Path outDir, Document document) throws IOException {
        Path plotDir = outDir.resolve(PLOTS);
        Files.createDirectories(plotDir);
        List<Path> plots = new ArrayList<>();
        for (Document.Section section : document.sections()) {
            for (Document.Block block : section.blocks()) {
                if (block instanceof Document.Figures figures) {
                    for (Plot plot : figures.plots()) {
                        Path file = plotDir.resolve(plot.fileName());
                        write(file, plot.png());
                        plots.add(file);
                    }
                }
            }
        }
        removeStalePlots(plotDir, plots);
        Path summary = outDir.resolve(SUMMARY);
        write(summary, MarkdownRenderer.render(document).getBytes(StandardCharsets.UTF_8));
        Path html = outDir.resolve(HTML);
        write(html, HtmlRenderer.render(document).getBytes(StandardCharsets.UTF_8));
        return new ReportFiles(summary, html, plots);
    }

    private static void write(Path file, byte[] content) throws IOException {
        AtomicFiles.write(file, true, out -> out.write(content));
    }

    /** Removes PNG files of an earlier report that this one did not draw (e.g. a comparison dropped). */
    private static void removeStalePlots(Path plotDir, List<Path> written) throws IOException {
        Set<Path> keep = new HashSet<>(written);
        try (DirectoryStream<Path> pngs = Files.newDirectoryStream(plotDir, "*.png")) {
            for (Path png : pngs) {
                if (!keep.contains(png)) {
                    Files.delete(png);
                }
            }
        }
    }
}
