package dtad.bench.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.bench.random.NumpyRandomState;
import dtad.data.Dataset;
import dtad.data.Matrix;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The protocol picks the reference's rows. Expected values are facts: the first values of the draws
 * come from {@code numpy_legacy_rng_fixtures.json}; the whole-split figures were computed once by
 * running the reference's split code ({@code data_generator.py} / {@code run.py} of vicliv/DTE, with
 * the row number carried as the only feature) under numpy 2.
 */
class AdbenchProtocolTest {

    /** Labels 1 where {@code row % mod == 3}. */
    private static int[] labelsEvery(int n, int mod) {
        return IntStream.range(0, n).map(r -> r % mod == 3 ? 1 : 0).toArray();
    }

    private static int sum(int[] values) {
        return Arrays.stream(values).sum();
    }

    private static int[] first(int[] values, int count) {
        return Arrays.copyOf(values, count);
    }

    @Test
    void semiTrainsOnTheFirstHalfOfTheNormalsRoundingAnExactHalfToEven() {
        // 1203 rows, 240 anomalies, 963 normals: Python's round(481.5) = 482 (floor would give 481).
        AdbenchProtocol.Rows rows = AdbenchProtocol.rows(labelsEvery(1203, 5), Setting.SEMI, 11);
        assertEquals(482, rows.train().length);
        assertEquals(721, rows.test().length);
        assertArrayEquals(new int[] {0, 1, 2, 4, 5, 6, 7, 9}, first(rows.train(), 8));
        // Remaining normals in file order, then all anomalies in file order.
        assertArrayEquals(new int[] {602, 604, 605, 606, 607, 609, 610, 611}, first(rows.test(), 8));
        assertArrayEquals(new int[] {1188, 1193, 1198}, Arrays.copyOfRange(rows.test(), 718, 721));
        assertEquals(144841, sum(rows.train()));
        assertEquals(578162, sum(rows.test()));
    }

    @Test
    void semiOnASmallDataSetSplitsTheDuplicatedRowsLikeTheReference() {
        // 30 rows duplicated to 1000; 859 normals among them: round(429.5) = 430.
        int[] labels = labelsEvery(30, 7);
        AdbenchProtocol.Rows rows = AdbenchProtocol.rows(labels, Setting.SEMI, 3);
        assertEquals(430, rows.train().length);
        assertEquals(570, rows.test().length);
        assertEquals(141, Arrays.stream(rows.test()).map(r -> labels[r]).sum());
        assertArrayEquals(new int[] {25, 8, 0, 21, 29, 19, 11, 25}, first(rows.train(), 8));
        assertArrayEquals(new int[] {28, 0, 20, 23, 9, 5, 27, 14}, first(rows.test(), 8));
        assertArrayEquals(new int[] {3, 17, 10}, Arrays.copyOfRange(rows.test(), 567, 570));
        assertEquals(6421, sum(rows.train()));
        assertEquals(8305, sum(rows.test()));
        assertTrue(Arrays.stream(rows.train()).allMatch(r -> labels[r] == 0), "training rows are normal");
    }

    @Test
    void unsupTrainsOnABootstrapAndTestsOnAllRows() {
        int[] labels = labelsEvery(30, 7);
        AdbenchProtocol.Rows rows = AdbenchProtocol.rows(labels, Setting.UNSUP, 3);
        assertEquals(1000, rows.train().length);
        assertEquals(1000, rows.test().length);
        assertArrayEquals(new int[] {1, 20, 19, 19, 11, 16, 24, 1}, first(rows.train(), 8));
        assertArrayEquals(new int[] {10, 24, 25, 3, 24, 8, 0, 21}, first(rows.test(), 8));
        assertEquals(14674, sum(rows.train()));
        assertEquals(14726, sum(rows.test()));

        AdbenchProtocol.Rows large = AdbenchProtocol.rows(labelsEvery(1203, 5), Setting.UNSUP, 11);
        assertArrayEquals(IntStream.range(0, 1203).toArray(), large.test(), "no resampling between 1000 and 50000");
        assertArrayEquals(new int[] {639, 29, 738, 132, 1175, 717, 628, 527}, first(large.train(), 8));
        assertEquals(734451, sum(large.train()));
    }

