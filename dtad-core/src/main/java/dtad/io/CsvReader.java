package dtad.io;

import dtad.InputException;
import dtad.data.Dataset;
import dtad.data.Matrix;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a numeric CSV file (UTF-8, optional byte order mark, LF or CRLF, RFC 4180 quotes): a header row of
 * column names, then one row per sample. An optional label column, chosen by name, holds 0/1 labels; every
 * other column is a feature. Empty cells, {@code NA}, {@code NaN} and {@code nan} are missing values
 * (NaN); blank lines are skipped.
 *
 * <p>Refused with {@code file:line:column: problem} (1-based): a non-numeric cell, an infinite value
 * ({@code inf}, {@code Infinity}, {@code 1e999}), a label other than 0 or 1, a row with another number of
 * fields than the header, an empty or header-only file, duplicate column names, an unknown label column.
 */
public final class CsvReader {
    /** The type reported for CSV data, which has no dtype of its own. */
    public static final String DTYPE = "csv";

    private static final int MAX_LISTED_COLUMNS = 20;

    private final String source;
    private final CsvTokenizer tokenizer;
    private final List<String> fields = new ArrayList<>();

    private CsvReader(Path file, String text) {
        this.source = file.toString();
        this.tokenizer = new CsvTokenizer(text, source);
    }

    /**
     * Reads a CSV file as a data set named after the file, with labels from {@code labelColumn}, or
     * without labels when it is {@code null}.
     */
    public static Dataset read(Path file, String labelColumn) {
        ByteBuffer bytes = InputFiles.readAll(file);
        String text = new String(bytes.array(), 0, bytes.limit(), StandardCharsets.UTF_8);
        return new CsvReader(file, text).read(InputFiles.baseName(file), labelColumn);
    }

    private Dataset read(String name, String labelColumn) {
        if (!tokenizer.next(fields)) {
            throw new InputException(source + ": file is empty (no header row)");
        }
        int headerLine = tokenizer.line();
        String[] names = header(headerLine);
        int label = labelColumn == null ? -1 : labelIndex(names, labelColumn, headerLine);
        int features = names.length - (label < 0 ? 0 : 1);
        if (features == 0) {
            throw new InputException(source + ":" + headerLine + ": no feature columns, only the label column '"
                    + Messages.clip(labelColumn) + "'");
        }
        double[] values = new double[(int) Math.min(NpyHeader.MAX_ELEMENTS, Math.max(16L, features * 1024L))];
        int[] labels = label < 0 ? null : new int[1024];
        int rows = 0;
        while (tokenizer.next(fields)) {
            int line = tokenizer.line();
            if (fields.size() != names.length) {
                throw new InputException(source + ":" + line + ":" + (Math.min(fields.size(), names.length) + 1)
                        + ": row has " + fields.size() + " fields, the header has " + names.length);
            }
            if ((long) (rows + 1) * features > NpyHeader.MAX_ELEMENTS) {
                throw new InputException(source + ":" + line + ": too many values, at most "
                        + NpyHeader.MAX_ELEMENTS + " are supported");
            }
            if ((rows + 1) * features > values.length) {
                values = Arrays.copyOf(values, (int) Math.min(NpyHeader.MAX_ELEMENTS, 2L * values.length));
            }
            if (labels != null && rows == labels.length) {
                labels = Arrays.copyOf(labels, 2 * labels.length);
            }
            int at = rows * features;
            for (int column = 0; column < names.length; column++) {
                double value = number(line, column, names[column]);
                if (column == label) {
                    labels[rows] = label(value, line, column, names[column]);
                } else {
                    values[at++] = value;
                }
            }
            rows++;
        }
        if (rows == 0) {
            throw new InputException(source + ":" + (headerLine + 1) + ": no data rows after the header");
        }
        Matrix x = Matrix.wrap(rows, features, Arrays.copyOf(values, rows * features));
        return new Dataset(name, x, labels == null ? null : Arrays.copyOf(labels, rows));
    }

    private String[] header(int line) {
        String[] names = new String[fields.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int column = 0; column < names.length; column++) {
            names[column] = fields.get(column).strip();
            Integer previous = seen.putIfAbsent(names[column], column);
            if (previous != null) {
                throw new InputException(source + ":" + line + ":" + (column + 1) + ": duplicate column name '"
                        + Messages.clip(names[column]) + "' (also column " + (previous + 1) + ")");
            }
        }
        return names;
    }

    private int labelIndex(String[] names, String labelColumn, int line) {
        for (int column = 0; column < names.length; column++) {
            if (names[column].equals(labelColumn.strip())) {
                return column;
            }
        }
        List<String> listed = new ArrayList<>();
        for (int column = 0; column < Math.min(names.length, MAX_LISTED_COLUMNS); column++) {
            listed.add(Messages.clip(names[column]));
        }
        if (names.length > MAX_LISTED_COLUMNS) {
            listed.add("... (" + names.length + " in all)");
        }
        throw new InputException(source + ":" + line + ": no column named '" + Messages.clip(labelColumn)
                + "' for the labels; columns: " + String.join(", ", listed));
    }

    /** The cell's number; empty, NA, NaN and nan are NaN; anything else not a finite number is refused. */
    private double number(int line, int column, String name) {
        String cell = fields.get(column).strip();
        if (cell.isEmpty() || cell.equals("NA") || cell.equals("NaN") || cell.equals("nan")) {
            return Double.NaN;
        }
        double value = DecimalParser.parse(cell);
        if (Double.isNaN(value)) {
            if (isInfinity(cell)) {
                throw infinite(line, column, name, cell);
            }
            throw new InputException(position(line, column) + ": not a number in column '" + Messages.clip(name)
                    + "': '" + Messages.clip(cell) + "'");
        }
        if (Double.isInfinite(value)) {
            throw infinite(line, column, name, cell);
        }
        return value;
    }

    private int label(double value, int line, int column, String name) {
        if (value == 0 || value == 1) {
            return (int) value;
        }
        String cell = fields.get(column).strip();
        throw new InputException(position(line, column) + ": labels in column '" + Messages.clip(name)
                + "' must be 0 or 1, found " + (cell.isEmpty() ? "an empty cell" : "'" + Messages.clip(cell) + "'"));
    }

    private InputException infinite(int line, int column, String name, String cell) {
        return new InputException(position(line, column) + ": infinite value in column '" + Messages.clip(name)
                + "': '" + Messages.clip(cell) + "' (only finite numbers and NaN are accepted)");
    }

    private String position(int line, int column) {
        return source + ":" + line + ":" + (column + 1);
    }

    /** Whether the text spells an infinity: {@code inf} or {@code infinity} in any case, signed or not. */
    private static boolean isInfinity(String cell) {
        String word = cell.startsWith("-") || cell.startsWith("+") ? cell.substring(1) : cell;
        return word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity");
    }
}
