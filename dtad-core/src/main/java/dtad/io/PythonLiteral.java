package dtad.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the Python literals an NPY header is written in: dicts, tuples, lists, strings, integers and
 * {@code True}/{@code False}. It reads them as data, never evaluates anything, and reports what it cannot
 * read as a {@link Malformed} with a short reason. Strings become {@link String}, integers {@link Long},
 * booleans {@link Boolean}, lists {@link List}, tuples {@link Tuple} and dicts a {@link Map} in file order.
 */
final class PythonLiteral {
    /** A Python tuple, told apart from a list because an NPY shape must be a tuple. */
    record Tuple(List<Object> items) {
    }

    /** The text is not a literal this parser reads. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** Deeper nesting than any NPY header has is refused rather than risking the stack. */
    private static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;
    private int depth;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** Parses one literal that makes up all of {@code text} but for surrounding white space. */
    static Object parse(String text) throws Malformed {
        PythonLiteral parser = new PythonLiteral(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the literal");
        }
        return value;
    }

    private Object value() throws Malformed {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        if ((c == '{' || c == '(' || c == '[') && depth >= MAX_DEPTH) {
            throw error("nested too deeply");
        }
        switch (c) {
            case '{':
                return dict();
            case '(':
                return new Tuple(sequence(')', true));
            case '[':
                return sequence(']', false);
            case '\'':
            case '"':
                return string(c);
            default:
                if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
                    return integer();
                }
                if (text.startsWith("True", pos)) {
                    pos += 4;
                    return Boolean.TRUE;
                }
                if (text.startsWith("False", pos)) {
                    pos += 5;
                    return Boolean.FALSE;
                }
                throw error("unexpected '" + Messages.clip(String.valueOf(c)) + "'");
        }
    }

    private Map<Object, Object> dict() throws Malformed {
        Map<Object, Object> map = new LinkedHashMap<>();
        pos++; // '{'
        depth++;
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                depth--;
                return map;
            }
            Object key = value();
            skipSpace();
            expect(':');
            Object value = value();
            if (map.put(key, value) != null) {
                throw error("repeated key " + key);
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> sequence(char close, boolean tuple) throws Malformed {
        List<Object> items = new ArrayList<>();
        pos++; // '(' or '['
        depth++;
        boolean comma = false;
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                depth--;
                if (tuple && items.size() == 1 && !comma) {
                    // "(3)" is a parenthesized integer in Python, not a tuple: numpy writes "(3,)".
                    throw error("a one-element tuple needs a trailing comma");
                }
                return items;
            }
            items.add(value());
            skipSpace();
            comma = peek() == ',';
            if (comma) {
                pos++;
            } else if (peek() != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string(char quote) throws Malformed {
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\n') {
                break;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case 'x' -> out.append((char) hex(2));
                case 'u' -> out.append((char) hex(4));
                default -> out.append(e); // \\ \' \" and anything else taken literally
            }
        }
        pos = start;
        throw error("unterminated string");
    }

    private int hex(int digits) throws Malformed {
        if (pos + digits > text.length()) {
            throw error("bad escape");
        }
        try {
            int value = Integer.parseInt(text.substring(pos, pos + digits), 16);
            pos += digits;
            return value;
        } catch (NumberFormatException e) {
            throw error("bad escape");
        }
    }

    private Long integer() throws Malformed {
        int start = pos;
        if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
            pos++;
        }
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            pos++;
        }
        if (pos == digits) {
            pos = start;
            throw error("expected a number");
        }
        String number = text.substring(start, pos);
        if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
            pos++; // Python 2 long, as old numpy wrote shapes
        }
        if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            throw error("expected an integer");
        }
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("integer too large");
        }
    }

    private void expect(char c) throws Malformed {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private Malformed error(String reason) {
        return new Malformed(reason + " at character " + (pos + 1));
    }
}
