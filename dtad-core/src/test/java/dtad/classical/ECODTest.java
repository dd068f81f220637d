package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtad.detect.Detector;
import dtad.detect.DetectorContract;
import dtad.metrics.RankingMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ECODTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return new ECOD();
    }

    /**
     * A numpy re-implementation of PyOD 1.x's {@code ECOD.decision_function} (per-feature maximum of
     * the three tails, then the sum) on the standardized {@link ParityData}: test rows 0, 1, 7, 59 and
     * the AUC.
     */
    @Test
    void transductiveModeMatchesPyod() {
        double[] scores = new ECOD(EcdfMode.TRANSDUCTIVE).fit(ParityData.train()).score(ParityData.test());
        assertEquals(10.34512874498309, scores[0], 1e-12);
        assertEquals(10.339108769721918, scores[1], 1e-12);
        assertEquals(7.4568544232643745, scores[7], 1e-12);
        assertEquals(17.71732407683974, scores[59], 1e-12);
        assertEquals(0.806, RankingMetrics.aucRoc(scores, ParityData.testLabels()), 1e-12);
    }

    @Test
    void goldenAucAndScoreInTheDefaultMode() {
        double[] scores = new ECOD().fit(ParityData.train()).score(ParityData.test());
        assertEquals(0.818, RankingMetrics.aucRoc(scores, ParityData.testLabels()), 1e-12);
        assertEquals(18.162637031753363, scores[59], 1e-12);
    }

    @Test
    void parameterTableDefaultsToInductiveMode() {
        assertEquals(new ECOD(EcdfMode.INDUCTIVE), ECOD.METHOD.defaults());
        assertEquals(new ECOD(EcdfMode.TRANSDUCTIVE), ECOD.METHOD.configure(Map.of("mode", "transductive")));
    }
}
