package dtad.bench.results;

import dtad.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code results.csv} format: the header {@link ResultRow#HEADER}, then one row per benchmark
 * cell, each on one physical line ended by {@code \n}. Fields holding a comma, a quote or a line break
 * are double-quoted with quotes doubled (RFC 4180); an error message is flattened to one line before
 * it is written. A metric that was not measured (a failed cell) is written as an empty field, never
 * as a number, and reads back as NaN.
 *
 * <p>Only lines ended by a line break count: a last line without one is the remnant of a write that
 * was interrupted (the process was killed) and {@link #read} ignores it; {@link ResultsLog} cuts it
 * off before appending.
 */
public final class ResultsCsv {
    private static final int COLUMNS = 14;

    private ResultsCsv() {
    }

    /**
     * Reads every complete row of a results file. A missing header, a wrong column count or a bad
     * value is refused with an {@link InputException} naming the file and line; an unterminated last
     * line is ignored.
     */
    public static List<ResultRow> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses the text of a results file; {@code source} names it in messages. */
    public static List<ResultRow> parse(String text, String source) {
        List<String> lines = completeLines(text);
        if (lines.isEmpty()) {
            throw new InputException(source + ": empty results file, expected the header " + ResultRow.HEADER);
        }
        String header = lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(0);
        if (!header.strip().equals(ResultRow.HEADER)) {
            throw new InputException(source + ": line 1 is not the results header " + ResultRow.HEADER);
        }
        List<ResultRow> rows = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                rows.add(parseRow(line));
            } catch (IllegalArgumentException e) {
                throw new InputException(source + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /** One row as a CSV line, without the line break. */
    public static String format(ResultRow row) {
        String[] fields = {
            row.dataset(), row.method(), row.setting(), Integer.toString(row.seed()),
            number(row.aucRoc()), number(row.averagePrecision()), number(row.f1()),
            number(row.fitSeconds()), number(row.scoreSeconds()),
            Integer.toString(row.nTrain()), Integer.toString(row.nTest()), Integer.toString(row.dim()),
            row.status().text(), oneLine(row.error())
        };
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(fields[i]));
        }
        return out.toString();
    }

    /** Parses one CSV line of a row; a bad field is refused with an {@link IllegalArgumentException}. */
    public static ResultRow parseRow(String line) {
        List<String> f = split(line);
        if (f.size() != COLUMNS) {
            throw new IllegalArgumentException("expected " + COLUMNS + " fields, found " + f.size());
        }
        ResultRow.Status status = switch (f.get(12).strip()) {
            case "ok" -> ResultRow.Status.OK;
            case "failed" -> ResultRow.Status.FAILED;
            default -> throw new IllegalArgumentException("status must be ok or failed, found '" + f.get(12) + "'");
        };
        return new ResultRow(f.get(0), f.get(1), f.get(2), integer("seed", f.get(3)),
                real("aucroc", f.get(4)), real("aucpr", f.get(5)), real("f1", f.get(6)),
                real("fit_seconds", f.get(7)), real("score_seconds", f.get(8)),
                integer("n_train", f.get(9)), integer("n_test", f.get(10)), integer("dim", f.get(11)),
                status, f.get(13));
    }

    /** A message made fit for one CSV field on one line: line breaks become spaces. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
    }

    /** The lines ended by a line break; an unterminated last line is left out. */
    private static List<String> completeLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(text.substring(start, end));
                start = i + 1;
            }
        }
        return lines;
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("A result cannot be infinite: " + value);
        }
        // The shortest text that reads back as the same double.
        return Double.toString(value).toLowerCase(Locale.ROOT);
    }

    private static double real(String column, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(t);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + text + "'");
        }
    }

    private static int integer(String column, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not an integer: '" + text + "'");
        }
    }

    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** The fields of one CSV line (RFC 4180 quoting). */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(COLUMNS);
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("unterminated quoted field " + (fields.size() + 1));
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after the closing quote of field " + (fields.size() + 1));
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    /**
     * The latest row of each cell ({@link ResultRow#key}), in the order the cells first appear: a cell
     * that was run again (after a failure, with {@code --retry-failed}) counts with its newest row.
     */
    public static List<ResultRow> latestPerCell(List<ResultRow> rows) {
        Map<String, ResultRow> latest = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            latest.put(row.key(), row);
        }
        return List.copyOf(latest.values());
    }
}
