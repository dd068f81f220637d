package dtad.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.classical.COPOD;
import dtad.classical.ECOD;
import dtad.classical.HBOS;
import dtad.classical.IsolationForest;
import dtad.classical.KNN;
import dtad.classical.LOF;
import dtad.classical.OneClassSvm;
import dtad.classical.PCA;
import dtad.data.Matrix;
import dtad.dte.NonParametricDTE;
import dtad.model.ModelFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The explanations of every non-network method ({@link Explainable}) on data whose anomalies differ from the
 * normal rows in 3 known columns of 20 ({@link KnownColumnAnomalies}: 1,000 training rows, 200 anomalies):
 * how often the 3 largest contributions are exactly those columns, how the contributions relate to the
 * score, and that they are deterministic, thread-safe and survive saving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplanationsTest {
    private static final KnownColumnAnomalies DATA = KnownColumnAnomalies.generate(1000, 200, 20, 3, 7);

    /**
     * Per method: the least top-3 hit rate (measured rates in the comments; below 90% the reason is in the
     * model's Javadoc) and what the contributions of a row sum to, given the model and its score.
     */
    private record Case(Detector<?> detector, double leastHitRate, ToDoubleBiFunction<DetectorModel, Double> sum) {
        @Override
        public String toString() {
            return detector.method();
        }
    }

    private static final ToDoubleBiFunction<DetectorModel, Double> SCORE = (model, score) -> score;

    private final List<Case> cases = List.of(
            new Case(new KNN(), 0.99, SCORE),                 // measured 0.995
            new Case(new KNN(5, KNN.Score.MEAN), 0.99, SCORE), // 0.995
            new Case(new LOF(), 0.99, SCORE),                 // 1.000 (sum: score less D * 1e-10)
            new Case(new NonParametricDTE(), 0.99, null),     // 0.995 (sum: the mean squared distance)
            new Case(new COPOD(), 0.62, SCORE),               // 0.645: a shift against a column's skew counts half
            new Case(new ECOD(), 0.98, SCORE),                // 0.985
            new Case(new HBOS(), 0.94, SCORE),                // 0.950
            new Case(new PCA(), 0.99, SCORE),                 // 1.000
            // 0.700: the trees split on a random feature, so few of a row's splits fall on the shifted columns
            new Case(new IsolationForest(0), 0.68, (model, score) -> forestNormaliser(model) * (1 + log2(score))),
            new Case(new OneClassSvm(), 0.99, null));         // 1.000 (sum: score less the mean's score, below)

    private final List<DetectorModel> models = new ArrayList<>();

    @BeforeAll
    void fit() {
        for (Case c : cases) {
            models.add(c.detector().fit(DATA.train()));
        }
    }

    @AfterAll
    void close() {
        models.forEach(DetectorModel::close);
    }

    Stream<Arguments> methods() {
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            out.add(Arguments.of(cases.get(i), models.get(i)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("methods")
    void knownColumnsAreTheTopThreeContributions(Case c, DetectorModel model) {
        double rate = DATA.topHitRate(((Explainable) model).contributions(DATA.anomalies()));
        assertTrue(rate >= c.leastHitRate(), c + ": top-3 hit rate " + rate + " < " + c.leastHitRate());
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("methods")
    void contributionsSumAsDocumented(Case c, DetectorModel model) {
        Matrix rows = Matrix.of(new double[][] {DATA.anomalies().row(0), DATA.anomalies().row(1), DATA.train().row(3)});
        double[][] contributions = ((Explainable) model).contributions(rows);
        double[] scores = model.score(rows);
        assertEquals(3, contributions.length);
        for (int i = 0; i < 3; i++) {
            assertEquals(20, contributions[i].length);
            double sum = 0;
            for (double v : contributions[i]) {
                sum += v;
            }
            double expected = c.sum() == null ? documentedSum(model, rows.row(i), scores[i]) : c.sum().applyAsDouble(model, scores[i]);
            assertEquals(expected, sum, 1e-9 * Math.max(1, Math.abs(expected)), c + " row " + i);
        }
        assertFalse(((Explainable) model).contributionMeaning().isBlank());
    }

    /** DTE-NP: the mean squared distance to the 5 nearest training rows; OCSVM: score less the mean's score. */
    private static double documentedSum(DetectorModel model, double[] row, double score) {
        if (model.detector() instanceof NonParametricDTE dte) {
            double[] scaled = model.trainingInfo().scaler().transform(Matrix.of(new double[][] {row})).row(0);
            Matrix train = model.trainingInfo().scaler().transform(DATA.train());
            double[] squared = new double[train.rows()];
            for (int r = 0; r < squared.length; r++) {
                for (int j = 0; j < row.length; j++) {
                    double diff = scaled[j] - train.get(r, j);
                    squared[r] += diff * diff;
                }
            }
            java.util.Arrays.sort(squared);
            double sum = 0;
            for (int r = 0; r < dte.k(); r++) {
                sum += squared[r];
            }
            return sum / dte.k();
        }
        double[] mean = model.trainingInfo().scaler().means();
        return score - model.score(Matrix.of(new double[][] {mean}))[0];
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("methods")
    void sameContributionsFromFourThreadsAsAlone(Case c, DetectorModel model) throws Exception {
        Explainable explainable = (Explainable) model;
        Matrix rows = DATA.anomalies();
        double[][] alone = explainable.contributions(rows);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> explainable.contributions(rows)));
            }
            for (Future<double[][]> run : runs) {
                double[][] got = run.get();
                for (int i = 0; i < alone.length; i++) {
                    assertArrayEquals(alone[i], got[i], 0.0, c + " row " + i);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("methods")
    void savedModelExplainsIdenticallyAndARowAloneAsInABatch(Case c, DetectorModel model, @TempDir Path dir)
            throws Exception {
        // All 200 rows: enough for the models that explain blocks of rows in parallel to do so.
        Matrix rows = DATA.anomalies();
        double[][] before = ((Explainable) model).contributions(rows);
        model.save(dir.resolve("m"));
        try (DetectorModel loaded = ModelFiles.load(dir.resolve("m"))) {
            double[][] after = ((Explainable) loaded).contributions(rows);
            for (int i = 0; i < before.length; i++) {
                assertArrayEquals(before[i], after[i], 0.0, c + " row " + i);
            }
            for (int i : new int[] {4, 150}) {
                double[][] alone = ((Explainable) loaded).contributions(rows.rowRange(i, i + 1));
                assertArrayEquals(before[i], alone[0], 0.0, c + ": row " + i + " explained alone");
            }
        }
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("methods")
    void refusesWrongWidthAndExplainsNothingAfterClose(Case c, DetectorModel model, @TempDir Path dir) throws Exception {
        assertThrows(InputException.class, () -> ((Explainable) model).contributions(Matrix.zeros(2, 21)));
        model.save(dir.resolve("m"));
        DetectorModel loaded = ModelFiles.load(dir.resolve("m"));
        loaded.close();
        assertThrows(IllegalStateException.class, () -> ((Explainable) loaded).contributions(DATA.anomalies()));
    }

    @Test
    void probabilityIsTheShareOfTrainingScoresBelowWithTiesCountedHalf() {
        DetectorModel model = models.get(0);
        double[] training = model.trainingScores();
        double[] sorted = training.clone();
        java.util.Arrays.sort(sorted);
        double tied = sorted[100];
        double[] scores = {sorted[0] - 1, tied, sorted[sorted.length - 1] + 1, (sorted[500] + sorted[501]) / 2};
        double[] p = model.probabilityOfScores(scores);
        long below = java.util.Arrays.stream(training).filter(s -> s < tied).count();
        long equal = java.util.Arrays.stream(training).filter(s -> s == tied).count();
        assertEquals(0.0, p[0]);
        assertEquals((below + equal / 2.0) / training.length, p[1], 1e-15);
        assertEquals(1.0, p[2]);
        assertEquals(0.501, p[3], 1e-12, "above 501 of the 1,000 training scores");
        double[] anomalies = model.probability(DATA.anomalies());
        assertArrayEquals(model.probabilityOfScores(model.score(DATA.anomalies())), anomalies, 0.0);
    }

    @Test
    void trainingRowsProbabilitiesAverageOneHalfAndFollowTheScore() {
        for (DetectorModel model : models) {
            double[] p = model.probabilityOfScores(model.trainingScores());
            assertEquals(0.5, java.util.Arrays.stream(p).average().orElseThrow(), 1e-12, model.detector().method());
            double[] scores = model.score(DATA.anomalies());
            double[] q = model.probabilityOfScores(scores);
            for (int i = 0; i < scores.length; i++) {
                for (int j = 0; j < scores.length; j++) {
                    assertTrue(scores[i] >= scores[j] || q[i] <= q[j], model.detector().method() + ": not monotone");
                }
            }
        }
    }

    private static double forestNormaliser(DetectorModel model) {
        IsolationForest forest = (IsolationForest) model.detector();
        int m = forest.sampleSize(model.trainingInfo().rows());
        return 2 * (Math.log(m - 1.0) + 0.5772156649015329) - 2.0 * (m - 1) / m;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
