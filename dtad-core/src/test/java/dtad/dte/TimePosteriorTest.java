package dtad.dte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.diffusion.NoiseSchedule;
import org.junit.jupiter.api.Test;

/**
 * Facts computed once with numpy 2.4 / scipy 1.10 on the schedule {@code s = 1 - cumprod(1 - linspace(1e-4,
 * 1e-2, 300))}: {@code l = -(d/2) log s - (m/2) / s}, {@code p = exp(l - logsumexp(l))}. For d = 6 this
 * equals the normalised {@code scipy.stats.invgamma.logpdf(s, a=d/2-1, scale=m/2)} of the reference to
 * 1e-17.
 */
class TimePosteriorTest {
    private static final NoiseSchedule SCHEDULE = NoiseSchedule.linear(300);

    private static double[] probabilities(double m, int d) {
        double[] p = new double[300];
        new TimePosterior(SCHEDULE, d).probabilities(m, p, 0);
        return p;
    }

    private static void assertFact(double expected, double actual) {
        assertEquals(expected, actual, 1e-10 * Math.abs(expected) + 1e-300);
    }

    @Test
    void matchesNumpyInSixDimensions() {
        TimePosterior posterior = new TimePosterior(SCHEDULE, 6);
        assertEquals(237, posterior.mode(3.7));
        assertFact(223.75516768651045, posterior.mean(3.7));
        double[] p = probabilities(3.7, 6);
        assertEquals(0.0, p[0]);
        assertFact(5.165838609417805e-270, p[10]);
        assertFact(0.0032052498756855764, p[150]);
        assertFact(0.0064937612350962435, p[299]);
    }

    @Test
    void zeroDistanceHasModeZeroAndTheLeastMean() {
        TimePosterior posterior = new TimePosterior(SCHEDULE, 6);
        assertEquals(0, posterior.mode(0));
        assertFact(0.12859260746045648, posterior.mean(0));
        double[] p = probabilities(0, 6);
        assertFact(0.9068659903272631, p[0]);
        assertFact(1.901423086167803e-12, p[299]);
    }

    @Test
    void oneAndTwoFeaturesGiveProperPosteriorsOnTheGrid() {
        // a = d/2 - 1 <= 0: scipy's invgamma gives NaN, the weights on the finite grid do not.
        TimePosterior one = new TimePosterior(SCHEDULE, 1);
        assertEquals(52, one.mode(0.05));
        assertFact(138.20700322204684, one.mean(0.05));
        assertFact(7.4235205812688484e-06, probabilities(0.05, 1)[10]);
        TimePosterior two = new TimePosterior(SCHEDULE, 2);
        assertEquals(36, two.mode(0.05));
        assertFact(96.53293165797541, two.mean(0.05));
        assertEquals(201, two.mode(1.0));
        assertFact(202.04477394386254, two.mean(1.0));
        assertFact(0.0048506171159570614, probabilities(1.0, 2)[150]);
    }

    @Test
    void farRowsReachTheLastStep() {
        TimePosterior posterior = new TimePosterior(SCHEDULE, 50);
        assertEquals(299, posterior.mode(40));
        assertFact(266.2170664909752, posterior.mean(40));
        assertEquals(299, posterior.mode(1e12));
        assertTrue(Double.isFinite(posterior.mean(1e300)));
    }

    @Test
    void modeAndMeanAreNonDecreasingInTheDistanceForEveryDimension() {
        for (int d : new int[] {1, 2, 3, 6, 50, 512}) {
            TimePosterior posterior = new TimePosterior(SCHEDULE, d);
            int lastMode = -1;
            double lastMean = -1;
            for (double m = 0; m < 4 * d; m += d / 64.0) {
                int mode = posterior.mode(m);
                double mean = posterior.mean(m);
                assertTrue(mode >= lastMode, "d " + d + ", m " + m + ": mode " + mode + " after " + lastMode);
                assertTrue(mean >= lastMean - 1e-9, "d " + d + ", m " + m + ": mean " + mean + " after " + lastMean);
                assertTrue(mode >= 0 && mode < 300 && mean >= 0 && mean <= 299);
                lastMode = mode;
                lastMean = mean;
            }
        }
    }

    @Test
    void probabilitiesSumToOne() {
        for (int d : new int[] {1, 2, 7, 512}) {
            for (double m : new double[] {0, 1e-6, 0.3, 5, 1e4}) {
                double sum = 0;
                for (double v : probabilities(m, d)) {
                    assertTrue(v >= 0 && Double.isFinite(v));
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-12, "d " + d + ", m " + m);
            }
        }
    }
}
