package dtad.io;

import java.util.ArrayList;
import java.util.List;

/** Makes text from a file safe to quote in a one-line message: control characters escaped, length capped. */
public final class Messages {
    private static final int MAX_QUOTED = 60;
    private static final int MAX_LISTED = 20;

    private Messages() {
    }

    /** {@code text} on one line, cut to a readable length with "..." when longer. */
    public static String clip(String text) {
        return clip(text, MAX_QUOTED);
    }

    private static String clip(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= max) {
                return out.append("...").toString();
            }
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Names quoted and clipped, comma separated, at most {@value #MAX_LISTED} of them. */
    static String list(List<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(names.size(), MAX_LISTED); i++) {
            out.add("'" + clip(names.get(i)) + "'");
        }
        if (names.size() > MAX_LISTED) {
            out.add("... (" + names.size() + " in all)");
        }
        return String.join(", ", out);
    }

    /** A message of an exception from the JDK, on one line, never empty. */
    public static String of(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : clip(message.strip(), 4 * MAX_QUOTED);
    }

    /** A number as a user would write it: {@code 2} rather than {@code 2.0}, {@code nan}, {@code inf}. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.valueOf(value);
    }
}
