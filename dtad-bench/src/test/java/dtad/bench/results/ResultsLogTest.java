package dtad.bench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsLogTest {

    @Test
    void aNewFileStartsWithTheHeaderAndKeepsAppendedRows(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out/results.csv");
        try (ResultsLog log = ResultsLog.open(file)) {
            assertTrue(log.existingRows().isEmpty());
            log.append(ResultsCsvTest.OK);
        }
        assertEquals(ResultRow.HEADER + "\n" + ResultsCsv.format(ResultsCsvTest.OK) + "\n", Files.readString(file));
        try (ResultsLog log = ResultsLog.open(file)) {
            assertEquals(List.of(ResultsCsvTest.OK), log.existingRows());
            assertFalse(log.repaired());
            log.append(ResultsCsvTest.FAILED);
        }
        assertEquals(2, ResultsCsv.read(file).size());
    }

    @Test
    void anUnterminatedLastLineLeftByAKilledRunIsCutOff(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.csv");
        String complete = ResultRow.HEADER + "\n" + ResultsCsv.format(ResultsCsvTest.OK) + "\n";
        Files.writeString(file, complete + "6_cardio,KNN,se", StandardCharsets.UTF_8);
        try (ResultsLog log = ResultsLog.open(file)) {
            assertTrue(log.repaired());
            assertEquals(1, log.existingRows().size());
            assertEquals(complete, Files.readString(file), "the remnant is gone before anything is appended");
            log.append(ResultsCsvTest.FAILED);
        }
        List<ResultRow> rows = ResultsCsv.read(file);
        assertEquals(2, rows.size());
        assertEquals(ResultsCsvTest.FAILED.key(), rows.get(1).key());
    }

    @Test
    void aHalfWrittenHeaderIsReplacedByTheHeader(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "dataset,meth");
        try (ResultsLog log = ResultsLog.open(file)) {
            assertTrue(log.repaired());
        }
        assertEquals(ResultRow.HEADER + "\n", Files.readString(file));
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFileIsOpen(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.csv");
        try (ResultsLog log = ResultsLog.open(file)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsLog.open(file));
            assertTrue(e.getMessage().contains("in use by another benchmark run"), e.getMessage());
        }
        ResultsLog.open(file).close();
    }
}
