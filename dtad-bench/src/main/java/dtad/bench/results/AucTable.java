package dtad.bench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console summary of a run: one line per data set, one column per method, each entry the mean
 * AUC-ROC (in %) over the seeds that succeeded; {@code failed} when none did, and a {@code *} when
 * some seeds failed. The last line is the mean over the data sets (over the entries shown).
 */
public final class AucTable {
    private AucTable() {
    }

    /** The table as text, lines ended by {@code \n}; data sets and methods in order of first appearance. */
    public static String format(List<ResultRow> rows) {
        Map<String, Map<String, List<ResultRow>>> cells = new LinkedHashMap<>();
        List<String> methods = new ArrayList<>();
        for (ResultRow row : rows) {
            if (!methods.contains(row.method())) {
                methods.add(row.method());
            }
            cells.computeIfAbsent(row.dataset(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(row.method(), m -> new ArrayList<>()).add(row);
        }
        if (cells.isEmpty()) {
            return "(no results)\n";
        }
        List<String[]> lines = new ArrayList<>();
        String[] header = new String[methods.size() + 1];
        header[0] = "AUC-ROC % (mean over seeds)";
        for (int j = 0; j < methods.size(); j++) {
            header[j + 1] = methods.get(j);
        }
        lines.add(header);
        double[] sums = new double[methods.size()];
        int[] counts = new int[methods.size()];
        boolean anyPartial = false;
        for (Map.Entry<String, Map<String, List<ResultRow>>> d : cells.entrySet()) {
            String[] line = new String[methods.size() + 1];
            line[0] = d.getKey();
            for (int j = 0; j < methods.size(); j++) {
                List<ResultRow> runs = d.getValue().getOrDefault(methods.get(j), List.of());
                double sum = 0;
                int ok = 0;
                for (ResultRow r : runs) {
                    if (r.ok()) {
                        sum += r.aucRoc();
                        ok++;
                    }
                }
                if (runs.isEmpty()) {
                    line[j + 1] = "-";
                } else if (ok == 0) {
                    line[j + 1] = "failed";
                } else {
                    double mean = 100 * sum / ok;
                    sums[j] += mean;
                    counts[j]++;
                    boolean partial = ok < runs.size();
                    anyPartial |= partial;
                    line[j + 1] = String.format(Locale.ROOT, "%.1f", mean) + (partial ? "*" : "");
                }
            }
            lines.add(line);
        }
        String[] mean = new String[methods.size() + 1];
        mean[0] = "mean";
        for (int j = 0; j < methods.size(); j++) {
            mean[j + 1] = counts[j] == 0 ? "-" : String.format(Locale.ROOT, "%.1f", sums[j] / counts[j]);
        }
        lines.add(mean);
        int[] widths = new int[header.length];
        for (String[] line : lines) {
            for (int j = 0; j < line.length; j++) {
                widths[j] = Math.max(widths[j], line[j].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String[] line = lines.get(i);
            if (i == lines.size() - 1) {
                out.append("-".repeat(widths[0])).append('\n');
            }
            out.append(String.format("%-" + widths[0] + "s", line[0]));
            for (int j = 1; j < line.length; j++) {
                out.append("  ").append(String.format("%" + widths[j] + "s", line[j]));
            }
            out.append('\n');
        }
        if (anyPartial) {
            out.append("* some seeds failed; the mean is over those that succeeded (see the error column)\n");
        }
        return out.toString();
    }
}
