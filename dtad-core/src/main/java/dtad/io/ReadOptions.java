package dtad.io;

import java.util.List;

/**
 * How to read a table file (CSV, TSV, Parquet): which columns are not features, and how the text is laid
 * out. The defaults read every column as a feature, detect the delimiter and take the first row as the
 * header.
 *
 * @param labelColumn the column of 0/1 (or true/false) labels, or {@code null} for none
 * @param idColumn    a column of row identifiers, carried along but not a feature, or {@code null}
 * @param dropColumns columns to leave out entirely
 * @param delimiter   the field delimiter of a text file, or {@code null} to detect it (a {@code .tsv}
 *                    file is tab separated; otherwise the most frequent of {@code , ; TAB |} in the
 *                    first line, comma when there is none)
 * @param header      whether the first row of a text file names the columns; without a header the
 *                    columns are named {@code x1..xD} (counted from 1)
 */
public record ReadOptions(String labelColumn, String idColumn, List<String> dropColumns, Character delimiter,
                          boolean header) {
    /** Every column a feature, delimiter detected, header row present. */
    public static final ReadOptions DEFAULTS = new ReadOptions(null, null, List.of(), null, true);

    public ReadOptions {
        dropColumns = dropColumns == null ? List.of() : List.copyOf(dropColumns);
        if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
            throw new IllegalArgumentException("A delimiter cannot be a quote or a line break: '"
                    + Messages.clip(String.valueOf(delimiter)) + "'");
        }
    }

    /** The defaults with a label column (or none for {@code null}). */
    public static ReadOptions labelled(String labelColumn) {
        return DEFAULTS.withLabelColumn(labelColumn);
    }

    public ReadOptions withLabelColumn(String name) {
        return new ReadOptions(name, idColumn, dropColumns, delimiter, header);
    }

    public ReadOptions withIdColumn(String name) {
        return new ReadOptions(labelColumn, name, dropColumns, delimiter, header);
    }

    public ReadOptions withDropColumns(List<String> names) {
        return new ReadOptions(labelColumn, idColumn, names, delimiter, header);
    }

    public ReadOptions withDelimiter(Character c) {
        return new ReadOptions(labelColumn, idColumn, dropColumns, c, header);
    }

    public ReadOptions withHeader(boolean present) {
        return new ReadOptions(labelColumn, idColumn, dropColumns, delimiter, present);
    }

    /** Whether any option picks columns by name (which NPY and NPZ files cannot honour). */
    boolean selectsColumns() {
        return labelColumn != null || idColumn != null || !dropColumns.isEmpty();
    }

    /** Whether any option applies to text files only. */
    boolean shapesText() {
        return delimiter != null || !header;
    }
}
