package dtad.torch.dte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.TestData;
import dtad.torch.NetworkParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class InverseGammaDTEModelTest {

    private static InverseGammaDTE config(InverseGammaDTE.Score score) {
        return config(score, 1);
    }

    private static InverseGammaDTE config(InverseGammaDTE.Score score, int heads) {
        return InverseGammaDTE.builder().set(InverseGammaDTE.SCORE, score).set(InverseGammaDTE.HEADS, heads)
                .set(InverseGammaDTE.MEMBERS, 1)
                .set(NetworkParameters.HIDDEN, List.of(32, 32)).set(NetworkParameters.EPOCHS, 5).build();
    }

    /** The reference's single output by default; {@code heads} widens the last layer only. */
    @Test
    void headsAreOutputsOfTheLastLayer() {
        assertEquals(1, InverseGammaDTE.defaults().heads());
        InverseGammaDTE four = InverseGammaDTE.builder().set(InverseGammaDTE.HEADS, 4).build();
        assertEquals(4, four.network(3).outputs());
        assertEquals(InverseGammaDTE.defaults().network(3).hidden(), four.network(3).hidden());
        assertEquals(four, InverseGammaDTE.METHOD.configure(InverseGammaDTE.METHOD.format(four)));
    }

    /**
     * With several heads the score is the mean of their betas, and the raw score the mean of their outputs:
     * the mean of squares is at least the square of the mean, equal only where the heads agree, and the
     * heads, started apart, do not agree.
     */
    @Test
    void severalHeadsScoreTheMeanOfTheirBetas() {
        Matrix train = TestData.gaussian(120, 3, 4, 0);
        Matrix test = TestData.withPlantedOutlier(30, 3, 5);
        try (InverseGammaDTEModel beta = config(InverseGammaDTE.Score.BETA, 3).fit(train);
             InverseGammaDTEModel raw = config(InverseGammaDTE.Score.RAW, 3).fit(train)) {
            double[] b = beta.score(test);
            double[] u = raw.score(test);
            double largestGap = 0;
            for (int i = 0; i < b.length; i++) {
                assertTrue(b[i] >= u[i] * u[i] * (1 - 1e-5), "row " + i);
                largestGap = Math.max(largestGap, (b[i] - u[i] * u[i]) / b[i]);
            }
            assertTrue(largestGap > 0.01, "the heads differ: " + largestGap);
        }
    }

    /**
     * {@code members}: MLPs with their own hidden layers, one by default and in older model files; with several the
     * score is the mean of all their betas, which differ (the members start apart).
     */
    @Test
    void membersAreMlpsTrainedSideBySide() {
        assertEquals(4, InverseGammaDTE.defaults().members());
        assertEquals(1, InverseGammaDTE.METHOD.configureSaved(java.util.Map.of()).members());
        InverseGammaDTE three = config(InverseGammaDTE.Score.BETA, 2).toBuilder().set(InverseGammaDTE.MEMBERS, 3)
                .build();
        assertEquals(three, InverseGammaDTE.METHOD.configure(InverseGammaDTE.METHOD.format(three)));
        assertEquals(3, three.network(4).members());
        assertEquals(3 * config(InverseGammaDTE.Score.BETA, 2).network(4).layout().size(),
                three.network(4).layout().size());
        Matrix train = TestData.gaussian(120, 3, 4, 0);
        Matrix test = TestData.withPlantedOutlier(30, 3, 5);
        try (InverseGammaDTEModel beta = three.fit(train);
             InverseGammaDTEModel raw = three.toBuilder().set(InverseGammaDTE.SCORE, InverseGammaDTE.Score.RAW).build()
                     .fit(train)) {
            double[] b = beta.score(test);
            double[] u = raw.score(test);
            double largestGap = 0;
            for (int i = 0; i < b.length; i++) {
                assertTrue(Double.isFinite(b[i]) && b[i] >= u[i] * u[i] * (1 - 1e-5), "row " + i);
                largestGap = Math.max(largestGap, (b[i] - u[i] * u[i]) / b[i]);
            }
            assertTrue(largestGap > 0.01, "the members differ: " + largestGap);
        }
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
