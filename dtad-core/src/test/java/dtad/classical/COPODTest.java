package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtad.detect.Detector;
import dtad.detect.DetectorContract;
import dtad.metrics.RankingMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class COPODTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return new COPOD();
    }

    /**
     * A numpy re-implementation of PyOD 1.x's {@code COPOD.decision_function} (statsmodels ECDF, scipy
     * skew) on the standardized {@link ParityData}: test rows 0, 1, 7, 59 and the AUC.
     */
    @Test
    void transductiveModeMatchesPyod() {
        double[] scores = new COPOD(EcdfMode.TRANSDUCTIVE).fit(ParityData.train()).score(ParityData.test());
        assertEquals(7.670682918727605, scores[0], 1e-12);
        assertEquals(8.477770352873305, scores[1], 1e-12);
        assertEquals(6.251316046432764, scores[7], 1e-12);
        assertEquals(14.774272061114662, scores[59], 1e-12);
        assertEquals(0.842, RankingMetrics.aucRoc(scores, ParityData.testLabels()), 1e-12);
    }

    @Test
    void goldenAucAndScoreInTheDefaultMode() {
        double[] scores = new COPOD().fit(ParityData.train()).score(ParityData.test());
        assertEquals(0.858, RankingMetrics.aucRoc(scores, ParityData.testLabels()), 1e-12);
        assertEquals(15.309081899378924, scores[59], 1e-12);
    }

    @Test
    void parameterTableDefaultsToInductiveMode() {
        assertEquals(new COPOD(EcdfMode.INDUCTIVE), COPOD.METHOD.defaults());
        assertEquals(new COPOD(EcdfMode.TRANSDUCTIVE), COPOD.METHOD.configure(Map.of("mode", "transductive")));
    }
}
