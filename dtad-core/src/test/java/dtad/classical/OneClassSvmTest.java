package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorContract;
import dtad.detect.TestData;
import dtad.metrics.RankingMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OneClassSvmTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return new OneClassSvm();
    }

    /**
     * scikit-learn 1.2.1 (the same LIBSVM solver), {@code OneClassSVM(gamma=1/6, nu=0.5, tol=1e-3)}
     * fitted on the standardized training rows of {@link ParityData}: minus {@code decision_function}
     * of test rows 0, 1, 7 and 59, {@code offset_} (rho) and the number of support vectors.
     */
    @Test
    void matchesScikitLearnOneClassSvm() {
        OneClassSvmModel model = new OneClassSvm().fit(ParityData.train());
        double[] scores = model.score(ParityData.test());
        assertEquals(7.557252586708213, scores[0], 1e-6);
        assertEquals(4.084358512134838, scores[1], 1e-6);
        assertEquals(-3.608284850452538, scores[7], 1e-6);
        assertEquals(21.74422031663564, scores[59], 1e-6);
        assertEquals(28.759720497388816, model.rho(), 1e-6);
        assertEquals(154, model.supportVectorCount());
        assertFalse(model.subsampled());
        assertEquals(0.87, RankingMetrics.aucRoc(scores, ParityData.testLabels()), 1e-12);
    }

    @Test
    void trainsOnASeededSubsampleAboveTheCapAndSaysSo() {
        Matrix train = TestData.gaussian(300, 4, 11, 0);
        OneClassSvm capped = new OneClassSvm(0.5, 0, 1e-3, 100, 200, 4);
        OneClassSvmModel model = capped.fit(train);
        assertTrue(model.subsampled());
        assertEquals(100, model.fittedRows());
        assertEquals(300, model.trainingScores().length);
        assertArrayEquals(model.score(train), capped.fit(train).score(train));
        int[] rows = OneClassSvm.subsample(300, 100, 4);
        assertEquals(100, rows.length);
        for (int i = 1; i < rows.length; i++) {
            assertTrue(rows[i - 1] < rows[i]);
        }
    }

    @Test
    void concurrentFitsGiveTheSameModelsAsOneAtATime() throws Exception {
        Matrix train = ParityData.train();
        double[] expected = new OneClassSvm().fit(train).score(ParityData.test());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> new OneClassSvm().fit(train).score(ParityData.test())));
            }
            for (Future<double[]> result : results) {
                assertArrayEquals(expected, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void gammaZeroMeansOneOverTheFeatureCount() {
        assertEquals(0.2, new OneClassSvm().effectiveGamma(5), 0);
        assertEquals(0.7, new OneClassSvm(0.5, 0.7, 1e-3, 10, 200, 0).effectiveGamma(5), 0);
    }

    @Test
    void parameterTableGivesPyodDefaultsAndNamesBadValues() {
        assertEquals(new OneClassSvm(), OneClassSvm.METHOD.defaults());
        assertEquals(new OneClassSvm(0.1, 0.5, 1e-4, 5000, 100, 3), OneClassSvm.METHOD.configure(Map.of("nu", "0.1",
                "gamma", "0.5", "tol", "1e-4", "max_train_rows", "5000", "cache_mb", "100", "seed", "3")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OneClassSvm.METHOD.configure(Map.of("nu", "1.5")));
        assertTrue(e.getMessage().contains("Invalid nu: 1.5"), e.getMessage());
    }
}
