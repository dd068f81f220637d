package dtad.io;

import static dtad.io.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dtad.data.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path csv(String text) {
        try {
            return Files.writeString(dir.resolve("data.csv"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsFeaturesAndALabelColumnAnywhere() {
        Dataset data = CsvReader.read(csv("a,label,b\n1,0,2\n3.5,1,-4e2\n"), "label");

        assertEquals("data", data.name());
        assertEquals(2, data.x().rows());
        assertEquals(2, data.x().columns());
        assertArrayEquals(new double[] {1, 2, 3.5, -400}, data.x().values());
        assertArrayEquals(new int[] {0, 1}, data.labels());
    }

    @Test
    void readsAllColumnsAsFeaturesWithoutALabelColumn() {
        Dataset data = CsvReader.read(csv("a,label\n1,0\n2,1\n"), null);

        assertNull(data.labels());
        assertArrayEquals(new double[] {1, 0, 2, 1}, data.x().values());
    }

    @Test
    void readsMissingValuesAsNaN() {
        Dataset data = CsvReader.read(csv("a,b,c,d,e\n,NA,NaN,nan, \n"), null);

        for (double value : data.x().values()) {
            assertEquals(Double.NaN, value);
        }
    }

    @Test
    void readsNumbersInEveryDecimalSpelling() {
        Dataset data = CsvReader.read(csv("a,b,c,d,e,f\n+1,-0.5,.25,1E3,2e-3, 7 \n"), null);

        assertArrayEquals(new double[] {1, -0.5, 0.25, 1000, 0.002, 7}, data.x().values());
    }

    @Test
    void handlesCrlfLineEndingsAndByteOrderMark() {
        Dataset data = CsvReader.read(csv("\uFEFFa,y\r\n1,1\r\n2,0\r\n"), "y");

        assertArrayEquals(new double[] {1, 2}, data.x().values());
        assertArrayEquals(new int[] {1, 0}, data.labels());
    }

    @Test
    void handlesQuotedHeadersAndFields() {
        Dataset data = CsvReader.read(csv("\"size, cm\",\"the \"\"label\"\"\"\n\"1.5\",\"1\"\n"), "the \"label\"");

        assertArrayEquals(new double[] {1.5}, data.x().values());
        assertArrayEquals(new int[] {1}, data.labels());
    }

    @Test
    void readsWithoutFinalNewlineAndSkipsBlankLines() {
        Dataset data = CsvReader.read(csv("a,b\n\n1,2\n   \n3,4"), null);

        assertArrayEquals(new double[] {1, 2, 3, 4}, data.x().values());
    }

    @Test
    void readsASingleColumn() {
        Dataset data = CsvReader.read(csv("a\n1\n2\n"), null);

        assertEquals(1, data.x().columns());
        assertEquals(2, data.x().rows());
    }

    // ---- refusals ----

    @Test
    void refusesNonNumericCellWithItsPosition() {
        Path file = csv("a,b\n1,2\n3,abc\n");
        assertRefused(file.toString(), () -> CsvReader.read(file, null),
                file + ": line 3, column 2 (from 1): not a number in column 'b': 'abc'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x10", "1.5f", "2d", "1,5.5.5", "--1", "1e", "N/A"})
    void refusesCellsThatAreNotDecimalNumbers(String cell) {
        Path file = csv("a\n" + (cell.contains(",") ? "\"" + cell + "\"" : cell) + "\n");
        assertRefused(file.toString(), () -> CsvReader.read(file, null), file + ": line 2, column 1 (from 1): not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "Infinity", "-inf", "+Infinity", "INF", "1e999", "-1e999"})
    void refusesInfiniteValuesWithTheirPosition(String cell) {
        Path file = csv("a,b\n1,2\n3," + cell + "\n");
        assertRefused(file.toString(), () -> CsvReader.read(file, null),
                file + ": line 3, column 2 (from 1): infinite value in column 'b': '" + cell + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "-1", "0.5", "nan", "NA", "yes"})
    void refusesLabelsOtherThanZeroOrOne(String label) {
        Path file = csv("a,y\n1,0\n2," + label + "\n");
        assertRefused(file.toString(), () -> CsvReader.read(file, "y"), file + ": line 3, column 2 (from 1): ");
    }

    @Test
    void refusesLabelOfTwoNamingIt() {
        Path file = csv("a,y\n1,0\n2,2\n");
        assertRefused(file.toString(), () -> CsvReader.read(file, "y"),
                file + ": line 3, column 2 (from 1): labels in column 'y' must be 0 or 1 (or true or false), found '2'");
    }

    @Test
    void refusesEmptyLabel() {
        Path file = csv("a,y\n1,\n");
        assertRefused(file.toString(), () -> CsvReader.read(file, "y"), file + ": line 2, column 2 (from 1):", "found an empty cell");
    }

    @Test
    void refusesRowsWithTooFewOrTooManyFields() {
        Path few = csv("a,b,c\n1,2,3\n4,5\n");
        assertRefused(few.toString(), () -> CsvReader.read(few, null),
                few + ": line 3, column 3 (from 1): row has 2 fields, the header has 3");
        Path many = csv("a,b\n1,2\n\n4,5,6\n");
        assertRefused(many.toString(), () -> CsvReader.read(many, null),
                many + ": line 4, column 3 (from 1): row has 3 fields, the header has 2");
    }

    @Test
    void refusesEmptyFile() {
        Path file = csv("");
        assertRefused(file.toString(), () -> CsvReader.read(file, null), "file is empty");
    }

    @Test
    void refusesFileOfBlankLines() {
        Path file = csv("\uFEFF\n\n  \n");
        assertRefused(file.toString(), () -> CsvReader.read(file, null), "file is empty (no header row)");
    }

    @Test
    void refusesHeaderOnlyFile() {
        Path file = csv("a,b\r\n");
        assertRefused(file.toString(), () -> CsvReader.read(file, null), file + ": line 2 (from 1): no data rows after the header");
    }

    @Test
    void refusesUnknownLabelColumnListingTheColumns() {
        Path file = csv("a,b,class\n1,2,0\n");
        assertRefused(file.toString(), () -> CsvReader.read(file, "label"),
                file + ": line 1 (from 1): no column named 'label' for the labels; columns: 'a', 'b', 'class'");
    }

    @Test
    void refusesDuplicateColumnNames() {
        Path file = csv("a,b,a\n1,2,3\n");
        assertRefused(file.toString(), () -> CsvReader.read(file, null),
                file + ": line 1, column 3 (from 1): duplicate column name 'a' (also column 1)");
    }

    @Test
    void refusesALabelColumnWithoutFeatures() {
        Path file = csv("y\n1\n");
        assertRefused(file.toString(), () -> CsvReader.read(file, "y"), "no feature columns");
    }

    @Test
    void refusesUnterminatedQuote() {
        Path file = csv("a,b\n1,\"2\n3,4\n");
        assertRefused(file.toString(), () -> CsvReader.read(file, null), file + ": line 2, column 2 (from 1): unterminated quoted field");
    }

    @Test
    void refusesTextAfterClosingQuote() {
        Path file = csv("a,b\n1,\"2\"x\n");
        assertRefused(file.toString(), () -> CsvReader.read(file, null), file + ": line 2, column 2 (from 1): unexpected text after");
    }

    @Test
    void countsPhysicalLinesAcrossQuotedLineBreaks() {
        Path file = csv("\"a\nb\",c\n1,2\n1,x\n");
        assertRefused(file.toString(), () -> CsvReader.read(file, null), file + ": line 4, column 2 (from 1): not a number");
    }

    @Test
    void refusesMissingFile() {
        Path file = dir.resolve("nothing.csv");
        assertRefused(file.toString(), () -> CsvReader.read(file, null), "file not found");
    }
}
