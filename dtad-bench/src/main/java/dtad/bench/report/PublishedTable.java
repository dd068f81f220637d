package dtad.bench.report;

import dtad.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A published results table, such as {@code dte_paper_semi_aucroc.csv}: a CSV whose column
 * {@code file} names the dataset file (e.g. {@code 38_thyroid}), an optional column {@code dataset}
 * with a display name, and one column per method (e.g. {@code IForest}, {@code DTE-NP}) whose cells
 * read {@code mean±std} in percent. An empty cell or {@code -} means "not published".
 *
 * <p>Our datasets match the column {@code file} and our methods match the method columns, both
 * ignoring case. When a file is listed twice, the first row counts.
 */
final class PublishedTable {
    private static final Pattern CELL = Pattern.compile(
            "\\s*([-+]?\\d+(?:\\.\\d*)?)\\s*(?:(?:±|\\+-|\\+/-)\\s*(\\d+(?:\\.\\d*)?))?\\s*");

    private final String source;
    private final List<String> methods;
    private final Map<String, Map<String, MeanStd>> rows;

    private PublishedTable(String source, List<String> methods, Map<String, Map<String, MeanStd>> rows) {
        this.source = source;
        this.methods = methods;
        this.rows = rows;
    }

    /** Reads a published table; a missing or malformed file is refused with an {@link InputException}. */
    static PublishedTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such reference file");
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses the text of a published table; {@code source} names it in messages. */
    static PublishedTable parse(String text, String source) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new InputException(source + ": empty reference table");
        }
        List<String> header = split(stripBom(lines.get(0)));
        if (!header.get(0).strip().equalsIgnoreCase("file")) {
            throw new InputException(source + ": the first column of a reference table must be 'file', found '"
                    + header.get(0).strip() + "'");
        }
        List<Integer> methodColumns = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        for (int c = 1; c < header.size(); c++) {
            String name = header.get(c).strip();
            if (!name.equalsIgnoreCase("dataset")) {
                methodColumns.add(c);
                methods.add(name);
            }
        }
        Map<String, Map<String, MeanStd>> rows = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> fields = split(lines.get(i));
            if (fields.size() != header.size()) {
                throw new InputException(source + ": line " + (i + 1) + ": expected " + header.size()
                        + " fields, found " + fields.size());
            }
            String file = key(fields.get(0));
            if (rows.containsKey(file)) {
                continue;
            }
            Map<String, MeanStd> values = new HashMap<>();
            for (int k = 0; k < methodColumns.size(); k++) {
                String method = methods.get(k);
                parseCell(fields.get(methodColumns.get(k)), source, i + 1, method)
                        .ifPresent(v -> values.put(method, v));
            }
            rows.put(file, values);
        }
        return new PublishedTable(source, List.copyOf(methods), rows);
    }

    /** The file or name that the table was read from. */
    String source() {
        return source;
    }

    /** The published method names, in column order. */
    List<String> methods() {
        return methods;
    }

    /** The published name of one of our methods, matched ignoring case. */
    Optional<String> method(String ours) {
        return methods.stream().filter(m -> m.equalsIgnoreCase(ours.strip())).findFirst();
    }

    /** Whether the table lists a dataset (matched to the column {@code file}, ignoring case). */
    boolean hasDataset(String dataset) {
        return rows.containsKey(key(dataset));
    }

    /** The published mean ± std of a dataset and a published method name; empty when not published. */
    Optional<MeanStd> value(String dataset, String publishedMethod) {
        Map<String, MeanStd> row = rows.get(key(dataset));
        return row == null ? Optional.empty() : Optional.ofNullable(row.get(publishedMethod));
    }

    static Optional<MeanStd> parseCell(String cell, String source, int line, String method) {
        String t = cell.strip();
        if (t.isEmpty() || t.equals("-") || t.equals("–") || t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("n/a")) {
            return Optional.empty();
        }
        Matcher m = CELL.matcher(t);
        if (!m.matches()) {
            throw new InputException(source + ": line " + line + ", column " + method + ": '" + t
                    + "' is not mean±std");
        }
        double mean = Double.parseDouble(m.group(1));
        double std = m.group(2) == null ? 0 : Double.parseDouble(m.group(2));
        return Optional.of(new MeanStd(mean, std));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Splits one CSV line; a field in double quotes may hold commas and doubled quotes. */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
