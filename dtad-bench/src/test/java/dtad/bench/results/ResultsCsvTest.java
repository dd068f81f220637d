package dtad.bench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {
    static final ResultRow OK = new ResultRow("6_cardio", "KNN", "semi", 3, 0.9312, 0.5, 0.25, 0.125, 0.0625,
            915, 1000, 21, ResultRow.Status.OK, "");
    static final ResultRow FAILED = new ResultRow("toy, \"quoted\"", "DTE-C", "unsup", 0, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, 1000, 1000, 4, ResultRow.Status.FAILED,
            "IllegalStateException: boom, \"really\"\nsecond line");

    @Test
    void rowsRoundTripThroughTheirCsvLine() {
        assertEquals(OK, ResultsCsv.parseRow(ResultsCsv.format(OK)));
        ResultRow back = ResultsCsv.parseRow(ResultsCsv.format(FAILED));
        assertEquals("toy, \"quoted\"", back.dataset());
        assertEquals("IllegalStateException: boom, \"really\" second line", back.error());
        assertTrue(Double.isNaN(back.aucRoc()) && Double.isNaN(back.f1()));
        assertEquals(ResultRow.Status.FAILED, back.status());
    }

    @Test
    void aFailedCellHasNoNumberInItsMetricColumns() {
        String line = ResultsCsv.format(FAILED);
        assertTrue(line.contains(",unsup,0,,,,,,1000,1000,4,failed,"), line);
        assertFalse(line.contains("NaN"), line);
        assertFalse(line.contains("\n"), "one physical line");
    }

    @Test
    void readsAFileWithTheHeaderAndIgnoresAnUnterminatedLastLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.csv");
        String text = ResultRow.HEADER + "\n" + ResultsCsv.format(OK) + "\n" + ResultsCsv.format(FAILED) + "\n"
                + ResultsCsv.format(OK).substring(0, 20);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<ResultRow> rows = ResultsCsv.read(file);
        assertEquals(2, rows.size());
        assertEquals(OK, rows.get(0));
        assertEquals(FAILED.key(), rows.get(1).key());
    }

    @Test
    void refusesAFileThatIsNotAResultsFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("other.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n");
        InputException e = assertThrows(InputException.class, () -> ResultsCsv.read(file));
        assertTrue(e.getMessage().contains("line 1 is not the results header"), e.getMessage());

        Files.writeString(file, ResultRow.HEADER + "\n" + ResultsCsv.format(OK) + "\nx,KNN,semi,zero,,,,,,1,1,1,ok,\n");
        InputException bad = assertThrows(InputException.class, () -> ResultsCsv.read(file));
        assertTrue(bad.getMessage().contains("line 3: seed is not an integer: 'zero'"), bad.getMessage());

        Files.writeString(file, ResultRow.HEADER + "\nx,KNN,semi,0,,,,,,1,1,1,maybe,\n");
        assertTrue(assertThrows(InputException.class, () -> ResultsCsv.read(file)).getMessage()
                .contains("status must be ok or failed"));
    }

    @Test
    void numbersAreWrittenSoTheyReadBackExactly() {
        ResultRow row = new ResultRow("d", "m", "semi", 1, 1.0 / 3, 2.0 / 3, 1e-7, 12345.678, 0.1 + 0.2, 1, 2, 3,
                ResultRow.Status.OK, "");
        assertEquals(row, ResultsCsv.parseRow(ResultsCsv.format(row)));
    }

    @Test
    void theLatestRowOfACellCountsInFirstAppearanceOrder() {
        ResultRow other = new ResultRow("other", OK.method(), OK.setting(), OK.seed(), 0.5, 0.5, 0.5, 1, 1,
                OK.nTrain(), OK.nTest(), OK.dim(), ResultRow.Status.OK, "");
        ResultRow retried = new ResultRow(FAILED.dataset(), FAILED.method(), FAILED.setting(), FAILED.seed(), 0.75,
                0.5, 0.5, 1, 1, FAILED.nTrain(), FAILED.nTest(), FAILED.dim(), ResultRow.Status.OK, "");
        assertEquals(List.of(retried, other), ResultsCsv.latestPerCell(List.of(FAILED, other, retried)));
    }
}
