package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

/** A new user's own file: an id column, a label column, missing cells, columns in another order. */
class RealFilesTest {
    @TempDir
    Path dir;

    /** txn_id, amount, age, is_fraud: 200 rows, some amounts and ages missing, the last rows frauds. */
    private Path transactions(String name, boolean shuffled) throws IOException {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        lines.add(shuffled ? "age,is_fraud,txn_id,amount" : "txn_id,amount,age,is_fraud");
        for (int i = 0; i < 200; i++) {
            boolean fraud = i >= 190;
            String amount = i % 20 == 3 ? "" : String.valueOf(fraud ? 500 + i : 20 + random.nextGaussian() * 5);
            String age = i % 50 == 4 ? "" : String.valueOf(30 + random.nextInt(30));
            String id = "TX" + String.format("%06d", i);
            String label = fraud ? "1" : "0";
            lines.add(shuffled ? String.join(",", age, label, id, amount) : String.join(",", id, amount, age, label));
        }
        return Files.write(dir.resolve(name), lines);
    }

    private CommandRun fit(Path train, String... extra) {
        List<String> args = new ArrayList<>(List.of("fit", "--method", "KNN", "--train", train.toString(),
                "--out", dir.resolve("model").toString()));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void anIdColumnIsCarriedIntoTheScoresAndNotFitted() throws IOException {
        Path data = transactions("tx.csv", false);
        CommandRun fit = fit(data, "--id-column", "txn_id", "--label-column", "is_fraud");
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.err().contains("200 rows x 2 features"), fit.err());

        Path scores = dir.resolve("scores.csv");
        CommandRun score = CommandRun.of("score", "--model", dir.resolve("model").toString(), "--data", data.toString(),
                "--id-column", "txn_id", "--label-column", "is_fraud", "--out", scores.toString());
        assertEquals(0, score.exitCode(), score.err());
        List<String> lines = Files.readAllLines(scores);
        assertEquals("txn_id,score", lines.get(0));
        assertTrue(lines.get(1).startsWith("TX000000,"), lines.get(1));
        assertTrue(lines.get(200).startsWith("TX000199,"), lines.get(200));
    }

