package dtad.bench.protocol;

import dtad.InputException;
import dtad.bench.random.NumpyRandomState;
import dtad.data.Dataset;
import java.util.Arrays;

/**
 * The data protocol of the DTE paper's tables (Livernoche et al., "On Diffusion Modeling for Anomaly
 * Detection", ICLR 2024), which is ADBench's {@code DataGenerator} (Han et al., NeurIPS 2022) as
 * modified by the DTE code, replicated draw for draw: with the same seed it picks the very same rows,
 * in the same order, as the Python reference.
 *
 * <p>What the reference does (DTE repository {@code vicliv/DTE}, files {@code data_generator.py} and
 * {@code run.py}; ADBench's {@code adbench/myutils.py} for {@code set_seed}, which calls
 * {@code np.random.seed(seed)}), in this order, after seeding numpy's legacy global RandomState:
 * <ol>
 *   <li>{@code dup}: a data set of fewer than {@value #MIN_ROWS} rows is resampled with replacement to
 *       {@value #MIN_ROWS} rows, {@code choice(arange(n), 1000, replace=True)}
 *       ({@code data_generator.py}, {@code generator()}, after a fresh {@code set_seed}).</li>
 *   <li>{@code sub}: a data set of more than {@value #MAX_ROWS} rows is subsampled without replacement,
 *       {@code choice(arange(n), 50000, replace=False)} (again after a fresh {@code set_seed};
 *       {@code run.py} passes {@code max_size=50000}). At most one of the two applies, and nothing is
 *       drawn before it, so both re-seedings amount to one seeding at the start.</li>
 *   <li>The split. {@code semi} ({@code run.py}: {@code DataGenerator(test_size=0.5, normal=True)}):
 *       with the normal rows in their order after resampling, the first
 *       {@code round(0.5 * n_normal)} of them are the training rows, where {@code round} is Python's,
 *       which rounds an exact half to even ({@code 0.5 * 5 -> 2}, {@code 0.5 * 7 -> 4}); the test rows
 *       are the remaining normal rows in order, followed by all anomalies in order
 *       ({@code np.append(normal_indices[train_size:], anomaly_indices)}). {@code unsup} (and
 *       {@code unsup-nodup}, which skips {@code dup})
 *       ({@code test_size=0, normal=False}): training and test rows are both all rows; no draw.</li>
 *   <li>{@code choice(idx_anomaly, 0, replace=False)} with {@code idx_anomaly} the anomalies among the
 *       training rows ({@code generator(la=0)}): it selects nothing but consumes a full permutation of
 *       their number: none in {@code semi} (the training rows are normal), all anomalies in
 *       {@code unsup}.</li>
 *   <li>{@code boot} ({@code unsup} only, {@code run.py}): the training rows become
 *       {@code choice(arange(m), m, replace=True)} of the {@code m} rows; the test rows stay all rows.</li>
 * </ol>
 *
 * <p>Scaling. The reference then standard-scales with statistics fitted on its training rows (in
 * {@code unsup}: all rows, before the bootstrap) and replaces NaN, in the training rows by the training
 * column mean and in the test rows by the test column mean. This class returns raw rows instead, and
 * leaves the scaling to the detector, which fits the same standard scaling on the training rows it
 * receives ({@link dtad.detect.TrainingData}; scaling first and again inside would only repeat the
 * work). In {@code semi} this is the reference's scaling exactly. Two documented differences remain:
 * in {@code unsup} the scaling statistics come from the bootstrap sample, not from all rows (a
 * per-column factor close to 1); and a NaN in a test row becomes the training mean, not the test
 * column's mean (which would leak test data). No data set of the ADBench collection holds a NaN.
 *
 * <p>Stateless; every call makes its own generator, so calls are independent and thread-safe.
 */
public final class AdbenchProtocol {
    /** Data sets with fewer rows are resampled with replacement to this many. */
    public static final int MIN_ROWS = 1000;
    /** Data sets with more rows are subsampled without replacement to this many. */
    public static final int MAX_ROWS = 50_000;

    private AdbenchProtocol() {
    }

    /**
     * The protocol's rows as indices into the original rows (repeats allowed): training rows in the
     * order they are given to the detector, test rows in the order they are scored.
     *
     * @param train indices of the training rows
     * @param test  indices of the test rows
     */
    public record Rows(int[] train, int[] test) {
    }

    /**
     * Splits a labelled data set for one seed. The test rows hold at least one anomaly and one
     * normal row, otherwise the data set is refused with a message naming it.
     *
     * @param seed numpy's seed, in {@code [0, 2^32 - 1]}
     */
    public static Split split(Dataset data, Setting setting, long seed) {
        if (!data.hasLabels()) {
            throw new InputException(data.name() + ": no labels; the benchmark needs 0/1 labels (1 = anomaly)");
        }
        Rows rows;
        try {
            rows = rows(data.labels(), setting, seed);
        } catch (IllegalArgumentException e) {
            throw new InputException(data.name() + ": " + e.getMessage(), e);
        }
        int[] testLabels = new int[rows.test().length];
        for (int i = 0; i < testLabels.length; i++) {
            testLabels[i] = data.labels()[rows.test()[i]];
        }
        return new Split(data.x().selectRows(rows.train()), data.x().selectRows(rows.test()), testLabels);
    }

