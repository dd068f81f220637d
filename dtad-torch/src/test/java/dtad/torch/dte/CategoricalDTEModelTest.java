package dtad.torch.dte;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.TestData;
import dtad.torch.NetworkParameters;
import dtad.torch.TorchEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CategoricalDTEModelTest {
    private CategoricalDTEModel model;
    private final Matrix test = TestData.withPlantedOutlier(50, 4, 3);

    @BeforeAll
    void fit() {
        model = CategoricalDTE.builder().set(CategoricalDTE.BINS, 5).set(NetworkParameters.EPOCHS, 10).build()
                .fit(TestData.gaussian(150, 4, 1, 0));
    }

    @AfterAll
    void close() {
        model.close();
    }

    @Test
    void posteriorRowsSumToOneAndTheirMeanIsTheScore() {
        Matrix posterior = model.posterior(test);
        assertEquals(test.rows(), posterior.rows());
        assertEquals(5, posterior.columns());
        assertArrayEquals(new String[] {"bin0", "bin1", "bin2", "bin3", "bin4"}, model.posteriorLabels());
        double[] scores = model.score(test);
        for (int r = 0; r < test.rows(); r++) {
            double sum = 0;
            double mean = 0;
            for (int k = 0; k < 5; k++) {
                double p = posterior.get(r, k);
                assertTrue(p >= 0 && p <= 1);
                sum += p;
                mean += k * p;
            }
            assertEquals(1, sum, 1e-5);
            assertEquals(scores[r], mean, 1e-5);
            assertTrue(scores[r] >= 0 && scores[r] <= 4);
        }
    }

    @Test
    void scoringKeepsNativeMemoryFlat() {
        Matrix many = TestData.gaussian(5000, 4, 5, 0);
        model.score(many);
        int held = model.nativeArrays();
        int live = TorchEngine.liveArrays();
        for (int i = 0; i < 10; i++) {
            model.score(many);
            model.posterior(many);
        }
        assertEquals(held, model.nativeArrays());
        assertEquals(live, TorchEngine.liveArrays());
    }
}
