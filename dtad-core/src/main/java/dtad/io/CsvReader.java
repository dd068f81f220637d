package dtad.io;

import dtad.InputException;
import dtad.data.Dataset;
import dtad.data.Matrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a numeric delimited text file (CSV, TSV, semicolon or bar separated; UTF-8, optional byte order
 * mark, LF or CRLF, RFC 4180 quotes; gzip compressed or not): a header row of column names (or none, see
 * {@link ReadOptions#header()}), then one row per sample. An optional label column holds 0/1 or
 * true/false labels, an optional id column row identifiers (any text), dropped columns are skipped;
 * every other column is a feature. Empty cells, {@code NA}, {@code NaN} and {@code nan} are missing
 * values (NaN); blank lines are skipped.
 *
 * <p>Refused with {@code file: line L, column C (from 1): problem}: a non-numeric cell, an infinite value
 * ({@code inf}, {@code Infinity}, {@code 1e999}), a label other than 0/1/true/false, a row with another
 * number of fields than the header, an empty or header-only file, duplicate column names, an unknown
 * label, id or dropped column.
 */
public final class CsvReader {
    /** The type reported for CSV data, which has no dtype of its own. */
    public static final String DTYPE = "csv";

    private final String source;
    private final CsvTokenizer tokenizer;
    private final List<String> fields = new ArrayList<>();
    private final char delimiter;
    private int columnCount;

    private CsvReader(Path file, String text, char delimiter) {
        this.source = file.toString();
        this.delimiter = delimiter;
        this.tokenizer = new CsvTokenizer(text, source, delimiter);
    }

    /**
     * Reads a CSV file as a data set named after the file, with labels from {@code labelColumn}, or
     * without labels when it is {@code null}.
     */
    public static Dataset read(Path file, String labelColumn) {
        return readTable(file, ReadOptions.labelled(labelColumn)).data();
    }

    /** Reads a delimited text file as the options say. */
    public static DataTable readTable(Path file, ReadOptions options) {
        String text = InputFiles.readText(file);
        char delimiter = options.delimiter() != null ? options.delimiter()
                : isTsv(file) ? '\t' : Delimiters.detect(text);
        return new CsvReader(file, text, delimiter).read(InputFiles.baseName(file), options);
    }

    private static boolean isTsv(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".tsv") || name.endsWith(".tsv.gz");
    }

    private DataTable read(String name, ReadOptions options) {
        if (!tokenizer.next(fields)) {
            throw new InputException(source + ": file is empty (no " + (options.header() ? "header row" : "rows") + ")");
        }
        int headerLine = tokenizer.line();
        String[] names = options.header() ? header(headerLine) : numberedNames(fields.size());
        columnCount = names.length;
        Columns columns = Columns.resolve(names, options, source + ": line " + headerLine + " (from 1)");
        int features = columns.features();
        if (features == 0) {
            throw new InputException(source + ": no feature columns left (" + names.length
                    + " columns, all of them label, id or dropped columns)");
        }
        double[] values = new double[(int) Math.min(NpyHeader.MAX_ELEMENTS, Math.max(16L, features * 1024L))];
        int[] labels = columns.label < 0 ? null : new int[1024];
        List<String> ids = columns.id < 0 ? null : new ArrayList<>();
        int rows = 0;
        boolean pending = !options.header();  // without a header the first record is a data row
        while (pending || tokenizer.next(fields)) {
            pending = false;
            int line = tokenizer.line();
            if (fields.size() != names.length) {
                throw new InputException(position(line, Math.min(fields.size(), names.length))
                        + "row has " + fields.size() + " fields, the " + (options.header() ? "header has " : "first row has ")
                        + names.length + (names.length == 1 || fields.size() == 1
                        ? " (the delimiter is " + Delimiters.describe(delimiter) + "; set another with --delimiter)" : ""));
            }
            if ((long) (rows + 1) * features > NpyHeader.MAX_ELEMENTS) {
                throw new InputException(source + ": line " + line + " (from 1): too many values, at most "
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
                if (column == columns.label) {
                    labels[rows] = label(line, column, names[column]);
                } else if (column == columns.id) {
                    ids.add(fields.get(column).strip());
                } else if (!columns.dropped[column]) {
                    values[at++] = number(line, column, names[column]);
                }
            }
            rows++;
        }
        if (rows == 0) {
            throw new InputException(source + ": line " + (headerLine + 1) + " (from 1): no data rows after the header");
        }
        Matrix x = Matrix.wrap(rows, features, Arrays.copyOf(values, rows * features));
        Dataset data = new Dataset(name, x, labels == null ? null : Arrays.copyOf(labels, rows));
        return new DataTable(data, DTYPE, columns.featureNames(names), ids);
    }

    /** {@code x1..xD}: the names of the columns of a file without a header, counted from 1. */
    static String[] numberedNames(int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "x" + (i + 1);
        }
        return names;
    }

    private String[] header(int line) {
        String[] names = new String[fields.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int column = 0; column < names.length; column++) {
            names[column] = fields.get(column).strip();
            Integer previous = seen.putIfAbsent(names[column], column);
            if (previous != null) {
                throw new InputException(position(line, column) + "duplicate column name '"
                        + Messages.clip(names[column]) + "' (also column " + (previous + 1) + ")");
            }
        }
        return names;
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
            throw new InputException(position(line, column) + "not a number in column '" + Messages.clip(name)
                    + "': '" + Messages.clip(cell) + "' (an identifier? use --id-column " + Messages.clip(name)
                    + "; not wanted? use --drop-columns " + Messages.clip(name) + ")"
                    + (columnCount == 1 ? "; the file has one column: if its fields are separated by something other than "
                    + Delimiters.describe(delimiter) + ", give it with --delimiter" : ""));
        }
        if (Double.isInfinite(value)) {
            throw infinite(line, column, name, cell);
        }
        return value;
    }

    /** A label: 0 or 1, or true or false in any case. */
    private int label(int line, int column, String name) {
        String cell = fields.get(column).strip();
        if (cell.equalsIgnoreCase("true")) {
            return 1;
        }
        if (cell.equalsIgnoreCase("false")) {
            return 0;
        }
        double value = DecimalParser.parse(cell);
        if (value == 0 || value == 1) {
            return (int) value;
        }
        throw new InputException(position(line, column) + "labels in column '" + Messages.clip(name)
                + "' must be 0 or 1 (or true or false), found "
                + (cell.isEmpty() ? "an empty cell" : "'" + Messages.clip(cell) + "'"));
    }

    private InputException infinite(int line, int column, String name, String cell) {
        return new InputException(position(line, column) + "infinite value in column '" + Messages.clip(name)
                + "': '" + Messages.clip(cell) + "' (only finite numbers and NaN are accepted)");
    }

    private String position(int line, int column) {
        return source + ": line " + line + ", column " + (column + 1) + " (from 1): ";
    }

    /** Whether the text spells an infinity: {@code inf} or {@code infinity} in any case, signed or not. */
    private static boolean isInfinity(String cell) {
        String word = cell.startsWith("-") || cell.startsWith("+") ? cell.substring(1) : cell;
        return word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity");
    }
}
