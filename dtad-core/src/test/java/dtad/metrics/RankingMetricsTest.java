package dtad.metrics;

import static dtad.metrics.RankingMetrics.aucRoc;
import static dtad.metrics.RankingMetrics.averagePrecision;
import static dtad.metrics.RankingMetrics.f1AtK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankingMetricsTest {
    private static final double EXACT = 1e-15;
    private static final double PARITY = 1e-12;

    @Test
    void handComputedWithoutTies() {
        double[] s = {0.1, 0.4, 0.35, 0.8};
        int[] y = {0, 0, 1, 1};
        // AUC: (anomaly, normal) pairs 0.35>0.1 yes, 0.35>0.4 no, 0.8>0.1 yes, 0.8>0.4 yes -> 3/4.
        assertEquals(0.75, aucRoc(s, y), EXACT);
        // AP, thresholds from the top: 0.8 -> P 1, R 1/2; 0.4 -> R unchanged; 0.35 -> P 2/3, R 1.
        // AP = 1/2 * 1 + 1/2 * 2/3 = 5/6.
        assertEquals(5.0 / 6, averagePrecision(s, y), EXACT);
        // F1@k, k = 2: the top two are 0.8 (anomaly) and 0.4 (normal) -> 1 hit / 2.
        assertEquals(0.5, f1AtK(s, y), EXACT);
    }

    @Test
    void handComputedWithTies() {
        double[] s = {2, 1, 1, 1, 0};
        int[] y = {1, 1, 0, 0, 0};
        // AUC: the anomaly at 2 beats all 3 normals (3); the anomaly at 1 ties two normals (1/2 + 1/2)
        // and beats the one at 0 (1): U = 5 of 2 * 3 pairs.
        assertEquals(5.0 / 6, aucRoc(s, y), EXACT);
        // AP: threshold 2 -> P 1, R 1/2; threshold 1 (three rows at once) -> P 2/4, R 1; 0 -> R unchanged.
        // AP = 1/2 * 1 + 1/2 * 1/2 = 3/4. (Per-row precision would give 1/2 * 1 + 1/2 * 2/3 instead.)
        assertEquals(0.75, averagePrecision(s, y), EXACT);
        // F1@k, k = 2: row 0 is a hit; one of the three rows scored 1 fills the last place, an anomaly
        // with probability 1/3 -> (1 + 1/3) / 2.
        assertEquals(2.0 / 3, f1AtK(s, y), EXACT);
    }

    @Test
    void allScoresTied() {
        double[] s = {0.5, 0.5, 0.5, 0.5};
        int[] y = {1, 0, 0, 0};
        assertEquals(0.5, aucRoc(s, y), EXACT);
        // One threshold taking every row: precision = share of anomalies, as scikit-learn.
        assertEquals(0.25, averagePrecision(s, y), EXACT);
        assertEquals(0.25, f1AtK(s, y), EXACT);
    }

    @Test
    void perfectAndReversedRankings() {
        double[] s = {0.9, 0.8, 0.3, 0.2, 0.1};
        assertEquals(1, aucRoc(s, new int[] {1, 1, 0, 0, 0}), EXACT);
        assertEquals(1, averagePrecision(s, new int[] {1, 1, 0, 0, 0}), EXACT);
        assertEquals(1, f1AtK(s, new int[] {1, 1, 0, 0, 0}), EXACT);
        assertEquals(0, aucRoc(s, new int[] {0, 0, 0, 1, 1}), EXACT);
        assertEquals(0, f1AtK(s, new int[] {0, 0, 0, 1, 1}), EXACT);
        // Reversed AP: thresholds 0.2 -> P 1/4, R 1/2; 0.1 -> P 2/5, R 1 -> 1/8 + 1/5.
        assertEquals(1.0 / 8 + 1.0 / 5, averagePrecision(s, new int[] {0, 0, 0, 1, 1}), EXACT);
    }

    @Test
    void negativeZeroTiesZeroAndInfinitiesRank() {
        assertEquals(0.5, aucRoc(new double[] {-0.0, 0.0}, new int[] {1, 0}), EXACT);
        assertEquals(0.5, averagePrecision(new double[] {-0.0, 0.0}, new int[] {1, 0}), EXACT);
        // scikit-learn refuses infinite scores; here they are just the extremes of the ranking.
        double[] s = {Double.POSITIVE_INFINITY, 1, Double.NEGATIVE_INFINITY};
        int[] y = {1, 0, 0};
        assertEquals(1, aucRoc(s, y), EXACT);
        assertEquals(1, averagePrecision(s, y), EXACT);
        assertEquals(1, f1AtK(s, y), EXACT);
    }

    @Test
    void rowOrderDoesNotMatter() {
        double[] s = new double[300];
        int[] y = new int[300];
        Random random = new Random(7);
        for (int i = 0; i < s.length; i++) {
            y[i] = random.nextInt(5) == 0 ? 1 : 0;
            s[i] = random.nextInt(6) + y[i];  // heavy ties, including across the k-th place
        }
        double auc = aucRoc(s, y);
        double ap = averagePrecision(s, y);
        double f1 = f1AtK(s, y);
        for (int round = 0; round < 5; round++) {
            for (int i = s.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double ts = s[i];
                s[i] = s[j];
                s[j] = ts;
                int ty = y[i];
                y[i] = y[j];
                y[j] = ty;
            }
            assertEquals(auc, aucRoc(s, y), 0);
            assertEquals(ap, averagePrecision(s, y), 0);
            assertEquals(f1, f1AtK(s, y), 0);
        }
    }

    @Test
    void aucMatchesBruteForcePairCounting() {
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + random.nextInt(200);
            double[] s = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = random.nextInt(1 + trial);  // trial 0: all tied; later: fewer ties
                y[i] = random.nextBoolean() ? 1 : 0;
            }
            y[0] = 1;
            y[1] = 0;
            long twiceU = 0;
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (y[i] == 1 && y[j] == 0) {
                        twiceU += s[i] > s[j] ? 2 : s[i] == s[j] ? 1 : 0;
                        pairs++;
                    }
                }
            }
            assertEquals(twiceU / (2.0 * pairs), aucRoc(s, y), EXACT);
        }
    }

    /**
     * Facts computed once with scikit-learn 1.2.1 / numpy 1.24.2 on the inputs of {@link #parityCase}
     * (the same SplitMix64 stream in Python): {@code roc_auc_score}, {@code average_precision_score},
     * and for F1@k the exact expectation over random tie-breaking (for continuous scores, case C and
     * E, equal to DTE's {@code argpartition} + {@code f1_score} and to PyOD's percentile rule).
     */
    @ParameterizedTest(name = "case seed {0}, n {1}")
    @CsvSource({
        // seed, rows, % anomalies, score levels (0 = continuous), shift, AUC, AP, F1@k
        "11, 200, 10, 21, 4, 0.6156486742424242, 0.3274852559942432, 0.2261904761904762",
        "22, 200, 30, 5, 1, 0.6707526881720429, 0.46700492534854376, 0.4025839793281654",
        "33, 200, 10, 0, 3, 0.6643356643356644, 0.10251024330778351, 0.07692307692307693",
        "44, 1000, 5, 11, 3, 0.7595346131471786, 0.3570875323793084, 0.3324263038548753",
        "55, 500, 8, 0, 8, 0.9765079365079365, 0.8959760021178458, 0.8222222222222222",
    })
    void parityWithScikitLearn(long seed, int rows, int percent, int levels, int shift,
            double auc, double ap, double f1) {
        double[][] scores = new double[1][];
        int[] labels = parityCase(seed, rows, percent, levels, shift, scores);
        assertEquals(auc, aucRoc(scores[0], labels), PARITY);
        assertEquals(ap, averagePrecision(scores[0], labels), PARITY);
        assertEquals(f1, f1AtK(scores[0], labels), PARITY);
    }

    @Test
    void parityInputsAreTheOnesScikitLearnSaw() {
        // Spot check of the generator against the Python stream (first rows of cases A and C).
        double[][] scores = new double[1][];
        int[] labels = parityCase(11, 200, 10, 21, 4, scores);
        assertEquals(1.0, scores[0][0], 0);
        assertEquals(1.2, scores[0][1], 0);
        assertEquals(0.8, scores[0][2], 0);
        assertEquals(1, labels[2]);
        parityCase(33, 200, 10, 0, 3, scores);
        assertEquals(0.07523205633927699, scores[0][0], 0);
        assertEquals(0.45899870301931706, scores[0][1], 0);
    }

    /**
     * Row i: label 1 when a 53-bit draw mod 100 is below {@code percent}; score
     * {@code (draw mod levels + shift * label) / 10} (ties), or with {@code levels == 0}
     * {@code draw * 2^-53 + label * shift / 10} (no ties). Draws from SplitMix64, easy to mirror in Python.
     */
    private static int[] parityCase(long seed, int rows, int percent, int levels, int shift, double[][] scoresOut) {
        long[] state = {seed};
        double[] s = new double[rows];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = splitMix53(state) % 100 < percent ? 1 : 0;
            long v = splitMix53(state);
            s[i] = levels > 0
                    ? (v % levels + shift * y[i]) / 10.0
                    : v * 0x1.0p-53 + y[i] * (shift / 10.0);
        }
        scoresOut[0] = s;
        return y;
    }

    private static long splitMix53(long[] state) {
        long z = state[0] += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 11;
    }

    @Test
    void refusesOneClassNamingIt() {
        int[] zeros = new int[10];
        double[] s = new double[10];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> aucRoc(s, zeros));
        assertEquals("AUC-ROC needs both classes: all 10 labels are 0", e.getMessage());
        int[] ones = {1, 1, 1};
        e = assertThrows(IllegalArgumentException.class, () -> averagePrecision(new double[3], ones));
        assertEquals("Average precision needs both classes: all 3 labels are 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f1AtK(new double[0], new int[0]));
        assertEquals("F1@k needs both classes: there are no labels", e.getMessage());
    }

    @Test
    void refusesBadInputNamingTheRow() {
        for (ToDoubleBiFunction<double[], int[]> metric : java.util.List.<ToDoubleBiFunction<double[], int[]>>of(
                RankingMetrics::aucRoc, RankingMetrics::averagePrecision, RankingMetrics::f1AtK)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> metric.applyAsDouble(new double[] {0.1, Double.NaN, 0.3}, new int[] {0, 1, 0}));
            assertEquals("score at row 1 is NaN", e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
            e = assertThrows(IllegalArgumentException.class,
                    () -> metric.applyAsDouble(new double[] {0.1, 0.2, 0.3}, new int[] {0, 1, 2}));
            assertEquals("label at row 2 is 2; labels must be 0 (normal) or 1 (anomaly)",
                    e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
            e = assertThrows(IllegalArgumentException.class,
                    () -> metric.applyAsDouble(new double[] {0.1, 0.2, 0.3}, new int[] {0, 1}));
            assertEquals("3 scores for 2 labels", e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
            assertThrows(IllegalArgumentException.class, () -> metric.applyAsDouble(null, new int[] {0, 1}));
        }
    }
}