    @Test
    void dropColumnsLeavesAColumnOut() throws IOException {
        CommandRun fit = fit(transactions("tx.csv", false), "--drop-columns", "txn_id,is_fraud");
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.err().contains("200 rows x 2 features"), fit.err());
    }

    @Test
    void anIdColumnLeftInIsAOneLineErrorNamingTheOptions() throws IOException {
        CommandRun fit = fit(transactions("tx.csv", false));
        assertTrue(fit.isOneLineUserError(), fit.err());
        assertTrue(fit.err().contains("--id-column txn_id"), fit.err());
    }

    @Test
    void warnsWhenALabelLookalikeIsFittedAsAFeature() throws IOException {
        CommandRun fit = fit(transactions("tx.csv", false), "--id-column", "txn_id");
        assertEquals(0, fit.exitCode(), fit.err());
        String warning = fit.err().lines().filter(l -> l.startsWith("Warning")).findFirst().orElse("");
        assertTrue(warning.contains("'is_fraud'") && warning.contains("--label-column is_fraud")
                && warning.contains("--drop-columns is_fraud"), fit.err());

        CommandRun clean = fit(transactions("tx2.csv", false), "--id-column", "txn_id", "--label-column", "is_fraud",
                "--force");
        assertFalse(clean.err().contains("Warning"), clean.err());
    }

    @Test
    void reportsTheImputedCellsPerColumn() throws IOException {
        CommandRun fit = fit(transactions("tx.csv", false), "--id-column", "txn_id", "--label-column", "is_fraud");
        // amounts: rows 3, 23, ..., 183 (10); ages: rows 4, 54, 104, 154 (4).
        assertTrue(fit.err().contains("Filled 14 missing cells with the training column mean: amount 10, age 4"), fit.err());
    }

    @Test
    void refusesAnAllEmptyColumnByName() throws IOException {
        Path csv = Files.writeString(dir.resolve("e.csv"), "a,empty\n1,\n2,\n3,\n");
        CommandRun fit = fit(csv);
        assertTrue(fit.isOneLineUserError(), fit.err());
        assertTrue(fit.err().contains("column 'empty' has no values"), fit.err());
    }

    @Test
    void scoringMatchesColumnsByNameAndRefusesAMismatch() throws IOException {
        Path data = transactions("tx.csv", false);
        assertEquals(0, fit(data, "--id-column", "txn_id", "--label-column", "is_fraud").exitCode());
        Path model = dir.resolve("model");

        CommandRun straight = CommandRun.of("score", "--model", model.toString(), "--data", data.toString(),
                "--id-column", "txn_id", "--label-column", "is_fraud", "--out", dir.resolve("a.csv").toString());
        CommandRun shuffled = CommandRun.of("score", "--model", model.toString(), "--data",
                transactions("shuffled.csv", true).toString(), "--id-column", "txn_id", "--label-column", "is_fraud",
                "--out", dir.resolve("b.csv").toString());
        assertEquals(0, straight.exitCode(), straight.err());
        assertEquals(0, shuffled.exitCode(), shuffled.err());
        assertEquals(Files.readAllLines(dir.resolve("a.csv")), Files.readAllLines(dir.resolve("b.csv")));

        Path renamed = Files.writeString(dir.resolve("r.csv"), "amount,weight\n1,2\n");
        CommandRun mismatch = CommandRun.of("score", "--model", model.toString(), "--data", renamed.toString(),
                "--out", dir.resolve("c.csv").toString());
        assertTrue(mismatch.isOneLineUserError(), mismatch.err());
        assertTrue(mismatch.err().contains("missing: 'age'; not in the model: 'weight'"), mismatch.err());

        CommandRun byPosition = CommandRun.of("score", "--model", model.toString(), "--data", renamed.toString(),
                "--by-position", "--out", dir.resolve("c.csv").toString());
        assertEquals(0, byPosition.exitCode(), byPosition.err());

        // A file without a header has no names of its own: its columns are taken by position.
        Path bare = Files.writeString(dir.resolve("bare.csv"), "1,2\n4,5\n");
        CommandRun headerless = CommandRun.of("score", "--model", model.toString(), "--data", bare.toString(),
                "--no-header", "--out", dir.resolve("d.csv").toString());
        assertEquals(0, headerless.exitCode(), headerless.err());
    }

    @Test
    void semicolonFilesNoHeaderAndBooleanLabelsAreRead() throws IOException {
        Path semi = Files.writeString(dir.resolve("s.csv"), "a;b;y\n1;2;false\n2;3;false\n3;1;true\n4;4;FALSE\n");
        CommandRun fit = fit(semi, "--label-column", "y", "--param", "k=2");
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.err().contains("4 rows x 2 features"), fit.err());

        Path bare = Files.writeString(dir.resolve("n.csv"), "1,2\n2,3\n3,1\n");
        CommandRun noHeader = CommandRun.of("fit", "--method", "KNN", "--param", "k=1", "--train", bare.toString(),
                "--no-header", "--out", dir.resolve("m2").toString());
        assertEquals(0, noHeader.exitCode(), noHeader.err());
        assertTrue(noHeader.err().contains("3 rows x 2 features"), noHeader.err());
    }

    @Test
    void fitsAndScoresAParquetFile() throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType(
                "message t { required binary id (STRING); optional double a; required int32 b; required boolean y; }");
        Path file = dir.resolve("t.parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (int i = 0; i < 20; i++) {
                Group g = new SimpleGroupFactory(schema).newGroup().append("id", "r" + i).append("b", i % 7)
                        .append("y", i == 19);
                if (i != 4) {
                    g.append("a", i == 19 ? 100.0 : i % 5);
                }
                writer.write(g);
            }
        }
        CommandRun info = CommandRun.of("info", file.toString(), "--label-column", "y", "--id-column", "id");
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("dtype      parquet") && info.out().contains("nan        1"), info.out());
        CommandRun fit = fit(file, "--label-column", "y", "--id-column", "id", "--param", "k=3");
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.err().contains("Filled 1 missing cell with the training column mean: a 1"), fit.err());
        Path scores = dir.resolve("p.csv");
        CommandRun score = CommandRun.of("score", "--model", dir.resolve("model").toString(), "--data", file.toString(),
                "--label-column", "y", "--id-column", "id", "--out", scores.toString());
        assertEquals(0, score.exitCode(), score.err());
        assertTrue(Files.readAllLines(scores).get(20).startsWith("r19,"));
    }

    @Test
    void anInfiniteValueInAnNpyFileIsRefusedWithTheFileAndOneBasedPosition() throws IOException {
        double[] values = new double[30];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 7;
        }
        values[7 * 3 + 2] = Double.POSITIVE_INFINITY;
        Path npy = dir.resolve("inf.npy");
        dtad.io.NpyWriter.write(npy, dtad.data.Matrix.wrap(10, 3, values), false);
        CommandRun fit = fit(npy);
        assertTrue(fit.isOneLineUserError(), fit.err());
        assertTrue(fit.err().contains(npy + ": infinite value at row 8, column 3 (rows and columns counted from 1)"),
                fit.err());
    }

    @Test
    void idColumnWithNpyOutputIsRefusedUpFront() throws IOException {
        Path data = transactions("tx.csv", false);
        CommandRun score = CommandRun.of("score", "--model", dir.resolve("nowhere").toString(), "--data", data.toString(),
                "--id-column", "txn_id", "--out", dir.resolve("s.npy").toString());
        assertTrue(score.isOneLineUserError(), score.err());
        assertTrue(score.err().contains("--id-column needs a .csv output"), score.err());
    }

    @Test
    void parameterErrorsNameTheParameter() throws IOException {
        Path data = transactions("tx.csv", false);
        CommandRun tooBig = fit(data, "--id-column", "txn_id", "--label-column", "is_fraud", "--param", "k=99999");
        assertEquals(2, tooBig.exitCode(), tooBig.err());
        String error = tooBig.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(error.startsWith("dtad: ") && error.contains("k = 99999") && error.contains("parameter k"), tooBig.err());

        CommandRun noValue = fit(data, "--param", "k");
        assertTrue(noValue.isOneLineUserError(), noValue.err());
        assertTrue(noValue.err().contains("--param expects KEY=VALUE, got 'k'"), noValue.err());
    }

    @Test
    void forceOntoAFolderThatIsNotAModelIsRefusedBeforeFitting() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("model"));
        Files.writeString(folder.resolve("notes.txt"), "mine");
        CommandRun fit = fit(transactions("tx.csv", false), "--id-column", "txn_id", "--force");
        assertTrue(fit.isOneLineUserError(), fit.err());
        assertTrue(fit.err().contains("not a dtad model directory"), fit.err());
        assertFalse(fit.err().contains("Fitting"), fit.err());
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));
    }
}
