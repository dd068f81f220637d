package dtad.torch.dte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

class InverseGammaDTEModelTest {

    private static InverseGammaDTE config(InverseGammaDTE.Score score) {
        InverseGammaDTE d = InverseGammaDTE.defaults();
        return new InverseGammaDTE(d.steps(), score, List.of(32, 32), d.dropout(), d.training().withEpochs(5));
    }

    /** Training does not depend on the score mode, so the same seed gives the same network. */
    @Test
    void betaScoreIsTheSquareOfTheRawReferenceScore() {
        Matrix train = TestData.gaussian(120, 3, 4, 0);
        Matrix test = TestData.withPlantedOutlier(30, 3, 5);
        try (InverseGammaDTEModel beta = config(InverseGammaDTE.Score.BETA).fit(train);
             InverseGammaDTEModel raw = config(InverseGammaDTE.Score.RAW).fit(train)) {
            double[] b = beta.score(test);
            double[] u = raw.score(test);
            for (int i = 0; i < b.length; i++) {
                assertEquals(u[i] * u[i], b[i], 1e-6 * Math.max(1e-3, b[i]), "row " + i);
                assertTrue(b[i] >= 0);
            }
        }
    }
}
