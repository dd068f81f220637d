package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    private static void writeResults(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder(ResultRow.HEADER).append('\n');
        for (String method : new String[] {"IForest", "KNN"}) {
            for (int seed = 0; seed < 2; seed++) {
                csv.append(ResultsCsv.format(new ResultRow("38_thyroid", method, "semi", seed, 0.9 + 0.01 * seed, 0.5,
                        0.4, 0.2, 0.01, 1839, 1933, 6, ResultRow.Status.OK, ""))).append('\n');
            }
        }
        Files.writeString(dir.resolve("results.csv"), csv);
    }

    @Test
    void rebuildsTheReportFromResultsCsv(@TempDir Path dir) throws Exception {
        writeResults(dir);
        Path reference = dir.resolve("paper.csv");
        Files.writeString(reference, "file,dataset,IForest,KNN\n38_thyroid,thyroid,98.96±0.2,98.68±0.0\n");
        CommandRun run = CommandRun.of("report", dir.toString(), "--reference", reference.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.size(dir.resolve("report.html")) > 10_000);
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("compared with the published table"));
        assertTrue(Files.exists(dir.resolve("plots").resolve("semi-aucroc-box.png")));
        assertTrue(run.out().contains("report.html"), run.out());
    }

    @Test
    void missingResultsIsAOneLineUserError(@TempDir Path dir) {
        CommandRun run = CommandRun.of("report", dir.toString());
        assertTrue(run.isOneLineUserError(), run.err());
        assertTrue(run.err().contains("results.csv"), run.err());
    }

    @Test
    void malformedResultsIsAOneLineUserError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("results.csv"), "dataset,method\n38_thyroid,IForest\n");
        CommandRun run = CommandRun.of("report", dir.toString());
        assertTrue(run.isOneLineUserError(), run.err());
        assertTrue(run.err().contains("results.csv"), run.err());

        Files.writeString(dir.resolve("results.csv"), ResultRow.HEADER + "\n38_thyroid,IForest,semi,zero\n");
        run = CommandRun.of("report", dir.toString());
        assertTrue(run.isOneLineUserError(), run.err());
        assertTrue(run.err().contains("line 2"), run.err());
    }

    @Test
    void missingOrMalformedReferenceIsAOneLineUserError(@TempDir Path dir) throws Exception {
        writeResults(dir);
        CommandRun run = CommandRun.of("report", dir.toString(), "--reference", dir.resolve("none.csv").toString());
        assertTrue(run.isOneLineUserError(), run.err());
        assertTrue(run.err().contains("none.csv"), run.err());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "file,IForest\n38_thyroid,high\n");
        run = CommandRun.of("report", dir.toString(), "--reference", bad.toString());
        assertTrue(run.isOneLineUserError(), run.err());
        assertTrue(run.err().contains("bad.csv"), run.err());
    }

    @Test
    void helpDescribesTheCommandCleanly() {
        CommandRun run = CommandRun.of("report", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--reference=CSV") && run.out().contains("mean±std in %"), run.out());
        assertEquals("", run.err(), "no picocli warning");
    }

    @Test
    void withoutAFolderItIsAUsageError() {
        CommandRun run = CommandRun.of("report");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("dtad: "), run.err());
    }
}
