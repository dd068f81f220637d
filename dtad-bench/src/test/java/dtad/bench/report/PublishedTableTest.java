package dtad.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedTableTest {
    private static final String TABLE = """
            file,dataset,IForest,DTE-NP,KNN
            38_thyroid,thyroid,98.96±0.2,98.63±0.04,
            4_breastw,breastw, 99.5 ± 0.08 ,-,99.05+-0.26
            4_breastw,breastw,1±1,1±1,1±1
            "MVTec-AD (average, all)",MVTec-AD,80.5±1.0,81,NaN
            """;

    @Test
    void readsMeanPlusMinusStdCells() {
        PublishedTable t = PublishedTable.parse(TABLE, "t.csv");
        assertEquals(List.of("IForest", "DTE-NP", "KNN"), t.methods());
        MeanStd v = t.value("38_thyroid", "IForest").orElseThrow();
        assertEquals(98.96, v.mean(), 1e-12);
        assertEquals(0.2, v.std(), 1e-12);
        assertEquals(new MeanStd(99.5, 0.08), t.value("4_breastw", "IForest").orElseThrow());
        assertEquals(new MeanStd(99.05, 0.26), t.value("4_breastw", "KNN").orElseThrow(), "+- is read as ±");
        assertEquals(new MeanStd(81, 0), t.value("MVTec-AD (average, all)", "DTE-NP").orElseThrow(),
                "a bare mean has no spread; a quoted name may hold a comma");
    }

    @Test
    void emptyDashAndNanCellsAreNotPublished() {
        PublishedTable t = PublishedTable.parse(TABLE, "t.csv");
        assertTrue(t.value("38_thyroid", "KNN").isEmpty());
        assertTrue(t.value("4_breastw", "DTE-NP").isEmpty());
        assertTrue(t.value("MVTec-AD (average, all)", "KNN").isEmpty());
        assertTrue(t.value("12_fault", "IForest").isEmpty(), "an unlisted dataset");
    }

    @Test
    void datasetsMatchTheFileColumnAndMethodsTheirColumnIgnoringCase() {
        PublishedTable t = PublishedTable.parse(TABLE, "t.csv");
        assertTrue(t.hasDataset("38_THYROID"));
        assertFalse(t.hasDataset("thyroid"), "the display name is not matched");
        assertEquals("DTE-NP", t.method("dte-np").orElseThrow());
        assertEquals("IForest", t.method("IFOREST").orElseThrow());
        assertTrue(t.method("LOF").isEmpty());
        assertTrue(t.value("38_Thyroid", "IForest").isPresent());
    }

    @Test
    void theFirstRowOfARepeatedFileCounts() {
        PublishedTable t = PublishedTable.parse(TABLE, "t.csv");
        assertEquals(99.5, t.value("4_breastw", "IForest").orElseThrow().mean(), 1e-12);
    }

    @Test
    void refusesAMalformedCellNamingLineAndColumn() {
        InputException e = assertThrows(InputException.class,
                () -> PublishedTable.parse("file,IForest\n38_thyroid,9x±1\n", "t.csv"));
        assertEquals("t.csv: line 2, column IForest: '9x±1' is not mean±std", e.getMessage());
    }

    @Test
    void refusesATableWithoutAFileColumnOrWithRaggedRows() {
        assertThrows(InputException.class, () -> PublishedTable.parse("dataset,IForest\nx,1±1\n", "t.csv"));
        InputException e = assertThrows(InputException.class,
                () -> PublishedTable.parse("file,IForest\nx,1±1,2\n", "t.csv"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(InputException.class, () -> PublishedTable.parse("", "t.csv"));
    }

    @Test
    void refusesAMissingFile(@org.junit.jupiter.api.io.TempDir Path dir) {
        InputException e = assertThrows(InputException.class, () -> PublishedTable.read(dir.resolve("none.csv")));
        assertTrue(e.getMessage().contains("none.csv"), e.getMessage());
    }

    @Test
    void readsThePublishedDtePaperTable() throws Exception {
        Path file = SharedData.referenceFile("dte_paper_semi_aucroc.csv");
        PublishedTable t = PublishedTable.read(file);
        assertEquals(26, t.methods().size());
        assertEquals(new MeanStd(99.5, 0.08), t.value("4_breastw", "IForest").orElseThrow());
        assertEquals(new MeanStd(99.28, 0.12), t.value("4_breastw", "DTE-NP").orElseThrow());
        assertTrue(t.hasDataset("38_thyroid"));
    }
}
