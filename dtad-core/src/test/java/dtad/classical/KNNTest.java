package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dtad.InputException;
import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorContract;
import dtad.method.Methods;
import dtad.metrics.RankingMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KNNTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return new KNN();
    }

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, 1e-12 * Math.abs(expected));
    }

    /**
     * PyOD's KNN re-implemented on scikit-learn 1.2.1 ({@code NearestNeighbors(n_neighbors=5)}, Euclidean):
     * test scores from {@code kneighbors(Z_test)}, training scores from {@code kneighbors()} (self left out).
     */
    @Test
    void largestMatchesPyodOnParityData() {
        KNNModel model = new KNN().fit(ParityData.train());
        double[] scores = model.score(ParityData.test());
        assertEquals(0.886, RankingMetrics.aucRoc(scores, ParityData.testLabels()), 1e-12);
        assertClose(1.5745806173680656, scores[0]);
        assertClose(1.5506640497981492, scores[1]);
        assertClose(1.047526472352965, scores[7]);
        assertClose(2.915287581164671, scores[59]);
        double[] training = model.trainingScores();
        assertClose(1.1129123122450049, training[0]);
        assertClose(1.488205067443025, training[1]);
        assertClose(1.7103775146458426, training[299]);
    }

    @Test
    void meanMatchesPyodOnParityData() {
        KNNModel model = new KNN(5, KNN.Score.MEAN).fit(ParityData.train());
        double[] scores = model.score(ParityData.test());
        assertEquals(0.9, RankingMetrics.aucRoc(scores, ParityData.testLabels()), 1e-12);
        assertClose(1.427496385725254, scores[0]);
        assertClose(2.647305992973543, scores[59]);
        assertClose(1.0791128267415027, model.trainingScores()[0]);
    }

    @Test
    void medianMatchesPyodForOddAndEvenK() {
        KNNModel five = new KNN(5, KNN.Score.MEDIAN).fit(ParityData.train());
        double[] scores = five.score(ParityData.test());
        assertEquals(0.902, RankingMetrics.aucRoc(scores, ParityData.testLabels()), 1e-12);
        assertClose(1.3907705669407464, scores[0]);
        assertClose(2.64594139968515, scores[59]);
        assertClose(1.700599296248944, five.trainingScores()[299]);
        // numpy's median of four distances: the mean of the middle two.
        double[] four = new KNN(4, KNN.Score.MEDIAN).fit(ParityData.train()).score(ParityData.test());
        assertClose(1.361469559622626, four[0]);
        assertClose(2.5534803296554776, four[59]);
    }

    @Test
    void scoringATrainingRowCountsTheRowItself() {
        KNNModel model = new KNN().fit(ParityData.train());
        double again = model.score(ParityData.train().selectRows(new int[] {0}))[0];
        // scikit-learn: kneighbors(Z_train[:1]) finds row 0 itself first, so its 5th is the 4th other.
        assertClose(1.0958298577072774, again);
        assertClose(1.1129123122450049, model.trainingScores()[0]);
    }

    @Test
    void refusesFewerTrainingRowsThanNeighboursPlusOne() {
        Matrix five = Matrix.of(new double[][] {{0}, {1}, {2}, {3}, {4}});
        InputException e = assertThrows(InputException.class, () -> new KNN().fit(five));
        assertEquals("Too few training rows for k = 5 neighbours (parameter k; k + 1 rows): 5 (at least 6 needed)", e.getMessage());
    }

    @Test
    void parsesItsParametersAndNamesBadValues() {
        assertEquals(new KNN(3, KNN.Score.MEDIAN), Methods.find("knn").configure(Map.of("k", "3", "score", "median")));
        assertEquals(new KNN(), KNN.METHOD.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KNN.METHOD.configure(Map.of("k", "0")));
        assertEquals("KNN: Invalid k: 0 (at least 1)", e.getMessage());
    }
}
