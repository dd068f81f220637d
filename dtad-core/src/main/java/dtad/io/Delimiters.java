package dtad.io;

/**
 * Guesses the field delimiter of a delimited text file from its first line: the most frequent of
 * comma, semicolon, tab and vertical bar outside double quotes; a comma when none occurs (one column).
 */
final class Delimiters {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private Delimiters() {
    }

    static char detect(String text) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (i > start && total(counts) > 0) {
                    break;
                }
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    counts[k] += c == CANDIDATES[k] ? 1 : 0;
                }
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }

    private static int total(int[] counts) {
        int sum = 0;
        for (int c : counts) {
            sum += c;
        }
        return sum;
    }

    /** A delimiter as a user would name it in a message. */
    static String describe(char c) {
        return switch (c) {
            case '\t' -> "tab";
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '|' -> "'|'";
            default -> "'" + Messages.clip(String.valueOf(c)) + "'";
        };
    }
}
