package dtad.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected values from numpy 1.24 ({@code np.quantile(v, p)}, the default "linear" method). */
class QuantileTest {

    @Test
    void matchesNumpysLinearQuantile() {
        double[] v = {3, 1, 2, 10};
        // np.quantile([3, 1, 2, 10], [0, 0.25, 0.5, 0.75, 0.9, 1])
        assertEquals(1.0, Quantile.linear(v, 0));
        assertEquals(1.75, Quantile.linear(v, 0.25));
        assertEquals(2.5, Quantile.linear(v, 0.5));
        assertEquals(4.75, Quantile.linear(v, 0.75));
        assertEquals(7.900000000000001, Quantile.linear(v, 0.9));
        assertEquals(10.0, Quantile.linear(v, 1));
        assertArrayEquals(new double[] {3, 1, 2, 10}, v, "the input is left as it was");
    }

    @Test
    void ninetyFifthPercentileOfOneToHundredIsNumpys() {
        double[] scores = new double[100];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i + 1;
        }
        // np.percentile(np.arange(1, 101), 95) == 95.05
        assertEquals(95.05, Quantile.linear(scores, 0.95));
    }

    @Test
    void oneValueIsEveryQuantile() {
        assertEquals(7.0, Quantile.linear(new double[] {7}, 0.3));
    }

    @Test
    void refusesNoValuesAndLevelsOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> Quantile.linear(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Quantile.linear(new double[] {1}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantile.linear(new double[] {1}, Double.NaN));
    }
}
