package dtad.cli;

import dtad.data.Matrix;
import dtad.io.CsvWriter;
import dtad.io.NpyWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes scores (and labels, posteriors) as CSV or NPY, never half-written, never over a file unasked. */
final class ScoreOutput {
    private final Path file;
    private final boolean csv;

    private ScoreOutput(Path file, boolean csv) {
        this.file = file;
        this.csv = csv;
    }

    /** Checks the extension up front, before any work is done. */
    static ScoreOutput forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new ScoreOutput(file, true);
        }
        if (name.endsWith(".npy")) {
            return new ScoreOutput(file, false);
        }
        throw new IllegalArgumentException(file + ": unsupported output type; use .csv or .npy");
    }

    boolean isCsv() {
        return csv;
    }

    /**
     * Writes one row per score, then its outlier probability ({@code probabilities}, or {@code null}), label
     * and posterior; {@code ids} (or {@code null}), under the column {@code idName}, come first in a CSV output.
     */
    void write(List<String> ids, String idName, double[] scores, double[] probabilities, int[] labels,
            Matrix posterior, String[] posteriorNames, boolean overwrite) throws IOException {
        List<String> names = new ArrayList<>(List.of("score"));
        if (probabilities != null) {
            names.add("probability");
        }
        if (labels != null) {
            names.add("label");
        }
        if (posterior != null) {
            for (String n : posteriorNames) {
                names.add("p_" + n);
            }
        }
        int columns = names.size();
        if (!csv && columns == 1) {
            NpyWriter.write(file, scores, overwrite);
            return;
        }
        double[] values = new double[scores.length * columns];
        for (int r = 0; r < scores.length; r++) {
            int o = r * columns;
            values[o] = scores[r];
            int c = 1;
            if (probabilities != null) {
                values[o + c++] = probabilities[r];
            }
            if (labels != null) {
                values[o + c++] = labels[r];
            }
            if (posterior != null) {
                System.arraycopy(posterior.values(), posterior.offset(r), values, o + c, posterior.columns());
            }
        }
        Matrix table = Matrix.wrap(scores.length, columns, values);
        if (!csv) {
            NpyWriter.write(file, table, overwrite);
            return;
        }
        if (ids != null) {
            CsvWriter.write(file, idName, ids, names, table, overwrite);
            return;
        }
        CsvWriter.write(file, names, table, overwrite);
    }
}
