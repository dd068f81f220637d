package dtad.dte;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorContract;
import dtad.detect.TestData;
import dtad.diffusion.NoiseSchedule;
import dtad.method.Family;
import dtad.method.Methods;
import dtad.metrics.RankingMetrics;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NonParametricDTETest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return new NonParametricDTE();
    }

    private static final NonParametricDTE MODE = new NonParametricDTE(5, 300, NonParametricDTE.Score.MODE);

    @Test
    void theModeSaturatesAtTheLastStepWhereTheMeanKeepsFarRowsApart() {
        // The contract's correlated test rows drive some inliers' posterior mode to step 299, where they
        // tie with the planted outlier; the posterior mean (the default) ranks the outlier above them.
        Matrix train = TestData.gaussian(INLIERS, COLUMNS, 1, 0);
        Matrix test = TestData.withPlantedOutlier(INLIERS, COLUMNS, 2);
        double[] modes = MODE.fit(train).score(test);
        double[] means = new NonParametricDTE().fit(train).score(test);
        int last = test.rows() - 1;
        assertEquals(299, modes[last]);
        int tied = 0;
        for (int i = 0; i < last; i++) {
            tied += modes[i] == 299 ? 1 : 0;
            assertTrue(means[i] < means[last]);
        }
        assertTrue(tied > 0, "some inliers saturate too");
    }

    /** Gaussian training rows in six columns with an anisotropic scale, and test rows of which the last 10 are shifted. */
    private static Matrix rows(int count, long seed, int shifted) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[count * 6];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < 6; j++) {
                double u = 1 - random.nextDouble();
                double z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
                v[i * 6 + j] = (1 + j) * z + (i >= count - shifted ? 3 : 0);
            }
        }
        return Matrix.wrap(count, 6, v);
    }

    @Test
    void isADiffusionTimeMethod() {
        assertEquals(Family.DIFFUSION_TIME, Methods.find("dte-np").family());
        assertEquals(new NonParametricDTE(3, 100, NonParametricDTE.Score.MEAN),
                Methods.find("DTE-NP").configure(Map.of("k", "3", "steps", "100", "score", "mean")));
        assertEquals(new NonParametricDTE(), NonParametricDTE.METHOD.defaults());
    }

    @Test
    void scoresAreThePosteriorModeOfTheMeanSquaredDistanceToTheFiveNearest() {
        Matrix train = rows(200, 1, 0);
        Matrix test = rows(40, 2, 10);
        NonParametricDTEModel model = MODE.fit(train);
        double[] scores = model.score(test);
        Matrix posterior = model.posterior(test);
        Matrix z = model.trainingInfo().scaler().transform(test);
        Matrix zTrain = model.trainingInfo().scaler().transform(train);
        TimePosterior reference = new TimePosterior(NoiseSchedule.linear(300), 6);
        for (int i = 0; i < test.rows(); i++) {
            double[] d2 = new double[train.rows()];
            for (int j = 0; j < d2.length; j++) {
                for (int f = 0; f < 6; f++) {
                    double diff = z.get(i, f) - zTrain.get(j, f);
                    d2[j] += diff * diff;
                }
            }
            java.util.Arrays.sort(d2);
            double m = (d2[0] + d2[1] + d2[2] + d2[3] + d2[4]) / 5;
            assertEquals(reference.mode(m), scores[i], "row " + i);
            int argmax = 0;
            for (int t = 1; t < 300; t++) {
                if (posterior.get(i, t) > posterior.get(i, argmax)) {
                    argmax = t;
                }
            }
            assertEquals(scores[i], argmax, "the score is the argmax of the posterior, row " + i);
        }
        int[] labels = new int[40];
        for (int i = 30; i < 40; i++) {
            labels[i] = 1;
        }
        assertTrue(RankingMetrics.aucRoc(scores, labels) > 0.9);
    }

    /**
     * Rows in closed form, the same doubles in numpy: cell (i, j) is
     * {@code ((31 i^2 + 17 i j + 13 j^2 + 7 i + 3 j) mod 1009) / 1009 * (1 + j)}, rows 0..299 for training,
     * 1000..1059 for testing, the last ten shifted by 0.25 in every column.
     */
    private static Matrix closedForm(int first, int count, int shifted) {
        double[] v = new double[count * 6];
        for (int r = 0; r < count; r++) {
            long i = first + r;
            for (int j = 0; j < 6; j++) {
                long h = (31 * i * i + 17 * i * j + 13L * j * j + 7 * i + 3L * j) % 1009;
                v[r * 6 + j] = h / 1009.0 * (1 + j) + (r >= count - shifted ? 0.25 : 0);
            }
        }
        return Matrix.wrap(count, 6, v);
    }

    /**
     * numpy 2.4 on {@link #closedForm} data (standardized with the training rows' mean and population
     * deviation; brute-force squared distances; the five smallest' mean; posterior over 300 steps).
     */
    @Test
    void matchesNumpyOnClosedFormData() {
        Matrix train = closedForm(0, 300, 0);
        Matrix test = closedForm(1000, 60, 10);
        int[] labels = new int[60];
        java.util.Arrays.fill(labels, 50, 60, 1);
        NonParametricDTEModel mode = MODE.fit(train);
        double[] scores = mode.score(test);
        assertArrayEquals(new double[] {94, 80, 59, 114}, pick(scores));
        assertEquals(0.866, RankingMetrics.aucRoc(scores, labels), 1e-12);
        double[] training = mode.trainingScores();
        assertEquals(82, training[0]);
        assertEquals(72, training[1]);
        assertEquals(72, training[299]);
        double[] means = new NonParametricDTE().fit(train).score(test);
        assertArrayEquals(new double[] {131.7062170723368, 113.37223688085162, 82.66786243070916, 154.7231371964097},
                pick(means), 1e-9);
        assertEquals(0.868, RankingMetrics.aucRoc(means, labels), 1e-12);
        Matrix p = mode.posterior(test.selectRows(new int[] {59}));
        assertEquals(0.0, p.get(0, 0));
        assertEquals(0.0076816441747674675, p.get(0, 100), 1e-13);
        assertEquals(0.0034273520355091614, p.get(0, 200), 1e-13);
        assertEquals(0.0013839913731535042, p.get(0, 299), 1e-13);
    }

    /** Rows 0, 1, 7 and 59. */
    private static double[] pick(double[] scores) {
        return new double[] {scores[0], scores[1], scores[7], scores[59]};
    }

    @Test
    void aTrainingRowScoredAgainIsAtDistanceZeroFromItselfOnly() {
        Matrix train = TestData.gaussian(100, 3, 4, 0);
        NonParametricDTEModel model = new NonParametricDTE(1, 300, NonParametricDTE.Score.MODE).fit(train);
        double[] again = model.score(train);
        for (double s : again) {
            assertEquals(0, s, "with k = 1 a training row's nearest is itself");
        }
        assertTrue(java.util.Arrays.stream(model.trainingScores()).allMatch(s -> s > 0),
                "training scores leave the row itself out");
    }

    @Test
    void duplicatedRowsScoreZeroNeverNaN() {
        double[][] rows = new double[12][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i < 6 ? new double[] {1, 2} : new double[] {1 + i, 2 - i};
        }
        NonParametricDTEModel model = MODE.fit(Matrix.of(rows));
        assertEquals(0, model.score(Matrix.of(new double[][] {{1, 2}}))[0]);
        assertEquals(0, model.trainingScores()[0], "five other copies are at distance 0");
        double mean = new NonParametricDTE().fit(Matrix.of(rows)).score(Matrix.of(new double[][] {{1, 2}}))[0];
        // The least possible posterior mean in two dimensions, that of m = 0.
        assertEquals(new TimePosterior(NoiseSchedule.linear(300), 2).mean(0), mean, 1e-12);
    }

    @Test
    void oneAndTwoFeaturesGiveFiniteScoresGrowingWithDistance() {
        for (int d = 1; d <= 2; d++) {
            Matrix train = TestData.gaussian(300, d, 5, 0);
            for (NonParametricDTE.Score score : NonParametricDTE.Score.values()) {
                NonParametricDTEModel model = new NonParametricDTE(5, 300, score).fit(train);
                double[] far = new double[6 * d];
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j < d; j++) {
                        far[i * d + j] = 1.5 * i;
                    }
                }
                double[] scores = model.score(Matrix.wrap(6, d, far));
                for (int i = 1; i < scores.length; i++) {
                    assertTrue(Double.isFinite(scores[i]) && scores[i] >= scores[i - 1],
                            "d " + d + " " + score + ": " + java.util.Arrays.toString(scores));
                }
                assertTrue(scores[5] > scores[0]);
            }
        }
    }

    @Test
    void posteriorRowsSumToOneAndAreLabelledBySteps() {
        NonParametricDTEModel model = new NonParametricDTE(5, 50, NonParametricDTE.Score.MODE)
                .fit(TestData.gaussian(100, 4, 6, 0));
        String[] labels = model.posteriorLabels();
        assertEquals(50, labels.length);
        assertEquals("t0", labels[0]);
        assertEquals("t49", labels[49]);
        Matrix p = model.posterior(TestData.gaussian(7, 4, 7, 1));
        assertEquals(7, p.rows());
        assertEquals(50, p.columns());
        for (int i = 0; i < 7; i++) {
            double sum = 0;
            for (int t = 0; t < 50; t++) {
                sum += p.get(i, t);
            }
            assertEquals(1.0, sum, 1e-12);
        }
        assertThrows(InputException.class, () -> model.posterior(Matrix.zeros(0, 4)));
        assertThrows(InputException.class, () -> model.posterior(Matrix.zeros(2, 5)));
    }

    @Test
    void posteriorIsTheSameAfterSaveAndLoad(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        NonParametricDTEModel model = new NonParametricDTE().fit(TestData.gaussian(80, 3, 8, 0));
        model.save(dir.resolve("m"));
        NonParametricDTEModel loaded = (NonParametricDTEModel) dtad.model.ModelFiles.load(dir.resolve("m"));
        Matrix x = TestData.gaussian(5, 3, 9, 0.5);
        assertArrayEquals(model.posterior(x).values(), loaded.posterior(x).values());
    }

    @Test
    void refusesBadSettingsNamingTheValue() {
        assertEquals("Invalid k: 0 (at least 1)", assertThrows(IllegalArgumentException.class,
                () -> new NonParametricDTE(0, 300, NonParametricDTE.Score.MODE)).getMessage());
        assertEquals("Invalid steps: 1 (at least 2)", assertThrows(IllegalArgumentException.class,
                () -> new NonParametricDTE(5, 1, NonParametricDTE.Score.MODE)).getMessage());
        assertEquals("Too few training rows for k = 5 neighbours (parameter k; k + 1 rows): 5 (at least 6 needed)", assertThrows(InputException.class,
                () -> new NonParametricDTE().fit(Matrix.zeros(5, 2))).getMessage());
    }

    @Test
    void errorMapsPointAtTheValuesThatDifferFromTheNearestTrainingRows() {
        // 8x8 "images": a smooth ramp with a little noise; the anomalies add a bright 2x2 square at (5, 2).
        SplittableRandom random = new SplittableRandom(3);
        int n = 60;
        double[][] train = new double[n][64];
        double[][] test = new double[4][64];
        for (double[][] rows : new double[][][] {train, test}) {
            for (double[] row : rows) {
                for (int j = 0; j < 64; j++) {
                    row[j] = j / 64.0 + 0.05 * random.nextGaussian();
                }
            }
        }
        int[] square = {5 * 8 + 2, 5 * 8 + 3, 6 * 8 + 2, 6 * 8 + 3};
        for (double[] row : test) {
            for (int j : square) {
                row[j] += 1.0;
            }
        }
        NonParametricDTEModel model = new NonParametricDTE().fit(Matrix.of(train));
        Matrix maps = model.squaredErrors(Matrix.of(test));
        double[][] contributions = model.contributions(Matrix.of(test));
        for (int i = 0; i < test.length; i++) {
            double[] map = maps.row(i);
            assertArrayEquals(contributions[i], map, "the map is the contributions");
            double least = Double.MAX_VALUE;
            for (int j : square) {
                least = Math.min(least, map[j]);
            }
            int above = 0;
            for (int j = 0; j < 64; j++) {
                above += map[j] >= least ? 1 : 0;
            }
            assertEquals(4, above, "the square's four values are the map's largest: row " + i);
        }
    }
}
