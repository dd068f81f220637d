package dtad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.classical.IsolationForest;
import dtad.classical.IsolationForestModel;
import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.Threshold;
import dtad.model.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Estimator/Model contract on IForest, the fastest method: scores, labels, persistence, pipelines. */
class DtadSparkTest {
    private static final TestRows DATA = TestRows.generate(400, 4, 8, 3);
    private static final int N = DATA.x().rows();
    private static Dataset<Row> rows;
    private static DtadModel model;

    @BeforeAll
    static void fit() {
        rows = DATA.dataset(2).cache();
        model = DtadDetector.forMethod("iforest").setParam("trees", "50").setRandomSeed(7).fit(rows);
    }

    @Test
    void sparkScoresEqualThePlainJavaModelsScores() {
        double[] spark = TestRows.byId(model.transform(rows), "outlierScore", N);
        try (DetectorModel java = model.toDetectorModel()) {
            assertEquals("IForest", java.detector().method());
            assertEquals(7L, ((IsolationForest) java.detector()).seed(), "randomSeed becomes the method's seed");
            assertEquals(50, ((IsolationForest) java.detector()).trees());
            assertArrayEquals(java.score(DATA.x()), spark);
        }
    }

    @Test
    void scoresDoNotDependOnPartitionOrBatch() {
        double[] two = TestRows.byId(model.transform(rows), "outlierScore", N);
        double[] five = TestRows.byId(model.copy(new org.apache.spark.ml.param.ParamMap()).setBatchRows(7)
                .transform(rows.repartition(5)), "outlierScore", N);
        assertArrayEquals(two, five);
    }

    @Test
    void eachJvmBuildsTheModelOnceForAllPartitionsAndTransforms() {
        DtadModel fresh;
        try (DetectorModel java = model.toDetectorModel()) {
            fresh = DtadModel.of(java); // a new uid: nothing cached for it yet
        }
        long before = ExecutorModels.builds();
        fresh.transform(rows.repartition(4)).collectAsList();
        fresh.setBatchRows(100).transform(rows).collectAsList();
        assertEquals(1, ExecutorModels.builds() - before, "local mode: one JVM, one build");
    }

    @Test
    void iforestGrowsItsTreesOnTheExecutorsFromBagsOfAllRows() {
        // The driver sample is 64 equal rows: a tree grown on it would be one leaf.
        Matrix constant = Matrix.zeros(64, 4);
        IsolationForestModel forest = DistributedIsolationForest.fit(new IsolationForest(10, 32, 1), rows,
                "features", constant, N, 1);
        assertEquals(10, forest.detector().trees());
        assertEquals(32, forest.detector().maxSamples());
        assertEquals(64, forest.trainingInfo().rows());
        assertTrue(forest.nodes() > 10 * 9, forest.nodes() + " nodes: the trees did not grow on the data's bags");
    }

    @Test
    void plantedOutliersScoreAboveEveryInlier() {
        double[] scores = TestRows.byId(model.transform(rows), "outlierScore", N);
        double maxInlier = Arrays.stream(scores, DATA.outliers(), N).max().orElseThrow();
        for (int r = 0; r < DATA.outliers(); r++) {
            assertTrue(scores[r] > maxInlier, "outlier " + r + ": " + scores[r] + " <= " + maxInlier);
        }
    }

    @Test
    void contaminationLabelsScoresAboveTheTrainingQuantile() {
        DtadModel labelled = DtadDetector.forMethod("IForest").setParam("trees", "50").setRandomSeed(7)
                .setContamination(0.05).fit(rows);
        Dataset<Row> out = labelled.transform(rows);
        double[] scores = TestRows.byId(out, "outlierScore", N);
        double[] labels = TestRows.byId(out, "predictedLabel", N);
        double anomalies = Arrays.stream(labels).sum();
        assertTrue(anomalies >= 0.04 * N && anomalies <= 0.06 * N, anomalies + " labelled anomalies");
        for (int r = 0; r < N; r++) {
            assertEquals(scores[r] > labelled.getThreshold() ? 1.0 : 0.0, labels[r], "row " + r);
        }
        assertTrue(Arrays.stream(labels, 0, DATA.outliers()).allMatch(l -> l == 1.0), "planted outliers labelled");
    }

    @Test
    void fitUsesASeededSampleOfMaxSamplesRows() {
        DtadDetector detector = DtadDetector.forMethod("IForest").setParam("trees", "20").setMaxSamples(100);
        DtadModel a = detector.fit(rows);
        DtadModel b = detector.fit(rows);
        DtadModel share = DtadDetector.forMethod("IForest").setParam("trees", "20").setMaxSamples(0.5).fit(rows);
        try (DetectorModel ja = a.toDetectorModel(); DetectorModel jb = b.toDetectorModel();
                DetectorModel half = share.toDetectorModel()) {
            assertEquals(100, ja.trainingInfo().rows());
            assertEquals(200, half.trainingInfo().rows());
            assertArrayEquals(ja.score(DATA.x()), jb.score(DATA.x()), "same seed, same sample, same model");
        }
    }

