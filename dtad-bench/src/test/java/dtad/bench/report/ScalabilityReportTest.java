package dtad.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.bench.results.CellDetails;
import dtad.bench.results.CellDetailsCsv;
import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalabilityReportTest {

    private static void folder(Path dir, int side, List<ResultRow> rows, List<CellDetails> details) throws IOException {
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder(ResultRow.HEADER + "\n");
        rows.forEach(r -> text.append(ResultsCsv.format(r)).append('\n'));
        Files.writeString(dir.resolve(Reports.RESULTS), text);
        for (CellDetails d : details) {
            CellDetailsCsv.append(dir.resolve(CellDetailsCsv.FILE), d);
        }
    }

    private static ResultRow row(String dataset, String method, int side, double auc, double fit, double score) {
        return new ResultRow(dataset, method, "one-class", 0, auc, 0.9, 0.8, fit, score, 500, 150, 3 * side * side,
                ResultRow.Status.OK, "");
    }

    @Test
    void tablesEachSizeAndDetectorWithThroughputProcessResourcesAndPixelMetrics(@TempDir Path dir) throws IOException {
        folder(dir.resolve("224"), 224, List.of(row("textures-224", "ImageDiT", 224, 0.99, 600, 30),
                new ResultRow("textures-224", "ImageDDPM", "one-class", 0, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, 0, 0, 0, ResultRow.Status.FAILED, "worker process ended with exit code 137")),
                List.of(new CellDetails("textures-224|ImageDiT|one-class|0", 0.97, 0.9, 100, 2048, 550, 50)));
        folder(dir.resolve("32"), 32, List.of(row("textures-32", "ImageDiT", 32, 0.98, 60, 3),
                row("textures-32", "IForest", 32, 0.78, 1, 0.15)),
                List.of(CellDetails.none("textures-32|IForest|one-class|0").withPeakRssMib(100)));
        List<ScalabilityReport.Entry> entries = ScalabilityReport.read(dir);
        assertEquals(List.of("32 ImageDiT", "32 IForest", "224 ImageDiT", "224 ImageDDPM"),
                entries.stream().map(e -> e.side() + " " + e.method()).toList());
        String table = ScalabilityReport.table(entries);
        assertTrue(table.contains("| 224 px | ImageDiT | 500 / 150 | 600.0 | 550.0 | 5.0 | 3.0 | 2048 | 0.990 | 0.970 | 0.900 |"),
                table);
        assertTrue(table.contains("| 32 px | IForest | 500 / 150 | 1.0 | – | 1000.0 | – | 100 | 0.780 | – | – |"), table);
        assertTrue(table.contains("ImageDDPM | 0 / 0 | failed: worker process ended with exit code 137"), table);
        Path out = dir.resolve("docs");
        ScalabilityReport.write(entries, out);
        assertTrue(Files.readString(out.resolve("table.md")).equals(table));
        for (String plot : List.of("fit-seconds", "fit-cpu-seconds", "scoring-rate", "peak-memory", "image-aucroc")) {
            assertTrue(Files.size(out.resolve("plots").resolve(plot + ".png")) > 1000, plot);
        }
    }
}
