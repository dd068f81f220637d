package dtad.io;

/**
 * Parses decimal numbers as CSV files write them ({@code -12}, {@code 3.25}, {@code .5}, {@code 1e-3}),
 * and nothing else: no hexadecimal, no {@code f}/{@code d} suffix, no words. Numbers of up to 15
 * significant digits with a small exponent, which is most data, are converted directly (exactly as
 * {@link Double#parseDouble} would: one correctly rounded operation on exact operands); the rest goes to
 * {@link Double#parseDouble}.
 */
final class DecimalParser {
    /** Powers of ten that doubles hold exactly. */
    private static final double[] POWERS = new double[23];
    /** The largest mantissa converted directly: below 2^53, so exact as a double. */
    private static final long MAX_EXACT = 999_999_999_999_999L;

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private DecimalParser() {
    }

    /**
     * The value of {@code text}, or NaN if it is not a decimal number; too large a number gives an
     * infinity, as {@link Double#parseDouble} does.
     */
    static double parse(String text) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        boolean exact = true;
        int digits = 0;
        int scale = 0;
        for (; i < length && isDigit(text.charAt(i)); i++, digits++) {
            if (mantissa <= MAX_EXACT / 10) {
                mantissa = mantissa * 10 + (text.charAt(i) - '0');
            } else {
                exact = false; // more digits than the direct conversion takes: Double.parseDouble will
            }
        }
        if (i < length && text.charAt(i) == '.') {
            i++;
            for (; i < length && isDigit(text.charAt(i)); i++, digits++) {
                if (mantissa <= MAX_EXACT / 10) {
                    mantissa = mantissa * 10 + (text.charAt(i) - '0');
                    scale--;
                } else {
                    exact = false;
                }
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                negativeExponent = text.charAt(i) == '-';
                i++;
            }
            int exponentDigits = 0;
            int exponent = 0;
            for (; i < length && isDigit(text.charAt(i)); i++, exponentDigits++) {
                exponent = Math.min(100_000, exponent * 10 + (text.charAt(i) - '0'));
            }
            if (exponentDigits == 0) {
                return Double.NaN;
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        if (i != length) {
            return Double.NaN;
        }
        if (!exact || scale < -22 || scale > 22) {
            return Double.parseDouble(text);
        }
        // Both operands are exact doubles, so one multiplication or division rounds correctly.
        double value = scale >= 0 ? mantissa * POWERS[scale] : mantissa / POWERS[-scale];
        return negative ? -value : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
