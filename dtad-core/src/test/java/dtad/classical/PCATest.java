package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorContract;
import dtad.metrics.RankingMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PCATest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return new PCA();
    }

    /**
     * PyOD's {@code PCA} code run on scikit-learn 1.2.1 ({@code StandardScaler}, {@code PCA()},
     * {@code np.sum(cdist(X, components_) / explained_variance_ratio_, axis=1)}) on the standardized
     * {@link ParityData}: rows 0, 1, 7, 59, the AUC and the explained-variance ratios.
     */
    @Test
    void matchesPyodWithScikitLearn() {
        PCAModel model = new PCA().fit(ParityData.train());
        double[] scores = model.score(ParityData.test());
        assertEquals(113.06037603218407, scores[0], 1e-9);
        assertEquals(109.26183161796166, scores[1], 1e-9);
        assertEquals(91.81066015720401, scores[7], 1e-9);
        assertEquals(227.1912519372303, scores[59], 1e-9);
        assertEquals(0.822, RankingMetrics.aucRoc(scores, ParityData.testLabels()), 1e-12);
        assertArrayEquals(new double[] {0.3912807106687692, 0.15699330245275106, 0.14081265312484642,
            0.12715052072350919, 0.12290246869517907, 0.0608603443349451}, model.ratios(), 1e-12);
    }

    /** As PyOD's {@code n_selected_components=2} and {@code weighted=False}, from the same script. */
    @Test
    void selectedComponentsAndUnweightedScoresMatchPyod() {
        double[] two = new PCA(2, true).fit(ParityData.train()).score(ParityData.test());
        assertEquals(52.12715796765509, two[0], 1e-9);
        assertEquals(113.6343220173641, two[59], 1e-9);
        double[] plain = new PCA(0, false).fit(ParityData.train()).score(ParityData.test());
        assertEquals(28.330897112994972, plain[59], 1e-9);
    }

    /** The score is the distance to each component vector, not the projection on it. */
    @Test
    void scoreIsTheWeightedDistanceToTheComponentVectors() {
        Matrix train = Matrix.of(new double[][] {{-2, 0}, {2, 0}, {-2, 0}, {2, 0}, {0, 1}, {0, -1}, {0, 1}, {0, -1}});
        PCAModel model = new PCA().fit(train);
        // Standardized, the columns have variance 1 and are uncorrelated: the components are the
        // axes (either order, ratio 1/2 each) and the origin is at distance 1 from both.
        assertArrayEquals(new double[] {0.5, 0.5}, model.ratios(), 1e-12);
        assertEquals(4, model.score(Matrix.of(new double[][] {{0, 0}}))[0], 1e-12);
    }

    @Test
    void constantColumnGivesFiniteScores() {
        Matrix train = ParityData.train();
        int d = train.columns();
        double[] values = new double[train.rows() * (d + 1)];
        for (int r = 0; r < train.rows(); r++) {
            System.arraycopy(train.values(), r * d, values, r * (d + 1), d);
            values[r * (d + 1) + d] = 3;
        }
        PCAModel model = new PCA().fit(Matrix.wrap(train.rows(), d + 1, values));
        assertEquals(0, model.ratios()[d], 1e-15);
        for (double s : model.trainingScores()) {
            assertTrue(Double.isFinite(s));
        }
    }

    @Test
    void refusesMoreComponentsThanTheDataHas() {
        InputException e = assertThrows(InputException.class, () -> new PCA(7, true).fit(ParityData.train()));
        assertTrue(e.getMessage().contains("components = 7"), e.getMessage());
    }

    @Test
    void parameterTableGivesPyodDefaults() {
        assertEquals(new PCA(0, true), PCA.METHOD.defaults());
        assertEquals(new PCA(3, false), PCA.METHOD.configure(Map.of("components", "3", "weighted", "false")));
        assertThrows(IllegalArgumentException.class, () -> PCA.METHOD.configure(Map.of("components", "-1")));
    }

    /** Both paths on shapes where both run: the same ratios, and the same components where the data has a direction. */
    @Test
    void gramPathGivesTheComponentsOfTheCovariancePath() {
        for (int[] shape : new int[][] {{12, 30}, {40, 6}, {9, 9}}) {
            int n = shape[0];
            int d = shape[1];
            double[] centred = centredGaussian(n, d, n + d);
            int available = Math.min(n, d);
            PCA.Components covariance = PCA.leastVariance(centred, n, d, available, false);
            PCA.Components gram = PCA.leastVariance(centred, n, d, available, true);
            assertArrayEquals(covariance.ratios(), gram.ratios(), 1e-12, n + " x " + d);
            for (int k = 0; k < available; k++) {
                if (covariance.ratios()[k] < 1e-10) {
                    continue; // no direction in the data: an arbitrary unit vector in both paths
                }
                for (int j = 0; j < d; j++) {
                    assertEquals(covariance.vectors()[k * d + j], gram.vectors()[k * d + j], 1e-9,
                            n + " x " + d + ", component " + k + ", feature " + j);
                }
            }
        }
    }

    /** Zero-variance components of the Gram path are unit vectors orthogonal to every other component. */
    @Test
    void gramPathComponentsAreOrthonormal() {
        assertOrthonormal(centredGaussian(10, 25, 3), 10, 25);
    }

    /**
     * A bootstrap-like training set, 30 rows that are copies of 6: 25 of the 30 components have no
     * direction in the data, and all 30 are still orthonormal.
     */
    @Test
    void repeatedRowsLeaveManyZeroVarianceComponentsAllOrthonormal() {
        int n = 30;
        int d = 40;
        double[] distinct = centredGaussian(6, d, 4);
        double[] rows = new double[n * d];
        for (int r = 0; r < n; r++) {
            System.arraycopy(distinct, (r % 6) * d, rows, r * d, d); // each of the 6 five times: still centred
        }
        PCA.Components gram = assertOrthonormal(rows, n, d);
        long zeroVariance = java.util.Arrays.stream(gram.ratios()).filter(ratio -> ratio < 1e-12).count();
        assertEquals(25, zeroVariance);
    }

    private static PCA.Components assertOrthonormal(double[] centred, int n, int d) {
        PCA.Components gram = PCA.leastVariance(centred, n, d, n, true);
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += gram.vectors()[a * d + j] * gram.vectors()[b * d + j];
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-9, "components " + a + " and " + b);
            }
        }
        return gram;
    }

    /** Many more features than rows: the Gram path fits (the d x d path took minutes at 50 x 10,000). */
    @Test
    void fitsManyMoreFeaturesThanRows() {
        Matrix train = dtad.detect.TestData.gaussian(30, 3000, 5, 0);
        PCAModel model = new PCA().fit(train);
        assertEquals(30, model.ratios().length);
        assertEquals(1, java.util.Arrays.stream(model.ratios()).sum(), 1e-9);
        for (double score : model.score(dtad.detect.TestData.gaussian(5, 3000, 6, 0))) {
            assertTrue(Double.isFinite(score) && score > 0);
        }
    }

    private static double[] centredGaussian(int n, int d, long seed) {
        double[] x = dtad.detect.TestData.gaussian(n, d, seed, 0).values().clone();
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int r = 0; r < n; r++) {
                mean += x[r * d + j] / n;
            }
            for (int r = 0; r < n; r++) {
                x[r * d + j] -= mean;
            }
        }
        return x;
    }
}
