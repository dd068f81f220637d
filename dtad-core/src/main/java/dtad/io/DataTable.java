package dtad.io;

import dtad.InputException;
import dtad.data.Dataset;
import dtad.data.Matrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A data file as read: its data set, the element type it was stored as, the names of its feature
 * columns (or {@code null} when the format has none: NPY, NPZ) and the row identifiers of an id column
 * (or {@code null}).
 */
public record DataTable(Dataset data, String dtype, List<String> featureNames, List<String> ids) {
    public DataTable {
        if (featureNames != null) {
            featureNames = List.copyOf(featureNames);
            if (featureNames.size() != data.x().columns()) {
                throw new IllegalArgumentException(featureNames.size() + " names for " + data.x().columns() + " features");
            }
        }
        if (ids != null) {
            ids = List.copyOf(ids);
            if (ids.size() != data.x().rows()) {
                throw new IllegalArgumentException(ids.size() + " ids for " + data.x().rows() + " rows");
            }
        }
    }

    /** The name of feature {@code column} (from 0): its header name, or {@code x1..xD} when unnamed. */
    public String featureName(int column) {
        return featureNames == null ? "x" + (column + 1) : featureNames.get(column);
    }

    /**
     * This table with its features in the order of {@code expected}, matched by name, for scoring with a
     * model fitted on columns of those names. When either side is unnamed, only the count is checked (the
     * columns are taken by position). A missing or an unexpected column is refused, naming it.
     *
     * @param source the file, for messages
     */
    public DataTable alignTo(List<String> expected, String source) {
        int have = data.x().columns();
        if (expected == null || featureNames == null) {
            if (expected != null && expected.size() != have) {
                throw new InputException(source + ": has " + have + " feature columns, the model expects "
                        + expected.size());
            }
            return this;
        }
        Map<String, Integer> at = new HashMap<>();
        for (int j = 0; j < have; j++) {
            at.put(featureNames.get(j), j);
        }
        List<String> missing = new ArrayList<>();
        int[] order = new int[expected.size()];
        for (int j = 0; j < expected.size(); j++) {
            Integer from = at.remove(expected.get(j));
            if (from == null) {
                missing.add(expected.get(j));
            } else {
                order[j] = from;
            }
        }
        if (!missing.isEmpty() || !at.isEmpty()) {
            List<String> extra = new ArrayList<>();
            for (String name : featureNames) {
                if (at.containsKey(name)) {
                    extra.add(name);
                }
            }
            StringBuilder message = new StringBuilder(source).append(": has ").append(have)
                    .append(" features, the model expects ").append(expected.size()).append(", matched by name");
            if (!missing.isEmpty()) {
                message.append("; missing: ").append(Messages.list(missing));
            }
            if (!extra.isEmpty()) {
                message.append("; not in the model: ").append(Messages.list(extra))
                        .append(" (leave them out with --drop-columns or name the label with --label-column)");
            }
            throw new InputException(message.toString());
        }
        boolean same = true;
        for (int j = 0; j < order.length; j++) {
            same &= order[j] == j;
        }
        if (same) {
            return this;
        }
        Matrix x = data.x();
        double[] values = new double[x.rows() * order.length];
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < order.length; j++) {
                values[r * order.length + j] = x.get(r, order[j]);
            }
        }
        Dataset reordered = new Dataset(data.name(), Matrix.wrap(x.rows(), order.length, values), data.labels());
        return new DataTable(reordered, dtype, expected, ids);
    }

    /** The number of missing (NaN) cells in each feature column. */
    public int[] missingPerColumn() {
        Matrix x = data.x();
        int[] counts = new int[x.columns()];
        double[] v = x.values();
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                counts[i % x.columns()]++;
            }
        }
        return counts;
    }

    /**
     * Refuses infinite values (NPY and NPZ files may hold them; text readers refuse them as they read),
     * naming the first one's row and column, both counted from 1.
     *
     * @param source the file, for messages
     */
    public void requireFinite(String source) {
        Matrix x = data.x();
        double[] v = x.values();
        for (int i = 0; i < v.length; i++) {
            if (Double.isInfinite(v[i])) {
                throw new InputException(source + ": infinite value at row " + (i / x.columns() + 1) + ", column "
                        + (i % x.columns() + 1) + (featureNames == null ? "" : " ('" + Messages.clip(featureName(i % x.columns())) + "')")
                        + " (rows and columns counted from 1); only finite numbers and NaN are accepted");
            }
        }
    }
}
