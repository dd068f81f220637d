package dtad.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BoxStatsTest {

    @Test
    void quartilesInterpolateLikeNumpy() {
        // numpy.percentile([1, 2, 3, 4, 10], [25, 50, 75]) == [2., 3., 4.]; [1, 2, 3, 4]: [1.75, 2.5, 3.25]
        BoxStats odd = BoxStats.of(new double[] {10, 1, 3, 2, 4});
        assertEquals(2, odd.q1(), 1e-12);
        assertEquals(3, odd.median(), 1e-12);
        assertEquals(4, odd.q3(), 1e-12);
        BoxStats even = BoxStats.of(new double[] {4, 3, 2, 1});
        assertEquals(1.75, even.q1(), 1e-12);
        assertEquals(2.5, even.median(), 1e-12);
        assertEquals(3.25, even.q3(), 1e-12);
    }

    @Test
    void whiskersStopAtTheLastValueWithinOneAndAHalfBoxes() {
        // IQR 2, so the upper fence is 4 + 3 = 7: the 10 is beyond it, the 4 is the last value within.
        BoxStats box = BoxStats.of(new double[] {1, 2, 3, 4, 10});
        assertEquals(1, box.lowWhisker(), 1e-12);
        assertEquals(4, box.highWhisker(), 1e-12);
    }

    @Test
    void aSingleValueIsADegenerateBox() {
        BoxStats box = BoxStats.of(new double[] {0.7});
        assertEquals(0.7, box.lowWhisker());
        assertEquals(0.7, box.median());
        assertEquals(0.7, box.highWhisker());
    }
}