    @Test
    void unsupNodupKeepsTheRowsOfASmallDataSetAndBootstrapsThem() {
        int[] labels = labelsEvery(30, 7);
        AdbenchProtocol.Rows rows = AdbenchProtocol.rows(labels, Setting.UNSUP_NODUP, 3);
        assertArrayEquals(IntStream.range(0, 30).toArray(), rows.test(), "all 30 rows, each once, in order");
        NumpyRandomState numpy = new NumpyRandomState(3);
        numpy.permutation(sum(labels)); // choice(idx_anomaly, 0), as in unsup, then the bootstrap
        assertArrayEquals(numpy.choice(30, 30, true), rows.train());

        int[] large = labelsEvery(1203, 5);
        assertArrayEquals(AdbenchProtocol.rows(large, Setting.UNSUP, 11).train(),
                AdbenchProtocol.rows(large, Setting.UNSUP_NODUP, 11).train(), "from 1,000 rows on it is unsup");
        assertEquals(Setting.UNSUP_NODUP, Setting.parse("unsup-nodup"));
    }

    @Test
    void duplicationThenPermutationThenBootstrapMatchTheFixtureDraws() {
        // toy_n80_anom13, seed 0: labels chosen so that 13 anomalies remain after duplication (perm_len 13).
        int[] dup = new NumpyRandomState(0).choice(80, 1000, true);
        int[] labels = labelsWithAnomaliesAmong(80, dup, 13);
        AdbenchProtocol.Rows rows = AdbenchProtocol.rows(labels, Setting.UNSUP, 0);
        assertArrayEquals(new int[] {44, 47, 64, 67, 67, 9, 21, 36, 70, 12, 58, 65}, first(rows.test(), 12));
        int[] boot = {598, 607, 8, 312, 797, 668, 991, 418, 186, 895, 894, 977};
        for (int i = 0; i < boot.length; i++) {
            assertEquals(dup[boot[i]], rows.train()[i], "training row " + i + " is dup[boot[" + i + "]]");
        }

        // toy_n683_anom239, seed 3.
        int[] dup683 = new NumpyRandomState(3).choice(683, 1000, true);
        AdbenchProtocol.Rows rows683 = AdbenchProtocol.rows(labelsWithAnomaliesAmong(683, dup683, 239),
                Setting.UNSUP, 3);
        assertArrayEquals(new int[] {664, 249, 643, 256, 659, 681, 650, 119, 422, 480, 660, 605},
                first(rows683.test(), 12));
        int[] boot683 = {812, 517, 323, 423, 864, 738, 282, 949, 15, 123, 430, 444};
        for (int i = 0; i < boot683.length; i++) {
            assertEquals(dup683[boot683[i]], rows683.train()[i]);
        }
    }

    @Test
    void withoutResamplingTheBootstrapFollowsThePermutationOfTheAnomalies() {
        // toy_n3772_anom93, seed 1: 93 anomalies, no dup or sub, so the training rows are the boot draw.
        int[] labels = labelsEvery(3772, 40); // rows 3, 43, ..., 3723: 95 anomalies
        labels[3683] = 0;
        labels[3723] = 0;
        assertEquals(93, sum(labels));
        AdbenchProtocol.Rows rows = AdbenchProtocol.rows(labels, Setting.UNSUP, 1);
        assertArrayEquals(new int[] {461, 1798, 564, 469, 1478, 1538, 1612, 2197, 715, 2311, 2125, 2760},
                first(rows.train(), 12));
        // The permutation of the anomalies really is consumed: with 103 anomalies numpy's bootstrap
        // starts elsewhere (computed with numpy; 93 and 95 happen to consume the same number of draws).
        for (int r = 3; r < 3772 && sum(labels) < 103; r += 40) {
            labels[r + 1] = 1;
        }
        assertEquals(103, sum(labels));
        assertArrayEquals(new int[] {1099, 3404, 1067, 532, 3614},
                first(AdbenchProtocol.rows(labels, Setting.UNSUP, 1).train(), 5));
    }

    @Test
    void largeDataSetsAreSubsampledWithoutReplacementBeforeTheBootstrap() {
        // toy_n95156_anom30, seed 2.
        int[] sub = new NumpyRandomState(2).choice(95156, 50000, false);
        int[] labels = new int[95156];
        for (int i = 0; i < 30; i++) {
            labels[sub[1000 + i]] = 1;
        }
        AdbenchProtocol.Rows rows = AdbenchProtocol.rows(labels, Setting.UNSUP, 2);
        assertEquals(50000, rows.test().length);
        assertArrayEquals(new int[] {48981, 86835, 93851, 90354, 34314, 87849, 13348, 21175, 29749, 25303,
                65974, 24585}, first(rows.test(), 12));
        int[] boot = {39871, 14978, 46954, 38914, 1550, 47048, 35899, 13605, 8706, 23264, 47599, 47065};
        for (int i = 0; i < boot.length; i++) {
            assertEquals(sub[boot[i]], rows.train()[i]);
        }
        AdbenchProtocol.Rows semi = AdbenchProtocol.rows(labels, Setting.SEMI, 2);
        assertEquals(49970 / 2, semi.train().length);
        assertEquals(50000 - 49970 / 2, semi.test().length);
    }

