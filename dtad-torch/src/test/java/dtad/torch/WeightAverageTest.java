package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WeightAverageTest {
    @Test
    void constantWeightsAverageToThemselvesFromTheFirstStep() {
        WeightAverage average = new WeightAverage(0.999, 3);
        assertNull(average.average());
        float[] weights = {1.5f, -2f, 0f};
        average.update(weights);
        assertArrayEquals(weights, average.average(), 1e-6f);
        for (int k = 0; k < 100; k++) {
            average.update(weights);
        }
        assertArrayEquals(weights, average.average(), 1e-5f);
    }

    @Test
    void decayMustBeStrictlyBetweenZeroAndOne() {
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(1, 3));
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(Double.NaN, 3));
    }
}
