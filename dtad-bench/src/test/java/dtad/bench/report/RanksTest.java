package dtad.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RanksTest {

    @Test
    void highestValueRanksFirst() {
        assertArrayEquals(new double[] {3, 1, 2}, Ranks.descending(new double[] {0.1, 0.9, 0.5}));
    }

    @Test
    void tiedValuesShareTheAverageOfTheirRanks() {
        assertArrayEquals(new double[] {2.5, 1, 2.5, 4}, Ranks.descending(new double[] {80, 90, 80, 70}));
        assertArrayEquals(new double[] {2, 2, 2}, Ranks.descending(new double[] {5, 5, 5}));
    }

    @Test
    void missingResultsRankLastAndTieAmongThemselves() {
        assertArrayEquals(new double[] {3.5, 1, 3.5, 2},
                Ranks.descending(new double[] {Double.NaN, 90, Double.NaN, 10}));
    }
}
