package dtad.classical;

import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.io.NpzReader;
import dtad.testing.SharedData;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The DTE paper's semi-supervised split of an ADBench data set of 1000 to 50000 rows (which the
 * protocol neither resamples nor subsamples): training rows are the first {@code round(n_normal / 2)}
 * normal rows in file order (Python's round, half to even), test rows the other normal rows and then
 * all anomalies. The models scale with the training statistics themselves, as the protocol does.
 * A test that needs the data is skipped, with a message, when they are absent (system property
 * {@code dtad.adbench.dir}), or fails when they are required ({@link SharedData}).
 */
record AdbenchSplit(Matrix train, Matrix test, int[] testLabels) {

    static AdbenchSplit load(String classicalName) {
        Dataset data = NpzReader.readDataset(SharedData.adbenchFile("Classical/" + classicalName + ".npz"));
        int[] labels = data.labels();
        int[] normal = IntStream.range(0, labels.length).filter(i -> labels[i] == 0).toArray();
        int[] anomalous = IntStream.range(0, labels.length).filter(i -> labels[i] == 1).toArray();
        int trainSize = (int) Math.rint(0.5 * normal.length);
        int[] testRows = IntStream.concat(Arrays.stream(normal, trainSize, normal.length), Arrays.stream(anomalous))
                .toArray();
        return new AdbenchSplit(data.x().selectRows(Arrays.copyOf(normal, trainSize)), data.x().selectRows(testRows),
                Arrays.stream(testRows).map(i -> labels[i]).toArray());
    }
}
