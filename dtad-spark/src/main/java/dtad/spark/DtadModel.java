package dtad.spark;

import dtad.InputException;
import dtad.detect.DetectorModel;
import dtad.detect.Threshold;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted dtad detector as a Spark ML {@link Model}: {@link #transform} appends {@code scoreCol}
 * (higher = more anomalous) and, when a threshold is set, {@code predictionCol} (1.0 = anomaly, for scores
 * above the threshold). The model's files are broadcast once; each executor JVM builds the dtad model once
 * and scores its partitions in batches of {@code batchRows}.
 *
 * <p>{@link #save} writes a dtad model directory (loadable with {@code dtad score} and
 * {@link dtad.model.ModelFiles#load}) through Hadoop's FileSystem; {@link #load} reads one back, also one
 * written by dtad itself.
 */
public final class DtadModel extends Model<DtadModel> implements MLWritable {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final ModelBytes files;
    private final String method;
    private final int features;
    private final Param<String> featuresCol;
    private final Param<String> scoreCol;
    private final Param<String> predictionCol;
    private final DoubleParam threshold;
    private final IntParam batchRows;
    private transient Broadcast<ModelBytes> broadcast;

    /** For Spark's {@code copy}: the same files under another uid are refused, so this is not public API. */
    DtadModel(String uid, ModelBytes files, String method, int features) {
        this.uid = uid;
        this.files = files;
        this.method = method;
        this.features = features;
        featuresCol = new Param<>(uid, "featuresCol", "the column of feature vectors to score");
        scoreCol = new Param<>(uid, "scoreCol", "the output column of scores (higher = more anomalous)");
        predictionCol = new Param<>(uid, "predictionCol", "the output column of 0/1 labels (1.0 = anomaly)");
        threshold = new DoubleParam(uid, "threshold",
                "scores above it are labelled 1.0; NaN for no label column");
        batchRows = new IntParam(uid, "batchRows", "rows scored together (speed only, not the scores)",
                ParamValidators.gtEq(1));
        setDefault(featuresCol, "features");
        setDefault(scoreCol, "outlierScore");
        setDefault(predictionCol, "predictedLabel");
        setDefault(threshold, Double.NaN);
        setDefault(batchRows, 4096);
    }

    /** Wraps a fitted dtad model (its files are copied; the Java model stays the caller's to close). */
    public static DtadModel of(DetectorModel model) {
        return new DtadModel(Identifiable.randomUID("dtad"), ModelBytes.of(model), model.detector().method(),
                model.features());
    }

    /** Wraps a dtad model directory on local disk, as written by {@code dtad fit} or the Java API. */
    public static DtadModel fromDirectory(Path directory) throws IOException {
        return described(Identifiable.randomUID("dtad"), ModelBytes.read(directory));
    }

    private static DtadModel described(String uid, ModelBytes files) {
        try (DetectorModel model = files.load()) {
            return new DtadModel(uid, files, model.detector().method(), model.features());
        }
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> scoreCol() {
        return scoreCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public DoubleParam threshold() {
        return threshold;
    }

    public IntParam batchRows() {
        return batchRows;
    }

    public String getFeaturesCol() {
        return $(featuresCol);
    }

    public String getScoreCol() {
        return $(scoreCol);
    }

    public String getPredictionCol() {
        return $(predictionCol);
    }

    public double getThreshold() {
        return (Double) $(threshold);
    }

    public int getBatchRows() {
        return (Integer) $(batchRows);
    }

    public DtadModel setFeaturesCol(String value) {
        return (DtadModel) set(featuresCol, value);
    }

    public DtadModel setScoreCol(String value) {
        return (DtadModel) set(scoreCol, value);
    }

    public DtadModel setPredictionCol(String value) {
        return (DtadModel) set(predictionCol, value);
    }

    /** Rows scoring above {@code value} get label 1.0; NaN removes the label column. */
    public DtadModel setThreshold(double value) {
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid threshold: " + value);
        }
        return (DtadModel) set(threshold, value);
    }

    /**
     * Sets the threshold to the {@code (1 - rate)} quantile of the model's own training scores, as dtad's
     * {@link Threshold.Contamination} (for a model loaded from a plain dtad directory).
     */
    public DtadModel setThresholdByContamination(double rate) {
        try (DetectorModel model = files.load()) {
            return setThreshold(new Threshold.Contamination(rate).cutoff(model.trainingScores()));
        }
    }

    public DtadModel setBatchRows(int value) {
        return (DtadModel) set(batchRows, value);
    }

    /** The registry name of the method (e.g. {@code "DTE-C"}). */
    public String method() {
        return method;
    }

    /** The number of features the model expects. */
    public int numFeatures() {
        return features;
    }

    /** The model's files, as in a dtad model directory. */
    public ModelBytes files() {
        return files;
    }

    /** Builds the plain Java model from the files; the caller closes it. */
    public DetectorModel toDetectorModel() {
        return files.load();
    }

    @Override
    public StructType transformSchema(StructType schema) {
        FeatureColumn.in(schema, getFeaturesCol(), features);
        StructType out = withNewColumn(schema, getScoreCol());
        return Double.isNaN(getThreshold()) ? out : withNewColumn(out, getPredictionCol());
    }

    static StructType withNewColumn(StructType schema, String name) {
        if (Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new InputException("Output column '" + name + "' already exists in the data; choose another name");
        }
        return schema.add(name, DataTypes.DoubleType, false);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        FeatureColumn column = FeatureColumn.in(dataset.schema(), getFeaturesCol(), features).withWidth(features);
        PartitionScorer scorer = new PartitionScorer(uid, broadcast(dataset.sparkSession()), column, getThreshold(),
                getBatchRows());
        return dataset.toDF().mapPartitions(scorer, Encoders.row(out));
    }

    /** The files, sent to the executors once for all transforms of this model. */
    private synchronized Broadcast<ModelBytes> broadcast(SparkSession session) {
        if (broadcast == null) {
            broadcast = JavaSparkContext.fromSparkContext(session.sparkContext()).broadcast(files);
        }
        return broadcast;
    }

    @Override
    public DtadModel copy(ParamMap extra) {
        DtadModel copy = new DtadModel(uid, files, method, features);
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /** Reads a model written by {@link #save} or a plain dtad model directory. */
    public static MLReader<DtadModel> read() {
        return new Reader();
    }

    /** Reads a model written by {@link #save} or a plain dtad model directory, from any Hadoop path. */
    public static DtadModel load(String path) {
        return read().load(path);
    }

    Map<String, Object> sparkSettings() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class", DtadModel.class.getName());
        out.put("uid", uid);
        out.put("sparkVersion", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        out.put("featuresCol", getFeaturesCol());
        out.put("scoreCol", getScoreCol());
        out.put("predictionCol", getPredictionCol());
        out.put("threshold", Double.isNaN(getThreshold()) ? null : getThreshold());
        return out;
    }

    private static final class Writer extends MLWriter {
        private final DtadModel model;

        Writer(DtadModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            try {
                ModelStore.write(path, model.files, model.sparkSettings(),
                        SparkSession.active().sparkContext().hadoopConfiguration());
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": could not save the model: " + e.getMessage(), e);
            }
        }
    }

    private static final class Reader extends MLReader<DtadModel> {
        @Override
        public DtadModel load(String path) {
            ModelStore.Stored stored;
            try {
                stored = ModelStore.read(path, SparkSession.active().sparkContext().hadoopConfiguration());
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": could not read the model: " + e.getMessage(), e);
            }
            Map<String, Object> spark = stored.spark();
            Object uid = spark.get("uid");
            DtadModel model = described(uid instanceof String s ? s : Identifiable.randomUID("dtad"), stored.files());
            if (spark.get("featuresCol") instanceof String s) {
                model.setFeaturesCol(s);
            }
            if (spark.get("scoreCol") instanceof String s) {
                model.setScoreCol(s);
            }
            if (spark.get("predictionCol") instanceof String s) {
                model.setPredictionCol(s);
            }
            if (spark.get("threshold") instanceof Number n) {
                model.setThreshold(n.doubleValue());
            }
            return model;
        }
    }
}
