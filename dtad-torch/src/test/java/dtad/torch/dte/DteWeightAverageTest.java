package dtad.torch.dte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.TestData;
import dtad.method.Method;
import dtad.torch.NetworkParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ema} on the DTE networks: the reference's last weights by default and in older model files, a moving average when set. */
class DteWeightAverageTest {
    private static final List<Method<?>> NETWORKS = List.of(InverseGammaDTE.METHOD, CategoricalDTE.METHOD,
            GaussianDTE.METHOD, ImageCategoricalDTE.METHOD);

    @Test
    void everyDteNetworkKeepsItsLastWeightsByDefaultAndInOlderModelFiles() {
        for (Method<?> m : NETWORKS) {
            assertEquals("0.0", m.format(m.defaults()).get("ema"), m.name());
            assertEquals("0.0", m.format(m.configureSaved(Map.of())).get("ema"), m.name());
        }
        assertEquals(0.99, InverseGammaDTE.METHOD.configure(Map.of("ema", "0.99")).training().ema());
        assertEquals(0.9, CategoricalDTE.builder().set(NetworkParameters.EMA, 0.9).build().training().ema());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> GaussianDTE.METHOD.configure(Map.of("ema", "1")));
        assertTrue(one.getMessage().contains("ema"), one.getMessage());
    }

    /** The fit returns the averaged weights: same seed, same steps, other scores; close to the last weights'. */
    @Test
    void aFitWithEmaScoresByTheAveragedWeights() {
        Matrix train = TestData.gaussian(160, 3, 4, 0);
        Matrix test = TestData.withPlantedOutlier(30, 3, 5);
        InverseGammaDTE last = InverseGammaDTE.builder().set(NetworkParameters.HIDDEN, List.of(32, 32))
                .set(NetworkParameters.EPOCHS, 20).set(NetworkParameters.DROPOUT, 0.0).build();
        InverseGammaDTE averaged = last.toBuilder().set(NetworkParameters.EMA, 0.9).build();
        try (InverseGammaDTEModel a = last.fit(train); InverseGammaDTEModel b = averaged.fit(train)) {
            double[] sa = a.score(test);
            double[] sb = b.score(test);
            int outlier = sa.length - 1;
            assertNotEquals(sa[outlier], sb[outlier]);
            for (int i = 0; i < outlier; i++) {
                assertTrue(Double.isFinite(sb[i]), "row " + i);
                assertTrue(sb[outlier] > sb[i], "the planted outlier scores highest; row " + i);
            }
        }
    }
}
