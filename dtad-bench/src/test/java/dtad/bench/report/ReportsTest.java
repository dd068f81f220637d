package dtad.bench.report;

import static dtad.bench.report.Rows.failed;
import static dtad.bench.report.Rows.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    private static final String REFERENCE = """
            file,dataset,IForest,KNN,DTE-NP
            4_breastw,breastw,99.5±0.08,99.05±0.26,99.28±0.12
            38_thyroid,thyroid,98.96±0.2,98.68±0.0,98.63±0.04
            """;

    @TempDir
    static Path dir;
    static ReportFiles files;
    static String html;
    static String markdown;

    /** Three datasets, three methods, two seeds; KNN failed on one seed of 12_fault. */
    static List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>();
        String[] datasets = {"38_thyroid", "4_breastw", "12_fault"};
        String[] methods = {"IForest", "KNN", "DTE-NP"};
        for (int d = 0; d < datasets.length; d++) {
            for (int m = 0; m < methods.length; m++) {
                for (int seed = 0; seed < 2; seed++) {
                    if (datasets[d].equals("12_fault") && methods[m].equals("KNN") && seed == 1) {
                        rows.add(failed(datasets[d], methods[m], seed, "Out of memory | <heap>"));
                    } else {
                        rows.add(ok("semi", datasets[d], methods[m], seed, 0.6 + 0.1 * m + 0.03 * d + 0.01 * seed,
                                0.001 * (m + 1) * (d + 1), 0.01 * (seed + 1)));
                    }
                }
            }
        }
        return rows;
    }

    @BeforeAll
    static void writeReport() throws Exception {
        StringBuilder csv = new StringBuilder(ResultRow.HEADER).append('\n');
        rows().forEach(r -> csv.append(ResultsCsv.format(r)).append('\n'));
        Files.writeString(dir.resolve(Reports.RESULTS), csv);
        Path reference = dir.resolve("paper_semi.csv");
        Files.writeString(reference, REFERENCE);
        files = Reports.write(dir, reference);
        html = Files.readString(files.html(), StandardCharsets.UTF_8);
        markdown = Files.readString(files.summary(), StandardCharsets.UTF_8);
    }

    @Test
    void writesSummaryHtmlAndPlotsIntoTheResultsFolder() {
        assertEquals(dir.resolve("summary.md"), files.summary());
        assertEquals(dir.resolve("report.html"), files.html());
        List<String> names = files.plots().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("semi-aucroc-box.png", "semi-aucroc-rank.png", "semi-aucroc-vs-published.png",
                "semi-aucroc-vs-fit-time.png", "semi-aucroc-vs-score-time.png"), names);
        files.plots().forEach(p -> assertEquals(dir.resolve("plots"), p.getParent()));
    }

    @Test
    void plotsAreValidPngImagesAtTwiceTheirNominalSize() throws Exception {
        for (Path png : files.plots()) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png + " is not an image");
            assertTrue(image.getWidth() >= 1000 && image.getHeight() >= 500,
                    png + ": " + image.getWidth() + "x" + image.getHeight());
        }
    }

    @Test
    void htmlIsOneSelfContainedFile() throws Exception {
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE)
                .matcher(html).find(), "no network source or link");
        assertFalse(html.contains("url("), "no external stylesheet resource");
        assertFalse(html.contains("<link") || html.contains("<script") || html.contains("@import"));
        Matcher img = Pattern.compile("<img [^>]*src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (img.find()) {
            String src = img.group(1);
            assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, Math.min(40, src.length())));
            byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
            assertNotNull(ImageIO.read(new ByteArrayInputStream(png)), "embedded image decodes");
            images++;
        }
        assertEquals(files.plots().size(), images);
    }

    @Test
    void tablesShowMeanStdBoldBestAndFailedCellsWithoutNumbers() {
        // 38_thyroid: IForest 60, 61 -> 60.50±0.71; DTE-NP 80, 81 -> 80.50±0.71 is the best.
        assertTrue(markdown.contains("| 38_thyroid | 60.50±0.71 | 70.50±0.71 | **80.50±0.71** |"), markdown);
        assertTrue(markdown.contains("| 12_fault | 66.50±0.71 | failed [1] | **86.50±0.71** |"), markdown);
        assertTrue(markdown.contains("- [1] `Out of memory | <heap>` — KNN on 12_fault (semi, seed 1)"), markdown);
        assertTrue(html.contains("failed<sup><a href=\"#note-1\">1</a></sup>"));
        assertTrue(html.contains("Out of memory | &lt;heap&gt;"), "causes are escaped in HTML");
        // KNN ranks 2, 2 and last (3) on 12_fault where it failed; IForest 3, 3, 2.
        assertTrue(markdown.contains("| *Average rank* | 2.67 | 2.33 | **1.00** |"), markdown);
        assertTrue(markdown.contains("| *Average* | 63.50 | 72.00 (2/3) | **83.50** |"), markdown);
    }

    @Test
    void comparesWithThePublishedTable() {
        assertTrue(markdown.contains("## AUC-ROC compared with the published table"), markdown);
        // IForest on 4_breastw: 63.50 against 99.50±0.08 -> -36.00, outside the 2-point band.
        assertTrue(markdown.contains("| 4_breastw | 63.50 | 99.50±0.08 | -36.00 ✗ |"), markdown);
        assertTrue(markdown.contains("**0 of 6** cells lie within"), markdown);
        // Every cell's two seeds differ by one point (std 0.71), more than each published std (at most 0.26).
        assertTrue(markdown.contains("| Within band | Spread ≤ published std | Mean Δ (points) |"), markdown);
        assertTrue(markdown.contains("| KNN | KNN | 2 | 0/2 | 0/2 |"), markdown);
        assertTrue(markdown.contains("Datasets not in the published table: 12_fault."), markdown);
    }

    @Test
    void headerNamesTheRunFacts() {
        for (String fact : List.of("Setting", "Datasets", "Methods", "Seeds", "dtad", "Generated")) {
            assertTrue(html.contains("<dt>" + fact + "</dt>"), fact);
        }
        assertTrue(markdown.contains("- **Seeds:** 0, 1"), markdown);
        assertTrue(markdown.contains("- **Runs:** 17 ok, 1 failed"), markdown);
    }

    @Test
    void refusesAMissingResultsFile(@TempDir Path empty) {
        InputException e = assertThrows(InputException.class, () -> Reports.write(empty, null));
        assertTrue(e.getMessage().contains("results.csv"), e.getMessage());
    }

    @Test
    void refusesAResultsFileWithoutRows(@TempDir Path out) throws Exception {
        Files.writeString(out.resolve(Reports.RESULTS), ResultRow.HEADER + "\n");
        InputException e = assertThrows(InputException.class, () -> Reports.write(out, null));
        assertTrue(e.getMessage().contains("no result rows"), e.getMessage());
    }

    @Test
    void aReportWithoutReferenceDropsTheComparisonAndItsStalePlot(@TempDir Path out) throws Exception {
        Files.createDirectories(out.resolve("plots"));
        Files.write(out.resolve("plots").resolve("semi-aucroc-vs-published.png"), new byte[] {1});
        ReportFiles written = Reports.write(out, rows(), null, "results.csv", java.time.Instant.EPOCH);
        assertEquals(4, written.plots().size());
        assertFalse(Files.exists(out.resolve("plots").resolve("semi-aucroc-vs-published.png")));
        assertFalse(Files.readString(written.summary()).contains("published"));
    }
}
