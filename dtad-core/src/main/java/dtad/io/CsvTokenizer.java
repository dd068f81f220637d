package dtad.io;

import dtad.InputException;
import java.util.List;

/**
 * Splits delimited text into records of fields: separated by one delimiter character (comma, semicolon,
 * tab, ...), records ended by LF, CRLF or CR, fields in
 * double quotes may hold commas, line breaks and doubled quotes (RFC 4180). Blank lines are skipped. The
 * line numbers it reports are 1-based physical lines.
 */
final class CsvTokenizer {
    private final String text;
    private final String source;
    private final char delimiter;
    private int pos;
    private int line = 1;
    private int recordLine;

    /** {@code source} names the text in messages; a leading byte order mark is skipped. */
    CsvTokenizer(String text, String source, char delimiter) {
        this.text = text;
        this.source = source;
        this.delimiter = delimiter;
        this.pos = text.startsWith("\uFEFF") ? 1 : 0;
    }

    /** The line on which the last record read starts. */
    int line() {
        return recordLine;
    }

    /** Reads the next non-blank record into {@code fields} (cleared first); {@code false} at the end. */
    boolean next(List<String> fields) {
        while (true) {
            if (pos >= text.length()) {
                return false;
            }
            fields.clear();
            recordLine = line;
            boolean blank = readRecord(fields);
            if (!blank) {
                return true;
            }
        }
    }

    /** Reads one record; returns whether it was a blank line (a single unquoted field of white space). */
    private boolean readRecord(List<String> fields) {
        boolean quotedAny = false;
        while (true) {
            int column = fields.size() + 1;
            if (pos < text.length() && text.charAt(pos) == '"') {
                quotedAny = true;
                fields.add(quoted(column));
            } else {
                int start = pos;
                while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
                    pos++;
                }
                fields.add(text.substring(start, pos));
            }
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos++);
            if (c == delimiter) {
                continue;
            }
            if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
            line++;
            break;
        }
        return !quotedAny && fields.size() == 1 && fields.get(0).isBlank();
    }

    private String quoted(int column) {
        int startLine = line;
        StringBuilder out = new StringBuilder();
        pos++; // opening quote
        while (true) {
            int quote = text.indexOf('"', pos);
            if (quote < 0) {
                throw new InputException(source + ": line " + startLine + ", column " + column + " (from 1): unterminated quoted field");
            }
            countLines(pos, quote);
            out.append(text, pos, quote);
            pos = quote + 1;
            if (pos < text.length() && text.charAt(pos) == '"') {
                out.append('"');
                pos++;
                continue;
            }
            if (pos < text.length() && !isDelimiter(text.charAt(pos))) {
                throw new InputException(source + ": line " + line + ", column " + column + " (from 1)"
                        + ": unexpected text after a closing quote (write a quote inside a quoted field as \"\")");
            }
            return out.toString();
        }
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
    }

    private boolean isDelimiter(char c) {
        return c == delimiter || c == '\n' || c == '\r';
    }
}
