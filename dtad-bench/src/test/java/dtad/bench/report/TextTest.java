package dtad.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void secondsKeepThreeSignificantDigits() {
        assertEquals("123", Text.seconds(123.4));
        assertEquals("12.3", Text.seconds(12.34));
        assertEquals("1.23", Text.seconds(1.234));
        assertEquals("0.012", Text.seconds(0.01234));
        assertEquals("<0.001", Text.seconds(0.00004));
        assertEquals("0.000", Text.seconds(0));
    }

    @Test
    void aSingleSeedShowsNoSpread() {
        assertEquals("91.23", Text.meanStd(new MeanStd(91.234, 0), 1));
        assertEquals("91.23±0.50", Text.meanStd(new MeanStd(91.234, 0.5), 3));
    }

    @Test
    void differencesCarryTheirSign() {
        assertEquals("+1.20", Text.signedPoints(1.2));
        assertEquals("-0.35", Text.signedPoints(-0.349));
    }
}
