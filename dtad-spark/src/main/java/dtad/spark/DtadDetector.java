package dtad.spark;

import dtad.InputException;
import dtad.classical.IsolationForest;
import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.method.Method;
import dtad.method.Methods;
import dtad.method.ParameterKey;
import dtad.method.StandardParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any registered dtad method ({@link Methods}) as a Spark ML {@link Estimator}: {@link #fit} returns a
 * {@link DtadModel}. The method's own parameters are set with {@link #setParam} and checked through the
 * registry at once; the column and threshold parameters carry the names of LinkedIn's isolation-forest
 * where the meaning is the same ({@code featuresCol}, {@code scoreCol = "outlierScore"},
 * {@code predictionCol = "predictedLabel"}, {@code contamination}, {@code contaminationError},
 * {@code randomSeed}).
 *
 * <p>The fit runs on the driver, on a seeded sample of {@code maxSamples} rows (a count above 1, or a share
 * of the rows at most 1; default {@value #DEFAULT_MAX_SAMPLES}), collected there: every dtad method needs its
 * training rows on one machine (networks train on them, DTE-NP and KNN keep them as the reference set).
 * A warning names the sample size when it is smaller than the data. IForest is the exception: its trees
 * grow on the executors, one bag of rows each ({@link DistributedIsolationForest}), and the driver sample only
 * gives the scaling statistics and the kept training scores. With {@code contamination > 0} the
 * model's threshold is the approximate {@code (1 - contamination)} quantile ({@code approxQuantile} with
 * {@code contaminationError}) of the scores of all training rows, computed on the executors.
 */
public final class DtadDetector extends Estimator<DtadModel> implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    /** Rows the fit collects to the driver unless told otherwise. */
    public static final double DEFAULT_MAX_SAMPLES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(DtadDetector.class);
    private final String uid;
    private final Param<String> method;
    private final Param<Map<String, String>> methodParams;
    private final Param<String> featuresCol;
    private final Param<String> scoreCol;
    private final Param<String> predictionCol;
    private final DoubleParam contamination;
    private final DoubleParam contaminationError;
    private final DoubleParam maxSamples;
    private final LongParam randomSeed;

    public DtadDetector() {
        this(Identifiable.randomUID("dtadDetector"));
    }

    /** An IForest detector with default parameters and this uid (Spark's copy needs this constructor). */
    public DtadDetector(String uid) {
        this.uid = uid;
        method = new Param<>(uid, "method", "the registered dtad method, e.g. IForest, DTE-NP, DTE-C, DDPM");
        methodParams = new TextMapParam(uid, "methodParams", "the method's own parameters, key to value text");
        featuresCol = new Param<>(uid, "featuresCol", "the column of feature vectors");
        scoreCol = new Param<>(uid, "scoreCol", "the output column of scores (higher = more anomalous)");
        predictionCol = new Param<>(uid, "predictionCol", "the output column of 0/1 labels (1.0 = anomaly)");
        contamination = new DoubleParam(uid, "contamination",
                "expected share of anomalies in the training data, in [0, 0.5); 0 = no label column",
                ParamValidators.<Object>inRange(0.0, 0.5, true, false));
        contaminationError = new DoubleParam(uid, "contaminationError",
                "relative error of the approxQuantile that sets the threshold, in [0, 1]; 0 = exact",
                ParamValidators.<Object>inRange(0.0, 1.0, true, true));
        maxSamples = new DoubleParam(uid, "maxSamples",
                "rows the fit collects to the driver: a count if > 1, a share of the rows if <= 1",
                ParamValidators.<Object>gt(0.0));
        randomSeed = new LongParam(uid, "randomSeed", "seed of the sample and, unless set, of the method");
        setDefault(method, "IForest");
        setDefault(methodParams, Map.of());
        setDefault(featuresCol, "features");
        setDefault(scoreCol, "outlierScore");
        setDefault(predictionCol, "predictedLabel");
        setDefault(contamination, 0.0);
        setDefault(contaminationError, 0.0);
        setDefault(maxSamples, DEFAULT_MAX_SAMPLES);
        setDefault(randomSeed, 1L);
    }

    /** Reads an unfitted detector saved with {@code write().save(path)} (also how a saved {@code Pipeline} finds it). */
    public static MLReader<DtadDetector> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads an unfitted detector saved with {@code save(path)}. */
    public static DtadDetector load(String path) {
        return read().load(path);
    }

    /** A detector for a registered method (any case); an unknown name is refused with the known ones. */
    public static DtadDetector forMethod(String name) {
        return new DtadDetector().setMethod(name);
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> method() {
        return method;
    }

    public Param<Map<String, String>> methodParams() {
        return methodParams;
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

    public DoubleParam contamination() {
        return contamination;
    }

    public DoubleParam contaminationError() {
        return contaminationError;
    }

    public DoubleParam maxSamples() {
        return maxSamples;
    }

    public LongParam randomSeed() {
        return randomSeed;
    }

    public String getMethod() {
        return $(method);
    }

    public Map<String, String> getMethodParams() {
        return $(methodParams);
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

    public double getContamination() {
        return (Double) $(contamination);
    }

    public double getContaminationError() {
        return (Double) $(contaminationError);
    }

    public double getMaxSamples() {
        return (Double) $(maxSamples);
    }

    public long getRandomSeed() {
        return (Long) $(randomSeed);
    }

    /** Chooses the method; parameters set before stay and must be valid for it. */
    public DtadDetector setMethod(String name) {
        Method<?> found = Methods.find(name);
        found.configure(getMethodParams());
        return (DtadDetector) set(method, found.name());
    }

    /**
     * Sets one of the method's parameters ({@code dtad methods} lists them), e.g.
     * {@code setParam("epochs", "5")}; an unknown key or bad value is refused at once, in any order of
     * the calls; a rule relating two keys is checked once both are set, and the whole configuration
     * (defaults included, e.g. DDPM's {@code rec_t} against a smaller {@code steps}) by {@link #transformSchema}.
     */
    public DtadDetector setParam(String key, String value) {
        Map<String, String> next = new LinkedHashMap<>(getMethodParams());
        next.put(key, value);
        Methods.find(getMethod()).checkGiven(next);
        return (DtadDetector) set(methodParams, Map.copyOf(next));
    }

    public DtadDetector setFeaturesCol(String value) {
        return (DtadDetector) set(featuresCol, value);
    }

    public DtadDetector setScoreCol(String value) {
        return (DtadDetector) set(scoreCol, value);
    }

    public DtadDetector setPredictionCol(String value) {
        return (DtadDetector) set(predictionCol, value);
    }

    public DtadDetector setContamination(double value) {
        return (DtadDetector) set(contamination, value);
    }

    public DtadDetector setContaminationError(double value) {
        return (DtadDetector) set(contaminationError, value);
    }

    public DtadDetector setMaxSamples(double value) {
        return (DtadDetector) set(maxSamples, value);
    }

    public DtadDetector setRandomSeed(long value) {
        return (DtadDetector) set(randomSeed, value);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        configuration(); // refuses a configuration whose keys disagree before any Spark job runs
        FeatureColumn.in(schema, getFeaturesCol(), -1);
        StructType out = DtadModel.withNewColumn(schema, getScoreCol());
        return getContamination() > 0 ? DtadModel.withNewColumn(out, getPredictionCol()) : out;
    }

    /** The method's configuration: its parameters as set, and {@code randomSeed} as its seed unless set. */
    Detector<?> configuration() {
        Method<?> m = Methods.find(getMethod());
        Map<String, String> texts = new LinkedHashMap<>(getMethodParams());
        ParameterKey<Long> seed = StandardParameters.SEED;
        if (m.parameters().declares(seed) && !texts.containsKey(seed.name())) {
            texts.put(seed.name(), seed.type().format(getRandomSeed()));
        }
        return m.configure(texts);
    }

    @Override
    public DtadModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Detector<?> detector = configuration();
        Dataset<Row> data = dataset.toDF();
        long[] rows = new long[1];
        Matrix sample = sample(data, rows);
        DtadModel model;
        try (DetectorModel fitted = detector instanceof IsolationForest forest
                ? DistributedIsolationForest.fit(forest, data, getFeaturesCol(), sample, rows[0], getRandomSeed())
                : detector.fit(sample)) {
            model = new DtadModel(Identifiable.randomUID("dtad"), ModelBytes.of(fitted), detector.method(),
                    fitted.features());
        }
        model.setParent(this);
        model.setFeaturesCol(getFeaturesCol()).setScoreCol(getScoreCol()).setPredictionCol(getPredictionCol());
        if (getContamination() > 0) {
            double[] cut = model.transform(dataset).stat().approxQuantile(getScoreCol(),
                    new double[] {1 - getContamination()}, getContaminationError());
            model.setThreshold(cut[0]);
        }
        return model;
    }

    /** The training rows on the driver: all of them, or a seeded sample of maxSamples; sets rows[0] to the count. */
    private Matrix sample(Dataset<Row> data, long[] count) {
        Dataset<Row> features = data.select(getFeaturesCol());
        FeatureColumn column = FeatureColumn.in(features.schema(), getFeaturesCol(), -1);
        long rows = features.count();
        count[0] = rows;
        if (rows == 0) {
            throw new InputException("No rows to fit on in column '" + getFeaturesCol() + "'");
        }
        double max = getMaxSamples();
        long wanted = max > 1 ? (long) Math.min(max, rows) : Math.max(1, Math.round(max * rows));
        if (wanted > Integer.MAX_VALUE / 2) {
            throw new InputException("maxSamples asks for " + wanted + " rows on the driver; set it lower");
        }
        List<Row> taken;
        if (wanted >= rows) {
            taken = features.collectAsList();
        } else {
            LOG.warn("dtad {}: {} on the driver on a seeded sample of {} of the {} rows (maxSamples)", getMethod(),
                    getMethod().equals("IForest") ? "scaling statistics and training scores" : "fitting", wanted, rows);
            taken = features.javaRDD().takeSample(false, (int) wanted, getRandomSeed());
        }
        int width = column.widthOf(taken.get(0));
        FeatureColumn checked = column.withWidth(width);
        double[] values = new double[Math.multiplyExact(taken.size(), width)];
        for (int r = 0; r < taken.size(); r++) {
            checked.copy(taken.get(r), r + 1, -1, values, r * width);
        }
        return Matrix.wrap(taken.size(), width, values);
    }

    @Override
    public DtadDetector copy(ParamMap extra) {
        return (DtadDetector) defaultCopy(extra);
    }
}
