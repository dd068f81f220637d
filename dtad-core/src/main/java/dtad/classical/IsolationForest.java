package dtad.classical;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.Progress;
import dtad.detect.TrainingData;
import dtad.method.Constraint;
import dtad.method.Family;
import dtad.method.Method;
import dtad.method.Parameter;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.method.StandardParameters;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Isolation forest: {@code trees} random trees, each grown on {@code psi = min(max_samples, n)}
 * training rows drawn without replacement, by splitting a node on a feature chosen uniformly among
 * those not constant in it, at a threshold uniform between the feature's minimum and maximum there
 * (rows {@code <=} the threshold go left), until a node holds one row, all its rows are equal, or the
 * depth reaches {@code ceil(log2(psi))}. A row's path length in a tree is the depth of the leaf it
 * reaches plus {@code c(m)}, the average path length of an unsuccessful search in a binary search
 * tree of the leaf's {@code m} training rows ({@code c(m) = 2 H(m - 1) - 2 (m - 1) / m}, with
 * {@code H(i) ~ ln(i) + 0.5772...}, {@code c(2) = 1}, {@code c(1) = c(0) = 0}). This is scikit-learn's
 * {@code IsolationForest} (all features, no bootstrap) with PyOD's defaults.
 *
 * <p>Score: {@code 2^(-E[h(x)] / c(psi))}, the mean path length over the trees normalised by
 * {@code c(psi)}; in {@code (0, 1]}, about 0.5 or less for ordinary rows and near 1 for isolated
 * ones; higher is more anomalous (PyOD's score is this minus 0.5). The random draws differ from
 * scikit-learn's, so the scores match it in distribution, not value by value.
 *
 * <p>Trees are grown in parallel; tree {@code t} draws from the {@code t}-th
 * {@link SplittableRandom#split()} of {@code new SplittableRandom(seed)}, split in tree order before
 * any tree grows, so a forest depends on the seed only, never on the number of threads.
 *
 * <p>Reference: F. T. Liu, K. M. Ting, Z.-H. Zhou, "Isolation Forest", IEEE ICDM 2008,
 * doi:10.1109/ICDM.2008.17.
 *
 * @param trees      the number of trees, at least 1
 * @param maxSamples the rows each tree is grown on, at most (fewer when the training set is smaller)
 * @param seed       the seed of all random draws
 */
public record IsolationForest(int trees, int maxSamples, long seed) implements Detector<IsolationForestModel> {
    /** {@code trees}: the number of trees (scikit-learn's and PyOD's default 100). */
    public static final Parameter<IsolationForest, Integer> TREES = Parameter.of("trees", ParameterType.INTEGER, 100,
            Constraint.atLeast(1), "number of trees", IsolationForest::trees);
    /** {@code max_samples}: rows per tree (scikit-learn's and PyOD's default 256). */
    public static final Parameter<IsolationForest, Integer> MAX_SAMPLES = Parameter.of("max_samples",
            ParameterType.INTEGER, 256, Constraint.atLeast(2), "training rows per tree (at most the training set)",
            IsolationForest::maxSamples);
    /** {@code seed}: the standard seed. */
    public static final Parameter<IsolationForest, Long> SEED = StandardParameters.SEED.bind(0L,
            IsolationForest::seed);

    public static final Method<IsolationForest> METHOD = new Method<>("IForest", Family.CLASSICAL,
            "isolation forest: short average path lengths in random partitioning trees mark anomalies",
            "Liu, Ting and Zhou, Isolation Forest, ICDM 2008, doi:10.1109/ICDM.2008.17",
            ParameterTable.<IsolationForest>builder().add(TREES).add(MAX_SAMPLES).add(SEED)
                    .build(v -> new IsolationForest(v.get(TREES), v.get(MAX_SAMPLES), v.get(SEED))),
            IsolationForestModel::load);

    public IsolationForest {
        TREES.require(trees);
        MAX_SAMPLES.require(maxSamples);
    }

    /** The declared defaults (scikit-learn's and PyOD's: 100 trees of at most 256 rows) with the given seed. */
    public IsolationForest(long seed) {
        this(TREES.defaultValue(), MAX_SAMPLES.defaultValue(), seed);
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    /** The rows each tree is grown on for {@code rows} training rows. */
    public int sampleSize(int rows) {
        return Math.min(maxSamples, rows);
    }

    @Override
    public IsolationForestModel fit(Matrix train, Progress progress) {
        TrainingData data = TrainingData.of(train);
        Matrix z = data.standardized();
        int psi = sampleSize(z.rows());
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[trees];
        for (int t = 0; t < trees; t++) {
            streams[t] = root.split();
        }
        IsolationTree[] grown = new IsolationTree[trees];
        IntStream.range(0, trees).parallel().forEach(t -> grown[t] = IsolationTree.grow(z, psi, streams[t]));
        return IsolationForestModel.create(this, data.info(), grown, z);
    }
}
