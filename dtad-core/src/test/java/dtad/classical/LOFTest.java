package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorContract;
import dtad.method.Methods;
import dtad.metrics.RankingMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LOFTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return new LOF();
    }

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected));
    }

    /**
     * scikit-learn 1.2.1 {@code LocalOutlierFactor(n_neighbors=20, novelty=True)} on the standardized rows:
     * {@code -score_samples(Z_test)} and {@code -negative_outlier_factor_}.
     */
    @Test
    void matchesScikitLearnNoveltyModeOnParityData() {
        LOFModel model = new LOF().fit(ParityData.train());
        double[] scores = model.score(ParityData.test());
        assertEquals(0.958, RankingMetrics.aucRoc(scores, ParityData.testLabels()), 1e-12);
        assertClose(1.2999159805161469, scores[0]);
        assertClose(1.2642207936818193, scores[1]);
        assertClose(1.093355483479642, scores[7]);
        assertClose(1.6486682738679552, scores[59]);
        double[] training = model.trainingScores();
        assertClose(1.133520728199818, training[0]);
        assertClose(1.1550320622041608, training[1]);
        assertClose(1.1731579290207983, training[299]);
        // A training row scored again finds itself at distance 0 among its neighbours.
        assertClose(1.1119664593368772, model.score(ParityData.train().selectRows(new int[] {0}))[0]);
    }

    @Test
    void matchesScikitLearnWithFiveNeighbours() {
        LOFModel model = new LOF(5).fit(ParityData.train());
        double[] scores = model.score(ParityData.test());
        assertEquals(0.886, RankingMetrics.aucRoc(scores, ParityData.testLabels()), 1e-12);
        assertClose(1.1549284300169003, scores[0]);
        assertClose(1.6748614264653692, scores[59]);
        assertClose(1.1838575527862176, model.trainingScores()[299]);
    }

    /**
     * Three equal training rows have mean reachability distance 0, density {@code 1 / 1e-10}: scikit-learn
     * 1.2.1 with {@code n_neighbors=2} gives these large but finite values (the data have no ties other
     * than between the equal rows, so the choice among tied neighbours cannot matter).
     */
    @Test
    void duplicatedTrainingRowsGiveScikitLearnsLargeFiniteScores() {
        Matrix train = Matrix.of(new double[][] {{0, 0}, {0, 0}, {0, 0}, {1, 0}, {0, 1.3}, {5, 4}, {1.1, 1.2},
                                                 {2, 0.1}});
        Matrix test = Matrix.of(new double[][] {{0, 0}, {0.2, 0.1}, {5, 5}, {3, 3}});
        LOFModel model = new LOF(2).fit(train);
        double[] scores = model.score(test);
        double[] expected = {1.0, 1455432295.6873636, 2.446322062332877, 1.7862009726171755};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], scores[i], 1e-12 * expected[i], "test row " + i);
        }
        double[] training = model.trainingScores();
        double[] expectedTraining = {1.0, 1.0, 1.0, 6192996778.402392, 4782097496.484479, 3.825464589673282,
                                     1.2721782631409857, 1.0858681776144443};
        for (int i = 0; i < expectedTraining.length; i++) {
            assertEquals(expectedTraining[i], training[i], 1e-12 * expectedTraining[i], "training row " + i);
        }
    }

    @Test
    void rowsWithCongruentNeighbourhoodsScoreOne() {
        // Equally spaced points on a circle: every row sees the same neighbourhood, so every density is equal.
        double[][] rows = new double[40][];
        for (int i = 0; i < rows.length; i++) {
            double angle = 2 * Math.PI * i / rows.length;
            rows[i] = new double[] {Math.cos(angle), Math.sin(angle)};
        }
        LOFModel model = new LOF(6).fit(Matrix.of(rows));
        for (double score : model.trainingScores()) {
            assertEquals(1.0, score, 1e-9);
        }
        assertTrue(model.score(Matrix.of(new double[][] {{0, 0}}))[0] > 1.5, "the centre is far from every row");
    }

    @Test
    void refusesFewerTrainingRowsThanNeighboursPlusOne() {
        InputException e = assertThrows(InputException.class, () -> new LOF().fit(Matrix.zeros(20, 2)));
        assertEquals("Too few training rows for k = 20 neighbours (parameter k; k + 1 rows): 20 (at least 21 needed)", e.getMessage());
    }

    @Test
    void parsesItsParametersAndNamesBadValues() {
        assertEquals(new LOF(7), Methods.find("lof").configure(Map.of("k", "7")));
        assertEquals(new LOF(), LOF.METHOD.defaults());
        assertEquals("LOF: Invalid k: -1 (at least 1)", assertThrows(IllegalArgumentException.class,
                () -> LOF.METHOD.configure(Map.of("k", "-1"))).getMessage());
    }
}
