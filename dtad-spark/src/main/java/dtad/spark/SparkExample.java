package dtad.spark;

import java.util.Arrays;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The README's Spark example: fits a dtad method on a CSV file of numeric columns (with a header), scores
 * every row, writes the scores and labels as CSV and saves the model as a dtad model directory.
 *
 * <p>Arguments: {@code input.csv output-dir [method]}; the method defaults to IForest.
 */
public final class SparkExample {
    private SparkExample() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length < 2) {
            System.err.println("Usage: SparkExample input.csv output-dir [method]");
            System.exit(2);
        }
        String method = args.length > 2 ? args[2] : "IForest";
        SparkSession spark = SparkSession.builder().appName("dtad " + method).getOrCreate();
        Dataset<Row> data = spark.read().option("header", true).option("inferSchema", true).csv(args[0]);

        VectorAssembler assembler = new VectorAssembler().setInputCols(data.columns()).setOutputCol("features");
        DtadDetector detector = DtadDetector.forMethod(method)
                .setContamination(0.05)  // label the top 5% of training scores as anomalies
                .setMaxSamples(10_000)   // rows collected to the driver for the fit
                .setRandomSeed(1);
        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {assembler, detector}).fit(data);

        pipeline.transform(data).drop("features").write().option("header", true).csv(args[1] + "/scores");
        DtadModel model = (DtadModel) pipeline.stages()[1];
        model.save(args[1] + "/model"); // a dtad model directory: `dtad score --model <dir>/model` reads it too
        System.out.println(method + " on " + Arrays.toString(data.columns()) + ": threshold " + model.getThreshold());
        spark.stop();
    }
}