    /**
     * The rows the reference protocol picks for these labels (0 = normal, 1 = anomaly), setting and
     * seed; see the class comment for the draws, in order.
     *
     * @throws IllegalArgumentException for an empty data set, a label other than 0 or 1, a bad seed,
     *                                  or when the test rows would lack anomalies or normal rows
     */
    public static Rows rows(int[] labels, Setting setting, long seed) {
        int n = labels.length;
        if (n == 0) {
            throw new IllegalArgumentException("no rows");
        }
        for (int r = 0; r < n; r++) {
            if (labels[r] != 0 && labels[r] != 1) {
                throw new IllegalArgumentException("label of row " + (r + 1) + " is " + labels[r]
                        + "; labels must be 0 (normal) or 1 (anomaly)");
            }
        }
        if (seed < 0 || seed > NumpyRandomState.MAX_SEED) {
            throw new IllegalArgumentException("Invalid seed: " + seed + " (numpy seeds lie in [0, 2^32 - 1])");
        }
        NumpyRandomState random = new NumpyRandomState(seed);
        int[] kept = resample(random, n, setting != Setting.UNSUP_NODUP);
        int anomalies = 0;
        for (int row : kept) {
            anomalies += labels[row];
        }
        int normals = kept.length - anomalies;
        if (anomalies == 0) {
            throw new IllegalArgumentException("no anomalies among the rows (seed " + seed + ")");
        }
        return switch (setting) {
            case SEMI -> semi(labels, kept, normals, anomalies, seed);
            case UNSUP, UNSUP_NODUP -> unsup(random, kept, anomalies);
            case ONE_CLASS -> throw new IllegalArgumentException("the one-class setting needs an image data set with "
                    + "a training and a test split (e.g. FashionMNIST_k); use semi or unsup");
        };
    }

    /** How many rows the protocol keeps of {@code n}: {@link #MIN_ROWS} below it, {@link #MAX_ROWS} above it. */
    public static int keptRows(int n) {
        return Math.max(MIN_ROWS, Math.min(MAX_ROWS, n));
    }

    /**
     * The training rows of the semi setting among {@code normals} normal rows: Python's
     * {@code round(0.5 * normals)}, an exact half to the even neighbour, as {@link Math#rint} does.
     */
    public static int semiTrainingRows(int normals) {
        return (int) Math.rint(0.5 * normals);
    }

    /**
     * {@code dup} below {@link #MIN_ROWS} (unless {@code dup} is false: {@link Setting#UNSUP_NODUP}), {@code sub}
     * above {@link #MAX_ROWS}, else all rows in order.
     */
    private static int[] resample(NumpyRandomState random, int n, boolean dup) {
        int kept = dup ? keptRows(n) : Math.min(MAX_ROWS, n);
        if (kept != n) {
            return random.choice(n, kept, kept > n);
        }
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }

    private static Rows semi(int[] labels, int[] kept, int normals, int anomalies, long seed) {
        int trainSize = semiTrainingRows(normals);
        if (trainSize == 0 || trainSize == normals) {
            throw new IllegalArgumentException(normals + " normal row(s) among the rows (seed " + seed
                    + "); the semi-supervised setting needs at least 2, half to train and half to test");
        }
        int[] train = new int[trainSize];
        int[] test = new int[normals - trainSize + anomalies];
        int normalIndex = 0;
        int testAnomaly = normals - trainSize;
        for (int row : kept) {
            if (labels[row] == 1) {
                test[testAnomaly++] = row;
            } else if (normalIndex < trainSize) {
                train[normalIndex++] = row;
            } else {
                test[normalIndex++ - trainSize] = row;
            }
        }
        // The reference's choice(idx_anomaly, 0) over the training rows' anomalies draws nothing here.
        return new Rows(train, test);
    }

    private static Rows unsup(NumpyRandomState random, int[] kept, int anomalies) {
        if (anomalies == kept.length) {
            throw new IllegalArgumentException("no normal rows among the rows");
        }
        // choice(idx_anomaly, 0, replace=False): nothing selected, a permutation of the anomalies consumed.
        random.permutation(anomalies);
        int m = kept.length;
        int[] boot = random.choice(m, m, true);
        int[] train = new int[m];
        for (int i = 0; i < m; i++) {
            train[i] = kept[boot[i]];
        }
        return new Rows(train, kept.clone());
    }
}
