package dtad.io;

import static dtad.io.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading real users' tables: id, label and dropped columns, delimiters, gzip, no header, names. */
class TableReadingTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path gzip(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return path;
    }

    @Test
    void carriesAnIdColumnAndDropsColumnsByName() {
        Path csv = file("t.csv", "txn_id,amount,note,age,is_fraud\nTX000000,1.5,7,30,0\n\"TX,1\",2.5,8,,1\n");
        DataTable table = DataFiles.readTable(csv, ReadOptions.DEFAULTS.withIdColumn("txn_id")
                .withDropColumns(List.of("note")).withLabelColumn("is_fraud"));

        assertEquals(List.of("amount", "age"), table.featureNames());
        assertEquals(List.of("TX000000", "TX,1"), table.ids());
        assertArrayEquals(new int[] {0, 1}, table.data().labels());
        assertArrayEquals(new double[] {1.5, 30, 2.5, Double.NaN}, table.data().x().values());
        assertArrayEquals(new int[] {0, 1}, table.missingPerColumn());
    }

    @Test
    void refusesUnknownOrTwiceNamedColumns() {
        Path csv = file("u.csv", "a,b\n1,2\n");
        assertRefused(csv.toString(), () -> DataFiles.readTable(csv, ReadOptions.DEFAULTS.withDropColumns(List.of("c"))),
                "no column named 'c' for --drop-columns; columns: 'a', 'b'");
        assertRefused(csv.toString(), () -> DataFiles.readTable(csv,
                ReadOptions.DEFAULTS.withIdColumn("a").withDropColumns(List.of("a"))), "named twice");
        assertRefused(csv.toString(), () -> DataFiles.readTable(csv,
                ReadOptions.DEFAULTS.withDropColumns(List.of("a", "b"))), "no feature columns left");
    }

    @Test
    void anIdColumnWithoutTheOptionNamesTheFixes() {
        Path csv = file("ids.csv", "txn_id,amount\nTX000000,1\n");
        assertRefused(csv.toString(), () -> DataFiles.read(csv, null),
                "not a number in column 'txn_id': 'TX000000' (an identifier? use --id-column txn_id;"
                        + " not wanted? use --drop-columns txn_id)");
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t", "|"})
    void detectsTheDelimiterFromTheHeader(String delimiter) {
        Path csv = file("d.csv", String.join(delimiter, "a", "b", "y") + "\n" + String.join(delimiter, "1.5", "2", "1")
                + "\n" + String.join(delimiter, "3", "", "0") + "\n");
        DataTable table = DataFiles.readTable(csv, ReadOptions.labelled("y"));

        assertEquals(List.of("a", "b"), table.featureNames());
        assertArrayEquals(new double[] {1.5, 2, 3, Double.NaN}, table.data().x().values());
    }

    @Test
    void aTsvFileIsTabSeparatedAndAGivenDelimiterWins() {
        // A comma inside a tab-separated header must not be taken for the delimiter.
        Path tsv = file("t.tsv", "a,1\tb,2\tc,3\n1\t2\t3\n");
        assertEquals(List.of("a,1", "b,2", "c,3"), DataFiles.readTable(tsv, ReadOptions.DEFAULTS).featureNames());
        Path semi = file("s.csv", "a;b,c\n1;25\n");
        assertEquals(List.of("a", "b,c"), DataFiles.readTable(semi, ReadOptions.DEFAULTS.withDelimiter(';')).featureNames());
    }

    @Test
    void readsGzipByExtensionAndByMagicBytes() throws IOException {
        String text = "a\tb\n1\t2\n";
        assertArrayEquals(new double[] {1, 2}, DataFiles.readTable(gzip("g.tsv.gz", text), ReadOptions.DEFAULTS)
                .data().x().values());
        Path csvGz = gzip("g.csv.gz", "a,b\n3,4\n");
        DataTable table = DataFiles.readTable(csvGz, ReadOptions.DEFAULTS);
        assertArrayEquals(new double[] {3, 4}, table.data().x().values());
        assertEquals("g", table.data().name());
        // Compressed content under a plain .csv name is still read.
        Path disguised = dir.resolve("plain.csv");
        Files.move(gzip("x.gz", "a,b\n5,6\n"), disguised);
        assertArrayEquals(new double[] {5, 6}, DataFiles.read(disguised, null).x().values());
    }

    @Test
    void withoutAHeaderTheFirstRowIsDataAndColumnsAreNumberedFromOne() {
        Path csv = file("n.csv", "1,2,0\n3,4,1\n");
        DataTable table = DataFiles.readTable(csv, ReadOptions.DEFAULTS.withHeader(false).withLabelColumn("x3"));

        assertEquals(2, table.data().x().rows());
        assertEquals(List.of("x1", "x2"), table.featureNames());
        assertArrayEquals(new int[] {0, 1}, table.data().labels());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true/false", "TRUE/FALSE", "True/False"})
    void readsBooleanLabels(String spelling) {
        String[] words = spelling.split("/");
        Path csv = file("b.csv", "a,label\n1," + words[1] + "\n2," + words[0] + "\n");
        assertArrayEquals(new int[] {0, 1}, DataFiles.read(csv, "label").labels());
    }

    @Test
    void refusesBinaryContentWithoutEchoingIt() throws IOException {
        Path csv = dir.resolve("bin.csv");
        Files.write(csv, new byte[] {'a', ',', 'b', '\n', 0, 1, (byte) 0x9b, 0x1b, '[', '2', 'J'});
        String message = assertRefused(csv.toString(), () -> DataFiles.read(csv, null), "not a UTF-8 text file");
        assertEquals(-1, message.indexOf('\u001b'), message);
        Path nul = dir.resolve("nul.csv");
        Files.write(nul, new byte[] {'a', ',', 'b', '\n', '1', ',', 0, '\n'});
        assertRefused(nul.toString(), () -> DataFiles.read(nul, null), "not a text file (a NUL character at character 7");
    }

    @Test
    void columnOptionsAreRefusedForNumpyFiles() {
        Path npy = dir.resolve("a.npy");
        assertRefused(npy.toString(), () -> DataFiles.readTable(npy, ReadOptions.DEFAULTS.withIdColumn("id")),
                "apply to files with named columns");
        assertRefused(npy.toString(), () -> DataFiles.readTable(npy, ReadOptions.DEFAULTS.withHeader(false)),
                "apply to CSV and TSV files only");
    }

    @Test
    void alignsColumnsToTheModelByNameAndRefusesAMismatch() {
        Path csv = file("o.csv", "b,a,c\n2,1,3\n5,4,6\n");
        DataTable table = DataFiles.readTable(csv, ReadOptions.DEFAULTS);

        DataTable aligned = table.alignTo(List.of("a", "b", "c"), csv.toString());
        assertEquals(List.of("a", "b", "c"), aligned.featureNames());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, aligned.data().x().values());
        assertRefused(csv.toString(), () -> table.alignTo(List.of("a", "b", "d"), csv.toString()),
                "missing: 'd'; not in the model: 'c'");
        // Without names on one side, only the count is checked.
        assertEquals(table, table.alignTo(null, csv.toString()));
    }
}
