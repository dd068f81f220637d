package dtad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.detect.DetectorModel;
import dtad.model.ModelFiles;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The methods that need all rows on one machine (DTE-NP's reference set, the DJL networks of DTE-C and DDPM,
 * trained for 2 epochs: too few to rank well, which dtad-torch's own tests check) fit on the driver, score on
 * the executors exactly as the plain Java model does, label the contamination share, and survive save/load.
 */
class NetworkMethodsSparkTest {
    private static final TestRows DATA = TestRows.generate(300, 4, 6, 11);
    private static final int N = DATA.x().rows();
    private static Dataset<Row> rows;

    @BeforeAll
    static void data() {
        rows = DATA.dataset(2).cache();
    }

    private static DtadDetector small(String method) {
        DtadDetector d = DtadDetector.forMethod(method).setRandomSeed(3).setMaxSamples(200);
        return switch (method) {
            case "DTE-NP" -> d.setParam("k", "5");
            case "DTE-C" -> d.setParam("hidden", "16,16").setParam("epochs", "2").setParam("batch", "32");
            case "DDPM" -> d.setParam("steps", "100").setParam("rec_t", "20").setParam("width", "16")
                    .setParam("block_width", "32").setParam("blocks", "2").setParam("time_dim", "16")
                    .setParam("epochs", "2").setParam("batch", "32");
            default -> throw new IllegalArgumentException(method);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"DTE-NP", "DTE-C", "DDPM"})
    void fitsOnTheDriverAndScoresOnExecutorsLikeThePlainModel(String method, @TempDir Path tmp) throws Exception {
        DtadModel model = small(method).setContamination(0.05).fit(rows);
        assertEquals(method, model.method());
        double[] spark = TestRows.byId(model.transform(rows.repartition(3)), "outlierScore", N);
        Path dir = tmp.resolve("model");
        model.setBatchRows(50).save(dir.toString());
        try (DetectorModel java = ModelFiles.load(dir)) {
            assertEquals(200, java.trainingInfo().rows(), "fitted on the maxSamples sample");
            assertArrayEquals(java.score(DATA.x()), spark, method + ": Spark and Java scores differ");
        }
        DtadModel back = DtadModel.load(dir.toString());
        assertEquals(model.getThreshold(), back.getThreshold());
        assertArrayEquals(spark, TestRows.byId(back.transform(rows), "outlierScore", N));
        double anomalies = Arrays.stream(TestRows.byId(back.transform(rows), "predictedLabel", N)).sum();
        assertTrue(anomalies >= 0.04 * N && anomalies <= 0.06 * N, method + ": " + anomalies + " labelled anomalies");
    }
}
