package dtad.bench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellDetailsCsvTest {

    @Test
    void detailsRoundTripWithEmptyFieldsForWhatWasNotMeasured(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(CellDetailsCsv.FILE);
        CellDetails maps = new CellDetails("textures-64|ImageDiT|one-class|0", 0.9734452430257059, 0.95, 100, 848.5, 61.25, 44.5);
        CellDetails memoryOnly = CellDetails.none("a,b|IForest|one-class|1").withPeakRssMib(101.75);
        CellDetailsCsv.append(file, maps);
        CellDetailsCsv.append(file, memoryOnly);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(CellDetailsCsv.HEADER + "\n"), text);
        assertTrue(text.contains("\"a,b\",IForest,one-class,1,,,0,101.75,,\n"), text);
        Map<String, CellDetails> read = CellDetailsCsv.read(file);
        assertEquals(maps, read.get(maps.key()));
        assertEquals(memoryOnly.key(), read.get(memoryOnly.key()).key());
        assertTrue(Double.isNaN(read.get(memoryOnly.key()).pixelAucRoc()));
        assertEquals(101.75, read.get(memoryOnly.key()).peakRssMib());
    }

    @Test
    void aLaterLineOfACellWinsAndAnUnterminatedLastLineIsIgnored(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(CellDetailsCsv.FILE);
        CellDetailsCsv.append(file, CellDetails.none("d|M|one-class|0").withPeakRssMib(1));
        CellDetailsCsv.append(file, CellDetails.none("d|M|one-class|0").withPeakRssMib(2));
        Files.writeString(file, "d,N,one-class,0,,,0,3,,", java.nio.file.StandardOpenOption.APPEND);
        Map<String, CellDetails> read = CellDetailsCsv.read(file);
        assertEquals(1, read.size());
        assertEquals(2.0, read.get("d|M|one-class|0").peakRssMib());
    }

    /** The first version of the file had no CPU columns (docs/image-scalability/report-32 holds one). */
    @Test
    void aFileWithoutTheCpuColumnsIsReadAndUpgradedBeforeAnAppend(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(CellDetailsCsv.FILE);
        Files.writeString(file, CellDetailsCsv.HEADER_WITHOUT_CPU + "\n"
                + "textures-32,ImageDiT,one-class,0,0.9852810134626423,0.9581119650758357,100,1338.08984375\n");
        CellDetails old = CellDetailsCsv.read(file).get("textures-32|ImageDiT|one-class|0");
        assertEquals(0.9852810134626423, old.pixelAucRoc());
        assertEquals(1338.08984375, old.peakRssMib());
        assertTrue(Double.isNaN(old.fitCpuSeconds()) && Double.isNaN(old.scoreCpuSeconds()));
        CellDetails fresh = new CellDetails("textures-32|IForest|one-class|0", Double.NaN, Double.NaN, 0, 134, 1.5, 0.25);
        CellDetailsCsv.append(file, fresh);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(CellDetailsCsv.HEADER + "\n"), text);
        Map<String, CellDetails> read = CellDetailsCsv.read(file);
        assertEquals(old, read.get(old.key()));
        assertEquals(fresh, read.get(fresh.key()));
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(CellDetailsCsv.FILE);
        Files.writeString(file, "something else\n");
        InputException e = assertThrows(InputException.class, () -> CellDetailsCsv.read(file));
        assertTrue(e.getMessage().startsWith(file + ": line 1"), e.getMessage());
    }

    @Test
    void noFileMeansNoDetails(@TempDir Path dir) throws IOException {
        assertTrue(CellDetailsCsv.read(dir.resolve(CellDetailsCsv.FILE)).isEmpty());
    }
}
