package dtad.bench.results;

import dtad.InputException;
import dtad.io.AtomicFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file {@value #FILE}: {@link CellDetails} per cell, one line each, appended by the one process that writes
 * {@code results.csv}. Columns: {@value #HEADER}, the cell's key fields as in {@code results.csv}. A later line of
 * the same cell replaces an earlier one (a cell run again); an unterminated last line (a killed run) is ignored.
 * Files of the first version, without the two CPU columns ({@value #HEADER_WITHOUT_CPU}), are read with those
 * unknown, and brought to the current columns before a cell is appended to them.
 */
public final class CellDetailsCsv {
    public static final String FILE = "details.csv";
    public static final String HEADER = "dataset,method,setting,seed,pixel_aucroc,pro,defect_regions,peak_rss_mib,fit_cpu_seconds,"
            + "score_cpu_seconds";
    /** The columns of the first version of the file: no CPU times. */
    static final String HEADER_WITHOUT_CPU = "dataset,method,setting,seed,pixel_aucroc,pro,defect_regions,peak_rss_mib";
    private static final int FIELDS = 10;
    private static final int FIELDS_WITHOUT_CPU = 8;

    private CellDetailsCsv() {
    }

    /** Appends one cell's details (with the header first if the file is new), forced to disk. */
    public static void append(Path file, CellDetails details) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        if (!fresh && firstLine(file).equals(HEADER_WITHOUT_CPU)) {
            upgrade(file);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            if (fresh) {
                out.write(HEADER + "\n");
            }
            out.write(format(details) + "\n");
        }
    }

    /** One cell's details as a CSV line (without the line break). */
    public static String format(CellDetails d) {
        String[] key = d.key().split("\\|", -1);
        List<String> fields = List.of(key[0], key[1], key[2], key[3], number(d.pixelAucRoc()), number(d.pro()),
                Integer.toString(d.defectRegions()), number(d.peakRssMib()), number(d.fitCpuSeconds()),
                number(d.scoreCpuSeconds()));
        StringBuilder out = new StringBuilder();
        for (String f : fields) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(f.indexOf(',') >= 0 || f.indexOf('"') >= 0 ? '"' + f.replace("\"", "\"\"") + '"' : f);
        }
        return out.toString();
    }

    /** Parses a line of {@link #format}. */
    public static CellDetails parse(String line) {
        return parse(line, FIELDS, HEADER);
    }

    /** Parses a line of {@code fields} fields: those of {@link #HEADER}, or of {@link #HEADER_WITHOUT_CPU}. */
    private static CellDetails parse(String line, int fields, String header) {
        List<String> f = ResultsCsv.split(line);
        if (f.size() != fields) {
            throw new IllegalArgumentException("expected " + fields + " fields (" + header + "), found " + f.size());
        }
        String key = f.get(0) + "|" + f.get(1) + "|" + f.get(2) + "|" + Integer.parseInt(f.get(3).strip());
        return new CellDetails(key, real(f.get(4)), real(f.get(5)), Integer.parseInt(f.get(6).strip()), real(f.get(7)),
                fields == FIELDS ? real(f.get(8)) : Double.NaN, fields == FIELDS ? real(f.get(9)) : Double.NaN);
    }

    /** The latest details of each cell in {@code file} (empty when the file does not exist), by cell key. */
    public static Map<String, CellDetails> read(Path file) throws IOException {
        Map<String, CellDetails> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        boolean withoutCpu = lines[0].strip().equals(HEADER_WITHOUT_CPU);
        if (!withoutCpu && !lines[0].strip().equals(HEADER)) {
            throw new InputException(file + ": line 1 is not the header " + HEADER);
        }
        // The last element follows the last line break: an unterminated remnant or empty.
        for (int i = 1; i < lines.length - 1; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                CellDetails d = withoutCpu ? parse(lines[i].strip(), FIELDS_WITHOUT_CPU, HEADER_WITHOUT_CPU)
                        : parse(lines[i].strip());
                out.put(d.key(), d);
            } catch (RuntimeException e) {
                throw new InputException(file + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String firstLine(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().orElse("").strip();
        }
    }

    /** Rewrites a file of the first version with the current columns (its cells' CPU times unknown). */
    private static void upgrade(Path file) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (CellDetails d : read(file).values()) {
            text.append(format(d)).append('\n');
        }
        AtomicFiles.write(file, true, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%s", v);
    }

    private static double real(String text) {
        return text.isBlank() ? Double.NaN : Double.parseDouble(text.strip());
    }
}