    @Test
    void splitSelectsTheFeatureRowsAndTestLabels() {
        int n = 1100;
        double[] values = new double[n * 2];
        for (int r = 0; r < n; r++) {
            values[2 * r] = r;
            values[2 * r + 1] = -r;
        }
        int[] labels = labelsEvery(n, 10);
        Split split = AdbenchProtocol.split(new Dataset("toy", Matrix.wrap(n, 2, values), labels), Setting.SEMI, 0);
        AdbenchProtocol.Rows rows = AdbenchProtocol.rows(labels, Setting.SEMI, 0);
        assertEquals(rows.train().length, split.train().rows());
        for (int i = 0; i < rows.test().length; i++) {
            assertEquals(rows.test()[i], split.test().get(i, 0));
            assertEquals(-rows.test()[i], split.test().get(i, 1));
            assertEquals(labels[rows.test()[i]], split.testLabels()[i]);
        }
        assertEquals(110, split.testAnomalies());
    }

    @Test
    void sameSeedSameRowsAndAnotherSeedOtherRows() {
        int[] labels = labelsEvery(500, 9);
        assertArrayEquals(AdbenchProtocol.rows(labels, Setting.UNSUP, 4).train(),
                AdbenchProtocol.rows(labels, Setting.UNSUP, 4).train());
        assertFalse(Arrays.equals(AdbenchProtocol.rows(labels, Setting.UNSUP, 4).train(),
                AdbenchProtocol.rows(labels, Setting.UNSUP, 5).train()));
    }

    @Test
    void refusesDataThatCannotBeEvaluated() {
        Matrix x = Matrix.zeros(1200, 1);
        InputException noLabels = assertThrows(InputException.class,
                () -> AdbenchProtocol.split(new Dataset("plain", x, null), Setting.SEMI, 0));
        assertTrue(noLabels.getMessage().startsWith("plain: no labels"), noLabels.getMessage());
        InputException noAnomalies = assertThrows(InputException.class,
                () -> AdbenchProtocol.split(new Dataset("calm", x, new int[1200]), Setting.SEMI, 0));
        assertTrue(noAnomalies.getMessage().contains("calm: no anomalies"), noAnomalies.getMessage());
        int[] all = new int[1200];
        Arrays.fill(all, 1);
        assertThrows(InputException.class, () -> AdbenchProtocol.split(new Dataset("wild", x, all), Setting.UNSUP, 0));
        int[] bad = new int[1200];
        bad[7] = 2;
        InputException badLabel = assertThrows(InputException.class,
                () -> AdbenchProtocol.split(new Dataset("odd", x, bad), Setting.SEMI, 0));
        assertTrue(badLabel.getMessage().contains("row 8 is 2"), badLabel.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AdbenchProtocol.rows(labelsEvery(1200, 5), Setting.SEMI, -1));
    }

    @Test
    void settingNamesRoundTrip() {
        assertEquals(Setting.SEMI, Setting.parse("semi"));
        assertEquals(Setting.UNSUP, Setting.parse(" UNSUP "));
        assertEquals("unsup", Setting.UNSUP.text());
        assertThrows(IllegalArgumentException.class, () -> Setting.parse("supervised"));
    }

    /**
     * Labels on the original rows such that exactly {@code target} of the drawn rows are anomalies:
     * a subset of original rows whose multiplicities in {@code drawn} sum to the target (subset-sum).
     */
    private static int[] labelsWithAnomaliesAmong(int n, int[] drawn, int target) {
        int[] counts = new int[n];
        for (int row : drawn) {
            counts[row]++;
        }
        // reach[s] = the row that first reached sum s (with its predecessor sum), -1 when unreachable.
        int[] lastRow = new int[target + 1];
        int[] previous = new int[target + 1];
        Arrays.fill(lastRow, -1);
        boolean[] reachable = new boolean[target + 1];
        reachable[0] = true;
        for (int row = 0; row < n; row++) {
            int c = counts[row];
            if (c == 0) {
                continue;
            }
            for (int s = target; s >= c; s--) {
                if (!reachable[s] && reachable[s - c]) {
                    reachable[s] = true;
                    lastRow[s] = row;
                    previous[s] = s - c;
                }
            }
        }
        assertTrue(reachable[target], "some rows' multiplicities sum to " + target);
        int[] labels = new int[n];
        for (int s = target; s > 0; s = previous[s]) {
            labels[lastRow[s]] = 1;
        }
        assertEquals(target, Arrays.stream(drawn).map(r -> labels[r]).sum());
        return labels;
    }
}