    @Test
    void sparkSavedModelIsADtadModelDirectory(@TempDir Path tmp) throws Exception {
        DtadModel labelled = model.copy(new org.apache.spark.ml.param.ParamMap()).setThreshold(0.6)
                .setScoreCol("s");
        Path dir = tmp.resolve("model");
        labelled.save(dir.toString());
        try (DetectorModel java = ModelFiles.load(dir); DetectorModel original = model.toDetectorModel()) {
            assertArrayEquals(original.score(DATA.x()), java.score(DATA.x()));
        }
        DtadModel back = DtadModel.load(dir.toString());
        assertEquals(labelled.uid(), back.uid());
        assertEquals(0.6, back.getThreshold());
        assertEquals("s", back.getScoreCol());
        assertArrayEquals(TestRows.byId(labelled.transform(rows), "s", N), TestRows.byId(back.transform(rows), "s", N));
    }

    @Test
    void dtadModelDirectoryLoadsAsSparkModel(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("java-model");
        try (IsolationForestModel java = new IsolationForest(40, 128, 5).fit(DATA.x())) {
            java.save(dir);
            double[] expected = java.score(DATA.x());
            DtadModel loaded = DtadModel.load(dir.toString());
            assertEquals("IForest", loaded.method());
            assertEquals(4, loaded.numFeatures());
            assertTrue(Double.isNaN(loaded.getThreshold()));
            assertFalse(Arrays.asList(loaded.transform(rows).columns()).contains("predictedLabel"));
            assertArrayEquals(expected, TestRows.byId(loaded.transform(rows), "outlierScore", N));
            assertArrayEquals(expected, TestRows.byId(DtadModel.fromDirectory(dir).transform(rows), "outlierScore", N));
            double cut = new Threshold.Contamination(0.1).cutoff(java.trainingScores());
            assertEquals(cut, loaded.setThresholdByContamination(0.1).getThreshold());
        }
    }

    @Test
    void saveNeverReplacesAnExistingPathUnlessAskedTo(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("m");
        model.save(dir.toString());
        assertThrows(java.io.IOException.class, () -> model.save(dir.toString()));
        model.write().overwrite().save(dir.toString());
        try (DetectorModel java = ModelFiles.load(dir)) {
            assertEquals(4, java.features());
        }
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".crc")), "no checksum files");
    }

    @Test
    void fitsInAPipelineAfterVectorAssembler() {
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"x0", "x1", "x2", "x3"})
                .setOutputCol("assembled");
        DtadDetector detector = DtadDetector.forMethod("IForest").setParam("trees", "50").setRandomSeed(7)
                .setFeaturesCol("assembled");
        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {assembler, detector}).fit(rows);
        double[] scores = TestRows.byId(pipeline.transform(rows), "outlierScore", N);
        assertArrayEquals(TestRows.byId(model.transform(rows), "outlierScore", N), scores);
    }

    @Test
    void fittedPipelineSavesAndLoads(@TempDir Path tmp) throws Exception {
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"x0", "x1", "x2", "x3"})
                .setOutputCol("features");
        PipelineModel pipeline = new PipelineModel("p", new org.apache.spark.ml.Transformer[] {assembler,
                model.copy(new org.apache.spark.ml.param.ParamMap()).setThreshold(0.6)});
        pipeline.save(tmp.resolve("pipeline").toString());
        PipelineModel back = PipelineModel.load(tmp.resolve("pipeline").toString());
        Dataset<Row> input = rows.drop("features");
        assertArrayEquals(TestRows.byId(pipeline.transform(input), "predictedLabel", N),
                TestRows.byId(back.transform(input), "predictedLabel", N));
        assertArrayEquals(TestRows.byId(model.transform(rows), "outlierScore", N),
                TestRows.byId(back.transform(input), "outlierScore", N));
    }

    @Test
    void unfittedDetectorSavesAndLoadsWithItsMethodParameters(@TempDir Path tmp) throws Exception {
        DtadDetector detector = DtadDetector.forMethod("IForest").setParam("trees", "50").setRandomSeed(7)
                .setContamination(0.05);
        detector.save(tmp.resolve("detector").toString());
        DtadDetector back = DtadDetector.load(tmp.resolve("detector").toString());
        assertEquals(detector.uid(), back.uid());
        assertEquals("IForest", back.getMethod());
        assertEquals(Map.of("trees", "50"), back.getMethodParams());
        assertEquals(0.05, back.getContamination());
        assertArrayEquals(TestRows.byId(model.transform(rows), "outlierScore", N),
                TestRows.byId(back.fit(rows).transform(rows), "outlierScore", N));
    }

    @Test
    void unfittedPipelineSavesLoadsAndFits(@TempDir Path tmp) throws Exception {
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"x0", "x1", "x2", "x3"})
                .setOutputCol("assembled");
        DtadDetector detector = DtadDetector.forMethod("IForest").setParam("trees", "50").setRandomSeed(7)
                .setFeaturesCol("assembled");
        new Pipeline().setStages(new PipelineStage[] {assembler, detector}).save(tmp.resolve("p").toString());
        PipelineModel fitted = Pipeline.load(tmp.resolve("p").toString()).fit(rows);
        assertArrayEquals(TestRows.byId(model.transform(rows), "outlierScore", N),
                TestRows.byId(fitted.transform(rows), "outlierScore", N));
    }
}
