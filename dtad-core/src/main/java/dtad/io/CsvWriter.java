package dtad.io;

import dtad.data.Matrix;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a numeric table as CSV with a header row, through {@link AtomicFiles} (never half-written,
 * never over an existing file unasked). Whole numbers are written without a fraction ({@code 1}, not
 * {@code 1.0}), other values in Java's shortest round-trip form, so {@link CsvReader} reads back the
 * same doubles.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** Writes {@code table} under the column {@code names}. */
    public static void write(Path file, List<String> names, Matrix table, boolean overwrite) throws IOException {
        write(file, null, null, names, table, overwrite);
    }

    /**
     * Writes a first text column {@code keys} under the name {@code keyName} (quoted as RFC 4180 asks when
     * needed), then {@code table} under the column {@code names}. Without keys ({@code null}), only the table.
     */
    public static void write(Path file, String keyName, List<String> keys, List<String> names, Matrix table,
            boolean overwrite) throws IOException {
        if (names.size() != table.columns()) {
            throw new IllegalArgumentException(names.size() + " column names for " + table.columns() + " columns");
        }
        if (keys != null && keys.size() != table.rows()) {
            throw new IllegalArgumentException(keys.size() + " keys for " + table.rows() + " rows");
        }
        AtomicFiles.write(file, overwrite, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (keys != null) {
                w.write(quote(keyName) + ",");
            }
            w.write(String.join(",", names));
            w.write('\n');
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < table.rows(); r++) {
                line.setLength(0);
                if (keys != null) {
                    line.append(quote(keys.get(r))).append(',');
                }
                for (int c = 0; c < table.columns(); c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    format(table.get(r, c), line);
                }
                line.append('\n');
                w.write(line.toString());
            }
            w.flush();
        });
    }

    /** A text field as CSV: quoted, with inner quotes doubled, when it holds a comma, quote or line break. */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** Appends a value: a whole number as an integer, anything else with {@link Double#toString}. */
    static void format(double v, StringBuilder out) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            out.append(v);
        }
    }
}
