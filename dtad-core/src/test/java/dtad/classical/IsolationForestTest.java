package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorContract;
import dtad.metrics.RankingMetrics;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class IsolationForestTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return new IsolationForest(7);
    }

    @Test
    void goldenAucAndScoreOnParityData() {
        double[] scores = new IsolationForest(0).fit(ParityData.train()).score(ParityData.test());
        assertEquals(0.858, RankingMetrics.aucRoc(scores, ParityData.testLabels()), 1e-12);
        assertEquals(0.6186348668272764, scores[59], 1e-12);
    }

    /**
     * scikit-learn 1.2.1, {@code IsolationForest(random_state=s)} for s = 0..19 on the same data:
     * AUC mean 0.8167, std 0.0207 (min 0.76). The random draws differ, so only the level can agree.
     */
    @Test
    void aucLevelMatchesScikitLearnOverSeeds() {
        double sum = 0;
        int seeds = 10;
        for (int seed = 0; seed < seeds; seed++) {
            double[] scores = new IsolationForest(seed).fit(ParityData.train()).score(ParityData.test());
            sum += RankingMetrics.aucRoc(scores, ParityData.testLabels());
        }
        assertEquals(0.8167, sum / seeds, 0.03);
    }

    /**
     * Three equal rows and one other leave every tree the same shape, whatever the draws: the root
     * splits off the odd row, the three equal ones form a leaf at depth 1 credited c(3). scikit-learn
     * 1.2.1's {@code score_samples} gives -0.43765986 and -0.68774367.
     */
    @Test
    void matchesScikitLearnWhereEveryTreeIsForcedToTheSameShape() {
        Matrix train = Matrix.of(new double[][] {{0, 0}, {0, 0}, {0, 0}, {1, 1}});
        double[] scores = new IsolationForest(3).fit(train).score(train);
        assertEquals(0.43765986, scores[0], 1e-8);
        assertEquals(0.68774367, scores[3], 1e-8);
    }

    @Test
    void averagePathLengthIsScikitLearns() {
        assertEquals(0, IsolationTree.averagePathLength(1));
        assertEquals(1, IsolationTree.averagePathLength(2));
        assertEquals(1.207392357589623, IsolationTree.averagePathLength(3), 1e-15);
        assertEquals(10.244770920119917, IsolationTree.averagePathLength(256), 1e-13);
    }

    @Test
    void forestDoesNotDependOnTheNumberOfThreads() throws Exception {
        Matrix train = ParityData.train();
        double[] parallel = new IsolationForest(5).fit(train).score(ParityData.test());
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            double[] single = one.submit(() -> new IsolationForest(5).fit(train).score(ParityData.test())).get();
            assertArrayEquals(parallel, single);
        } finally {
            one.shutdown();
        }
    }

    @Test
    void differentSeedsGrowDifferentForests() {
        double[] a = new IsolationForest(1).fit(ParityData.train()).score(ParityData.test());
        double[] b = new IsolationForest(2).fit(ParityData.train()).score(ParityData.test());
        assertTrue(a[0] != b[0]);
    }

    @Test
    void treesAreNoDeeperThanTheLogOfTheSampleSize() {
        IsolationForestModel model = new IsolationForest(10, 16, 0).fit(ParityData.train());
        // At most 2 * 16 - 1 nodes per tree.
        assertTrue(model.nodes() <= 10 * 31, "nodes " + model.nodes());
        double[] scores = model.score(ParityData.test());
        for (double s : scores) {
            assertTrue(s > 0 && s <= 1, "score " + s);
        }
    }

    @Test
    void smallTrainingSetsUseAllRowsPerTree() {
        assertEquals(40, new IsolationForest(0).sampleSize(40));
        assertEquals(256, new IsolationForest(0).sampleSize(4000));
    }

    @Test
    void parameterTableGivesPyodDefaultsAndNamesBadValues() {
        assertEquals(new IsolationForest(100, 256, 0), IsolationForest.METHOD.defaults());
        assertEquals(new IsolationForest(20, 64, 9),
                IsolationForest.METHOD.configure(Map.of("trees", "20", "max_samples", "64", "seed", "9")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IsolationForest.METHOD.configure(Map.of("trees", "0")));
        assertTrue(e.getMessage().contains("Invalid trees: 0 (at least 1)"), e.getMessage());
    }
}
