package dtad.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NoiseScheduleTest {

    @Test
    void variancesMatchNumpyCumprodOfLinearBetas() {
        // numpy: b = np.linspace(1e-4, 1e-2, 300); 1 - np.cumprod(1 - b)
        NoiseSchedule s = NoiseSchedule.linear(300);
        assertEquals(300, s.steps());
        assertEquals(9.999999999998899e-05, s.variance(0), 1e-15);
        assertEquals(0.00023309705685614635, s.variance(1), 1e-15);
        assertEquals(0.32344240709793703, s.variance(150), 1e-13);
        assertEquals(0.7813065241821305, s.variance(299), 1e-13);
    }

    @Test
    void betasRunFromStartToEndInclusive() {
        NoiseSchedule s = NoiseSchedule.linear(1000);
        assertEquals(1e-4, s.beta(0), 1e-18);
        assertEquals(1e-2, s.beta(999), 1e-15);
        assertEquals(1 - 1e-4, s.alphaBar(0), 1e-15);
    }

    @Test
    void posteriorVarianceAtStepZeroIsZero() {
        assertEquals(0, NoiseSchedule.linear(1000).posteriorVariance(0));
    }

    @Test
    void refusesTooFewStepsNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.linear(1));
        assertEquals("Invalid number of diffusion steps: 1 (at least 2)", e.getMessage());
    }
}
