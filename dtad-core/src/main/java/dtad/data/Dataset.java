package dtad.data;

import java.util.Arrays;

/**
 * Features with optional 0/1 labels (1 = anomaly), as read from a file or generated.
 *
 * @param name   a short name, usually the file name without extension
 * @param x      the features, one row per sample
 * @param labels one label per row (0 = normal, 1 = anomaly), or {@code null} when the data has none
 */
public record Dataset(String name, Matrix x, int[] labels) {
    public Dataset {
        if (labels != null && labels.length != x.rows()) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + x.rows() + " rows");
        }
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** The number of rows labelled 1, or -1 without labels. */
    public int anomalies() {
        return labels == null ? -1 : (int) Arrays.stream(labels).filter(v -> v == 1).count();
    }
}
