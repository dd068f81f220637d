package dtad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalParserTest {

    @Test
    void agreesWithParseDoubleOnRandomDecimals() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            String text = randomDecimal(random);
            assertEquals(Double.parseDouble(text), DecimalParser.parse(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0.0", "1.", ".5", "-.5e-3", "0.0032890000000000003", "9007199254740993",
        "999999999999999", "1000000000000000", "123456789012345678901234567890", "1e22", "1e23", "1e-22", "4.9e-324",
        "2.5e-324", "1.7976931348623157e308", "1e999", "-1e999", "1e-999", "00000000000000000001.5",
        "0.000000000000000000000000000001", "1E+05", "12345678.9e-10"})
    void agreesWithParseDoubleOnEdgeCases(String text) {
        assertEquals(Double.parseDouble(text), DecimalParser.parse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "e5", "1e", "1e+", "1.5f", "2d", "0x10", "1..2", "1.2.3", "--1",
        "1 2", "NaN", "Infinity", "inf", "12345678901234567890f", "1e5.5", "١٢"})
    void returnsNanForAnythingButADecimalNumber(String text) {
        assertEquals(Double.NaN, DecimalParser.parse(text), text);
    }

    private static String randomDecimal(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(3) == 0) {
            text.append(random.nextBoolean() ? '-' : '+');
        }
        int integerDigits = random.nextInt(12);
        int fractionDigits = random.nextInt(integerDigits == 0 ? 12 : 8) + (integerDigits == 0 ? 1 : 0);
        for (int i = 0; i < integerDigits; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        if (fractionDigits > 0 || random.nextBoolean()) {
            text.append('.');
        }
        for (int i = 0; i < fractionDigits; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        if (integerDigits == 0 && fractionDigits == 0) {
            text.append('7');
        }
        if (random.nextInt(4) == 0) {
            text.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(60) - 30);
        }
        return text.toString();
    }
}
