package dtad.spark;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Transform throughput of {@link DtadModel} on local[2] against plain Java scoring with two threads, on the
 * same generated rows (row {@code i} is a function of {@code i} only, so both sides see the same data without
 * caching it), plus the fit time. Both sides pay for generating the rows; the generation alone is timed too
 * (best of two passes, the first warming up),
 * so the scoring cost is the difference. Not a test: run it by hand (see docs/spark.md).
 *
 * <p>Arguments: {@code rows features methods}, e.g. {@code 1000000 20 IForest,DTE-NP,DTE-C}.
 */
public final class SparkScoringBenchmark {
    private static final int BATCH = 4096;

    private SparkScoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int features = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String[] methods = (args.length > 2 ? args[2] : "IForest,DTE-NP,DTE-C").split(",");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("dtad-spark-benchmark")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        Dataset<Row> data = generated(spark, rows, features, 8);
        double sparkGenerate = Double.MAX_VALUE;
        double javaGenerate = Double.MAX_VALUE;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms up the JIT and Spark's code generation
            long start = System.nanoTime();
            data.agg(functions.sum(functions.col("id"))).collectAsList();
            sparkGenerate = Math.min(sparkGenerate, seconds(start));
            start = System.nanoTime();
            javaGenerate(rows, features);
            javaGenerate = Math.min(javaGenerate, seconds(start));
        }
        System.out.printf(Locale.ROOT, "rows=%d features=%d; generating the rows alone: Spark %.1f s, Java %.1f s%n",
                rows, features, sparkGenerate, javaGenerate);
        System.out.println("| method | fit s | Spark transform s | minus generation | Java score s | minus generation |");
        System.out.println("|---|---|---|---|---|---|");
        for (String method : methods) {
            DtadDetector detector = configured(method.trim());
            long start = System.nanoTime();
            DtadModel model = detector.fit(data);
            double fit = seconds(start);
            start = System.nanoTime();
            model.transform(data).agg(functions.sum(model.getScoreCol())).collectAsList();
            double sparkScore = seconds(start);
            double javaScore;
            try (DetectorModel java = model.toDetectorModel()) {
                start = System.nanoTime();
                javaScore(java, rows, features);
                javaScore = seconds(start);
            }
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n", method, fit, sparkScore,
                    sparkScore - sparkGenerate, javaScore, javaScore - javaGenerate);
        }
        spark.stop();
    }

    /** The settings of the published figures: defaults, except fewer epochs and a smaller DTE-NP reference set. */
    private static DtadDetector configured(String method) {
        DtadDetector d = DtadDetector.forMethod(method).setRandomSeed(1);
        return switch (d.getMethod()) {
            case "DTE-NP" -> d.setMaxSamples(2_000);
            case "DTE-C", "DTE-G", "DTE-IG", "DDPM" -> d.setParam("epochs", "5");
            default -> d;
        };
    }

    /** Row i: 20 standard normal values from a stream seeded by i; every 100th row shifted by 4 (an outlier). */
    static double[] row(long i, int features) {
        SplittableRandom random = new SplittableRandom(0x9E3779B97F4A7C15L * (i + 1));
        double[] out = new double[features];
        double shift = i % 100 == 0 ? 4 : 0;
        for (int c = 0; c < features; c++) {
            out[c] = shift + Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        }
        return out;
    }

    static Dataset<Row> generated(SparkSession spark, long rows, int features, int partitions) {
        StructType schema = new StructType().add("id", DataTypes.LongType, false)
                .add("features", SQLDataTypes.VectorType(), false);
        MapFunction<Long, Row> make = i -> RowFactory.create(i, Vectors.dense(row(i, features)));
        return spark.range(0, rows, 1, partitions).map(make, Encoders.row(schema));
    }

    private static void javaGenerate(long rows, int features) throws Exception {
        inChunks(rows, features, null);
    }

    private static void javaScore(DetectorModel model, long rows, int features) throws Exception {
        inChunks(rows, features, model);
    }

    /** Two threads, each taking every other chunk of BATCH rows, as local[2] has two task slots. */
    private static void inChunks(long rows, int features, DetectorModel model) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Double>> parts = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    double sum = 0;
                    double[] values = new double[BATCH * features];
                    for (long first = (long) thread * BATCH; first < rows; first += 2L * BATCH) {
                        int n = (int) Math.min(BATCH, rows - first);
                        for (int r = 0; r < n; r++) {
                            System.arraycopy(row(first + r, features), 0, values, r * features, features);
                        }
                        if (model != null) {
                            double[] block = n == BATCH ? values : java.util.Arrays.copyOf(values, n * features);
                            for (double s : model.score(Matrix.wrap(n, features, block))) {
                                sum += s;
                            }
                        }
                    }
                    return sum;
                }));
            }
            for (Future<Double> f : parts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
