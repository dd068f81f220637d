package dtad.bench.runner;

import dtad.bench.protocol.AdbenchProtocol;
import dtad.bench.protocol.Setting;
import java.util.OptionalInt;

/**
 * A data set's size as known before it is loaded: its rows and, when cheaply known, its anomalies;
 * enough to foresee how many rows the protocol trains a method on, and so how long its cells take.
 *
 * @param rows      the rows of the file or recipe, before the protocol resamples them
 * @param anomalies the anomalous rows among them, when known without reading the labels
 */
public record DatasetSize(int rows, OptionalInt anomalies) {
    public DatasetSize {
        if (rows < 0) {
            throw new IllegalArgumentException("Invalid row count: " + rows);
        }
        if (anomalies.isPresent() && (anomalies.getAsInt() < 0 || anomalies.getAsInt() > rows)) {
            throw new IllegalArgumentException("Invalid anomaly count: " + anomalies.getAsInt() + " of " + rows);
        }
    }

    /** A size of which only the rows are known (e.g. from an NPY header, which holds no labels). */
    public static DatasetSize ofRows(int rows) {
        return new DatasetSize(rows, OptionalInt.empty());
    }

    public static DatasetSize of(int rows, int anomalies) {
        return new DatasetSize(rows, OptionalInt.of(anomalies));
    }

    /**
     * The training rows {@link AdbenchProtocol} will give a method: after resampling to at least
     * {@value AdbenchProtocol#MIN_ROWS} and at most {@value AdbenchProtocol#MAX_ROWS} rows, all of them in
     * {@code unsup}, half of the normal ones in {@code semi}. When the anomalies are unknown, half of all
     * rows: an overestimate by the anomaly share (a few percent on most ADBench sets, a third on the
     * worst), taken rather than reading every label file up front. After resampling, the normal share
     * is the file's, as the protocol's draws keep it on average. In {@code one-class} (image data sets), the
     * normal rows, which is what the training split holds of the normal class when the size counts the
     * anomalies of ADBench's image convention beside them.
     */
    public int trainingRows(Setting setting) {
        if (rows == 0) {
            return 0;
        }
        if (setting == Setting.ONE_CLASS) {
            return rows - anomalies.orElse(0); // the normal class, not resampled
        }
        if (setting == Setting.UNSUP_NODUP) {
            return Math.min(AdbenchProtocol.MAX_ROWS, rows);
        }
        int kept = AdbenchProtocol.keptRows(rows);
        if (setting == Setting.UNSUP) {
            return kept;
        }
        double normals = anomalies.isPresent() ? kept * (double) (rows - anomalies.getAsInt()) / rows : kept;
        return AdbenchProtocol.semiTrainingRows((int) Math.rint(normals));
    }
}
