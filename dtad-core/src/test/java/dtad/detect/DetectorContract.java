package dtad.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.data.Matrix;
import dtad.method.Methods;
import dtad.model.ModelFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every detector keeps, as a test that each detector's test extends: output shape,
 * determinism under a seed, a planted outlier outranks the inliers, batch independence, input left
 * untouched, clear errors for bad input, identical scores after save and load.
 *
 * <p>Subclasses give a configuration small enough to fit in a moment on 200 x 5 rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DetectorContract {
    protected static final int INLIERS = 200;
    protected static final int COLUMNS = 5;

    private Matrix train;
    private Matrix test;
    private DetectorModel model;

    /** A configuration of the detector under test, fast on 200 x 5 rows. */
    protected abstract Detector<?> detector();

    /** Fits the detector; subclasses with special set-up may override. */
    protected DetectorModel fit(Matrix rows) {
        return detector().fit(rows);
    }

    @BeforeAll
    void fitOnce() {
        train = TestData.gaussian(INLIERS, COLUMNS, 1, 0);
        test = TestData.withPlantedOutlier(INLIERS, COLUMNS, 2);
        model = fit(train);
    }

    @AfterAll
    void close() {
        model.close();
    }

    @Test
    void givesOneFiniteScorePerRow() {
        double[] scores = model.score(test);
        assertEquals(test.rows(), scores.length);
        assertTrue(Arrays.stream(scores).allMatch(Double::isFinite), "every score is finite");
    }

    @Test
    void keepsOneTrainingScorePerTrainingRow() {
        double[] scores = model.trainingScores();
        assertEquals(train.rows(), scores.length);
        assertTrue(Arrays.stream(scores).allMatch(Double::isFinite));
    }

    @Test
    void isRegisteredUnderItsMethodName() {
        assertEquals(detector().method(), Methods.find(detector().method()).name());
    }

    @Test
    void plantedOutlierOutranksEveryInlier() {
        double[] scores = model.score(test);
        double outlier = scores[scores.length - 1];
        for (int i = 0; i < scores.length - 1; i++) {
            assertTrue(outlier > scores[i], "outlier " + outlier + " vs row " + i + ": " + scores[i]);
        }
    }

    @Test
    void sameConfigurationAndDataGiveSameScores() {
        try (DetectorModel again = fit(train)) {
            assertArrayEquals(model.score(test), again.score(test));
        }
    }

    @Test
    void scoreOfARowDoesNotDependOnTheBatch() {
        double[] all = model.score(test);
        int[] some = {test.rows() - 1, 3, 0, 17};
        double[] part = model.score(test.selectRows(some));
        for (int i = 0; i < some.length; i++) {
            assertEquals(all[some[i]], part[i], 1e-9 * Math.max(1, Math.abs(part[i])), "row " + some[i]);
        }
    }

    @Test
    void leavesItsInputUntouchedAndKeepsNoReferenceToIt() {
        double[] before = test.values().clone();
        // A matrix wraps the caller's array without copying: the model must not keep it.
        double[] callers = train.values().clone();
        Matrix own = Matrix.wrap(train.rows(), train.columns(), callers);
        try (DetectorModel other = fit(own)) {
            double[] scores = other.score(test);
            assertArrayEquals(before, test.values());
            assertArrayEquals(train.values(), callers);
            Arrays.fill(callers, 1e6);
            assertArrayEquals(scores, other.score(test), "the caller overwrote its training array after the fit");
        }
    }

    @Test
    void scoresConcurrentlyAsItDoesAlone() throws Exception {
        double[] expected = model.score(test);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> model.score(test)));
            }
            for (Future<double[]> result : results) {
                assertArrayEquals(expected, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void missingCellsScoreAsTheTrainingMean() {
        Matrix withNaN = test.selectRows(new int[] {0, 1});
        withNaN.values()[1] = Double.NaN;
        Matrix withMean = test.selectRows(new int[] {0, 1});
        withMean.values()[1] = model.trainingInfo().scaler().means()[1];
        double[] scores = model.score(withNaN);
        assertTrue(Double.isFinite(scores[0]) && Double.isFinite(scores[1]), "NaN cells never give NaN scores");
        assertArrayEquals(model.score(withMean), scores);
    }

    @Test
    void refusesEmptyInput() {
        assertThrows(InputException.class, () -> model.score(Matrix.zeros(0, COLUMNS)));
        assertThrows(InputException.class, () -> fit(Matrix.zeros(0, COLUMNS)));
    }

    @Test
    void refusesWrongWidthNamingBothCounts() {
        InputException e = assertThrows(InputException.class, () -> model.score(Matrix.zeros(3, COLUMNS + 1)));
        assertTrue(e.getMessage().contains(String.valueOf(COLUMNS)) && e.getMessage().contains(String.valueOf(COLUMNS + 1)),
                e.getMessage());
    }

    @Test
    void refusesInfiniteValuesNamingThePosition() {
        Matrix bad = test.selectRows(new int[] {0, 1});
        bad.values()[COLUMNS + 2] = Double.POSITIVE_INFINITY;
        InputException e = assertThrows(InputException.class, () -> model.score(bad));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("column 3"), e.getMessage());
    }

    @Test
    void savedModelLoadsAndScoresIdentically(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model");
        model.save(file);
        try (DetectorModel loaded = ModelFiles.load(file)) {
            assertEquals(model.detector(), loaded.detector());
            assertArrayEquals(model.score(test), loaded.score(test));
            assertArrayEquals(model.trainingScores(), loaded.trainingScores());
        }
    }

    @Test
    void refusesToScoreOrSaveAfterClose(@TempDir Path dir) throws Exception {
        model.save(dir.resolve("model"));
        DetectorModel loaded = ModelFiles.load(dir.resolve("model"));
        loaded.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loaded.score(test));
        assertTrue(e.getMessage().contains("model is closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> loaded.save(dir.resolve("again")));
        loaded.close(); // closing twice is harmless
    }

    /** How often {@link #closeWaitsForScoringThreadsAndLaterCallsFail} races close against scoring. */
    protected int closeRaceRounds() {
        return 20;
    }

    /**
     * Closing while other threads score: every call either gives the model's scores or fails with
     * "model is closed", never anything else (before the guard, network models crashed the JVM with
     * SIGSEGV in libtorch here, and classical models went on scoring after close).
     */
    @Test
    void closeWaitsForScoringThreadsAndLaterCallsFail(@TempDir Path dir) throws Exception {
        model.save(dir.resolve("model"));
        Matrix rows = test.selectRows(new int[] {0, 1, 2, 3, 4, 5, 6, INLIERS});
        double[] expected = model.score(rows);
        int threads = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < closeRaceRounds(); round++) {
                DetectorModel shared = ModelFiles.load(dir.resolve("model"));
                AtomicBoolean closed = new AtomicBoolean();
                CountDownLatch started = new CountDownLatch(threads);
                List<Future<String>> outcomes = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    outcomes.add(pool.submit(() -> scoreUntilClosed(shared, rows, expected, closed, started)));
                }
                assertTrue(started.await(60, TimeUnit.SECONDS), "scoring threads did not start");
                shared.close();
                closed.set(true);
                for (Future<String> outcome : outcomes) {
                    assertEquals("refused after close", outcome.get(60, TimeUnit.SECONDS), "round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String scoreUntilClosed(DetectorModel shared, Matrix rows, double[] expected, AtomicBoolean closed,
                                           CountDownLatch started) {
        for (int call = 0; call < 100_000; call++) {
            boolean closedBefore = closed.get();
            try {
                double[] scores = shared.score(rows);
                if (closedBefore) {
                    return "scored after close";
                }
                if (!Arrays.equals(expected, scores)) {
                    return "wrong scores";
                }
            } catch (IllegalStateException e) {
                return e.getMessage().contains("model is closed") ? "refused after close" : e.toString();
            } catch (RuntimeException e) {
                return e.toString();
            } finally {
                if (call == 0) {
                    started.countDown();
                }
            }
        }
        return "never closed";
    }

    @Test
    void contaminationFlagsAboutThatShareOfTrainingRows() {
        int[] labels = new Threshold.Contamination(0.1).labels(model.trainingScores(), model.trainingScores());
        int flagged = Arrays.stream(labels).sum();
        assertTrue(flagged >= 10 && flagged <= 22, "flagged " + flagged + " of " + INLIERS);
    }
}
