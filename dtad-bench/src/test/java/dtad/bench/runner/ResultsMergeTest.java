package dtad.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.bench.results.CellDetails;
import dtad.bench.results.CellDetailsCsv;
import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import dtad.bench.results.ResultsLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsMergeTest {

    private static ResultRow ok(String method, int seed, double auc) {
        return new ResultRow("38_thyroid", method, "unsup", seed, auc, 0.5, 0.4, 0.2, 0.01, 3772, 3772, 6,
                ResultRow.Status.OK, "");
    }

    private static ResultRow failed(String method, int seed) {
        return new ResultRow("38_thyroid", method, "unsup", seed, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, 3772, 3772, 6, ResultRow.Status.FAILED, "out of memory");
    }

    /** A results folder as 'dtad bench' leaves it: rows, the methods' parameters and the cells' CPU times. */
    private static Path folder(Path dir, List<String> params, ResultRow... rows) throws IOException {
        Files.createDirectories(dir);
        try (ResultsLog log = ResultsLog.open(dir.resolve("results.csv"))) {
            for (ResultRow row : rows) {
                log.append(row);
                CellDetailsCsv.append(dir.resolve(CellDetailsCsv.FILE),
                        CellDetails.none(row.key()).withCpuSeconds(row.seed() + 1.0, 0.5));
            }
        }
        List<String> methods = List.of(rows).stream().map(ResultRow::method).distinct().toList();
        MethodConfigurations.checkAndRecord(dir, MethodSpec.parse(methods, params, false));
        return dir;
    }

    private static Map<String, ResultRow> cells(Path dir) throws IOException {
        Map<String, ResultRow> out = new LinkedHashMap<>();
        for (ResultRow row : ResultsCsv.latestPerCell(ResultsCsv.read(dir.resolve("results.csv")))) {
            out.put(row.key(), row);
        }
        return out;
    }

    @Test
    void addsTheMissingCellsWithTheirDetailsAndParameters(@TempDir Path tmp) throws IOException {
        Path target = folder(tmp.resolve("target"), List.of(), ok("KNN", 0, 0.90), failed("KNN", 1));
        Path a = folder(tmp.resolve("a"), List.of(), ok("KNN", 0, 0.10), ok("KNN", 1, 0.91), ok("KNN", 2, 0.92));
        Path b = folder(tmp.resolve("b"), List.of("IForest.trees=50"), ok("IForest", 0, 0.95), ok("IForest", 1, 0.96));
        Path c = folder(tmp.resolve("c"), List.of(), ok("KNN", 2, 0.10));

        ResultsMerge.Outcome outcome = ResultsMerge.merge(target, List.of(a, b, c));

        // KNN seed 0 was there (target wins), seed 1 failed there (the ok row replaces it), seed 2 came from a
        // before c.
        assertEquals(new ResultsMerge.Outcome(4, 2), outcome);
        Map<String, ResultRow> cells = cells(target);
        assertEquals(5, cells.size());
        assertEquals(0.90, cells.get("38_thyroid|KNN|unsup|0").aucRoc());
        assertEquals(0.91, cells.get("38_thyroid|KNN|unsup|1").aucRoc());
        assertEquals(0.92, cells.get("38_thyroid|KNN|unsup|2").aucRoc());
        assertEquals(0.96, cells.get("38_thyroid|IForest|unsup|1").aucRoc());
        assertEquals(3.0, CellDetailsCsv.read(target.resolve(CellDetailsCsv.FILE)).get("38_thyroid|KNN|unsup|2")
                .fitCpuSeconds());
        String methods = Files.readString(target.resolve(MethodConfigurations.FILE_NAME), StandardCharsets.UTF_8);
        assertTrue(methods.contains("IForest\ttrees=50 "), methods);

        // Merging again adds nothing.
        assertEquals(new ResultsMerge.Outcome(0, 6), ResultsMerge.merge(target, List.of(a, b, c)));
        assertEquals(5, cells(target).size());
    }

    @Test
    void anAddedCellBringsItsAnomalyMaps(@TempDir Path tmp) throws IOException {
        Path source = folder(tmp.resolve("source"), List.of(), ok("KNN", 0, 0.90), ok("KNN", 1, 0.91));
        Path maps = CellMaps.mapsFile(source, "38_thyroid", "KNN", 1);
        Files.createDirectories(maps.getParent());
        Files.write(maps, new byte[] {1, 2, 3});
        Files.write(maps.resolveSibling("KNN-seed1-scores.npy"), new byte[] {4, 5});
        Path target = tmp.resolve("target");

        ResultsMerge.merge(target, List.of(source));

        Path copied = CellMaps.mapsFile(target, "38_thyroid", "KNN", 1);
        try (var files = Files.list(copied.getParent())) {
            assertEquals(List.of("KNN-seed1-scores.npy", "KNN-seed1.npy"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(3, Files.size(copied));
    }

    @Test
    void refusesOtherParametersBeforeWritingAnything(@TempDir Path tmp) throws IOException {
        Path target = folder(tmp.resolve("target"), List.of("KNN.k=5"), ok("KNN", 0, 0.90));
        Path same = folder(tmp.resolve("same"), List.of(), ok("IForest", 0, 0.95));
        Path other = folder(tmp.resolve("other"), List.of("KNN.k=32"), ok("KNN", 1, 0.97));
        String before = Files.readString(target.resolve("results.csv"));

        String message = assertThrows(IllegalArgumentException.class,
                () -> ResultsMerge.merge(target, List.of(same, other))).getMessage();

        assertTrue(message.contains("holds results of KNN made with other parameters"), message);
        assertEquals(before, Files.readString(target.resolve("results.csv")));
        assertTrue(!Files.readString(target.resolve(MethodConfigurations.FILE_NAME)).contains("IForest"));

        // Also when every cell of the source is already there: they are other cells under the same keys.
        Path sameCells = folder(tmp.resolve("same-cells"), List.of("KNN.k=32"), ok("KNN", 0, 0.97));
        message = assertThrows(IllegalArgumentException.class,
                () -> ResultsMerge.merge(target, List.of(sameCells))).getMessage();
        assertTrue(message.contains("holds results of KNN made with other parameters"), message);

        Path otherToo = folder(tmp.resolve("other-too"), List.of("KNN.k=10"), ok("KNN", 2, 0.97));
        message = assertThrows(IllegalArgumentException.class,
                () -> ResultsMerge.merge(tmp.resolve("new"), List.of(other, otherToo))).getMessage();
        assertTrue(message.contains("KNN made with other parameters"), message);
    }

    @Test
    void refusesAFolderThatIsNotResultsOrIsTheTarget(@TempDir Path tmp) throws IOException {
        Path target = folder(tmp.resolve("target"), List.of(), ok("KNN", 0, 0.90));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        String message = assertThrows(InputException.class, () -> ResultsMerge.merge(target, List.of(empty)))
                .getMessage();
        assertTrue(message.contains("no results.csv"), message);
        assertThrows(InputException.class, () -> ResultsMerge.merge(target, List.of(target)));
    }

    @Test
    void refusesATargetThatABenchmarkIsWriting(@TempDir Path tmp) throws IOException {
        Path target = folder(tmp.resolve("target"), List.of(), ok("KNN", 0, 0.90));
        Path source = folder(tmp.resolve("source"), List.of(), ok("KNN", 1, 0.91));
        try (ResultsLog running = ResultsLog.open(target.resolve("results.csv"))) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> ResultsMerge.merge(target, List.of(source))).getMessage();
            assertTrue(message.contains("in use by another benchmark run"), message);
        }
    }
}
