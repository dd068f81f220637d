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

/**
 * The k-nearest-neighbour detector: a row's score is a statistic of the Euclidean distances to its
 * {@code k} nearest training rows ({@link Score}): the distance to the {@code k}-th (PyOD's default
 * {@code largest}), their mean or their median. Scores are non-negative distances in standardized
 * units; higher is more anomalous. Deterministic, no parameters learnt beyond the training rows.
 *
 * <p>As PyOD's {@code KNN}: {@link KNNModel#score} searches all training rows, so a scored row that
 * is also a training row (as in the unsupervised protocol) finds itself at distance 0; the model's
 * training scores leave each training row itself out (PyOD's {@code decision_scores_}, from
 * scikit-learn's {@code kneighbors()} without arguments). Rows equal to another training row still
 * count each other. The search is exact ({@link dtad.neighbors.KnnSearch}); equal distances do not
 * affect the score.
 *
 * <p>References: S. Ramaswamy, R. Rastogi, K. Shim, "Efficient algorithms for mining outliers from
 * large data sets", ACM SIGMOD 2000, doi:10.1145/342009.335437 (largest); F. Angiulli, C. Pizzuti,
 * "Fast outlier detection in high dimensional spaces", PKDD 2002, doi:10.1007/3-540-45681-3_2 (mean).
 *
 * @param k     the number of neighbours, at least 1 (fitting needs at least {@code k + 1} rows)
 * @param score the statistic of the {@code k} distances that is the score
 */
public record KNN(int k, Score score) implements Detector<KNNModel> {
    /** {@code k}: the number of neighbours (PyOD's default 5). */
    public static final Parameter<KNN, Integer> K = Parameter.of("k", ParameterType.INTEGER, 5,
            Constraint.atLeast(1), "number of neighbours", KNN::k);
    /** {@code score}: the statistic of the distances (PyOD's default: the largest). */
    public static final Parameter<KNN, Score> SCORE = Parameter.of("score", ParameterType.choice(Score.class),
            Score.LARGEST, Constraint.none(), "statistic of the k neighbour distances (PyOD's method)", KNN::score);

    public static final Method<KNN> METHOD = new Method<>("KNN", Family.CLASSICAL,
            "k nearest neighbours: distance to the k-th nearest training row (or the mean or median of the k)",
            "Ramaswamy, Rastogi and Shim, Efficient algorithms for mining outliers from large data sets, "
                    + "SIGMOD 2000, doi:10.1145/342009.335437",
            ParameterTable.<KNN>builder().add(K).add(SCORE).build(v -> new KNN(v.get(K), v.get(SCORE))),
            KNNModel::load);

    /** Which statistic of the {@code k} neighbour distances is the score (PyOD's {@code method}). */
    public enum Score {
        /** The distance to the {@code k}-th nearest training row. */
        LARGEST,
        /** The mean of the {@code k} distances. */
        MEAN,
        /** The median of the {@code k} distances (the mean of the middle two for even {@code k}). */
        MEDIAN
    }

    public KNN {
        K.require(k);
        SCORE.require(score);
    }

    /** The declared defaults (PyOD's): 5 neighbours, the distance to the 5th. */
    public KNN() {
        this(K.defaultValue(), SCORE.defaultValue());
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    @Override
    public KNNModel fit(Matrix train, Progress progress) {
        TrainingData data = TrainingData.of(train, k + 1, "k = " + k + " neighbours (parameter k; k + 1 rows)");
        return KNNModel.fit(this, data);
    }
}
