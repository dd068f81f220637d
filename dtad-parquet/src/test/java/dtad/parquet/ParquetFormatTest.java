package dtad.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.io.DataFiles;
import dtad.io.DataTable;
import dtad.io.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parquet files written here with Apache Parquet itself (Snappy, as pandas writes them), read back through DataFiles. */
class ParquetFormatTest {
    @TempDir
    Path dir;

    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message transactions {"
            + " required binary txn_id (STRING); optional double amount; optional int64 age; required float rate;"
            + " required boolean is_fraud; optional binary note (STRING); }");

    private Path write(String name, int rows) throws IOException {
        return write(name, rows, CompressionCodecName.SNAPPY);
    }

    private Path write(String name, int rows, CompressionCodecName codec) throws IOException {
        Path file = dir.resolve(name);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(SCHEMA)
                .withCompressionCodec(codec).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
            for (int i = 0; i < rows; i++) {
                Group g = groups.newGroup().append("txn_id", "TX" + i).append("rate", 0.5f * i).append("is_fraud", i == 2);
                if (i != 1) {
                    g.append("amount", 10.0 + i);
                }
                if (i != 0) {
                    g.append("age", 30L + i);
                }
                g.append("note", "n" + i);
                writer.write(g);
            }
        }
        return file;
    }

    @Test
    void readsNumbersNullsBooleanLabelsAndIds() throws IOException {
        Path file = write("t.parquet", 3);
        DataTable table = DataFiles.readTable(file, ReadOptions.DEFAULTS.withIdColumn("txn_id")
                .withLabelColumn("is_fraud").withDropColumns(List.of("note")));

        assertEquals("parquet", table.dtype());
        assertEquals(List.of("amount", "age", "rate"), table.featureNames());
        assertEquals(List.of("TX0", "TX1", "TX2"), table.ids());
        assertArrayEquals(new int[] {0, 0, 1}, table.data().labels());
        assertArrayEquals(new double[] {10, Double.NaN, 0, Double.NaN, 31, 0.5, 12, 32, 1}, table.data().x().values());
        assertEquals("t", table.data().name());
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
    void readsEveryCommonCodec(CompressionCodecName codec) throws IOException {
        Path file = write("c.parquet", 3, codec);
        DataTable table = DataFiles.readTable(file, ReadOptions.DEFAULTS.withIdColumn("txn_id")
                .withLabelColumn("is_fraud").withDropColumns(List.of("note")));
        assertArrayEquals(new double[] {10, Double.NaN, 0, Double.NaN, 31, 0.5, 12, 32, 1}, table.data().x().values());
    }

    @Test
    void aTextColumnLeftAsAFeatureIsRefusedByName() throws IOException {
        Path file = write("t.parquet", 2);
        InputException e = assertThrows(InputException.class, () -> DataFiles.read(file, "is_fraud"));
        assertTrue(e.getMessage().startsWith(file + ": column 'txn_id' holds text"), e.getMessage());
        assertTrue(e.getMessage().contains("--id-column txn_id"), e.getMessage());
    }

    @Test
    void aDamagedFileIsOneLineRefusal() throws IOException {
        Path file = Files.write(dir.resolve("bad.parquet"), "PAR1 this is not parquet".getBytes());
        InputException e = assertThrows(InputException.class, () -> DataFiles.read(file, null));
        assertTrue(e.getMessage().startsWith(file + ": not a readable Parquet file"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
