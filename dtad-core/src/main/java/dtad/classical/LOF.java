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
 * The local outlier factor, in scikit-learn's novelty mode ({@code LocalOutlierFactor(novelty=True)},
 * which PyOD's {@code LOF} wraps). Fitting computes, for each training row {@code p} and its {@code k}
 * nearest other training rows {@code N(p)} (itself left out): the {@code k}-distance {@code kd(p)}
 * (Euclidean distance to the {@code k}-th of them), and the local reachability density
 * {@code lrd(p) = 1 / (mean_{o in N(p)} max(d(p, o), kd(o)) + 1e-10)}. A scored row {@code x} with
 * its {@code k} nearest training rows {@code N(x)} gets {@code lrd(x)} by the same formula and the
 * score {@code LOF(x) = mean_{o in N(x)} lrd(o) / lrd(x)}: about 1 inside a cluster, larger for rows
 * in sparser places than their neighbours; higher is more anomalous. That is minus scikit-learn's
 * {@code score_samples}; the {@code 1e-10} is scikit-learn's too, so duplicated training rows give
 * large but finite densities, never a division by zero. Deterministic.
 *
 * <p>Training scores are the LOF of the training rows with themselves left out (minus scikit-learn's
 * {@code negative_outlier_factor_}, PyOD's {@code decision_scores_}). Scoring a training row again
 * counts the row itself as a neighbour at distance 0, as scikit-learn's {@code score_samples} does.
 * Equal neighbour distances are resolved by training-row order ({@link dtad.neighbors.KnnSearch});
 * scikit-learn's trees resolve them in their own order, and rounding may order near-equal distances
 * differently, so on data with many equal distances (integer-valued features) the two may pick
 * different neighbours and give different LOF values where those neighbours' densities differ.
 *
 * <p>Reference: M. M. Breunig, H.-P. Kriegel, R. T. Ng, J. Sander, "LOF: identifying density-based
 * local outliers", ACM SIGMOD 2000, doi:10.1145/342009.335388.
 *
 * @param k the number of neighbours, at least 1 (fitting needs at least {@code k + 1} rows)
 */
public record LOF(int k) implements Detector<LOFModel> {
    /** {@code k}: the number of neighbours (PyOD's and scikit-learn's default 20). */
    public static final Parameter<LOF, Integer> K = Parameter.of("k", ParameterType.INTEGER, 20,
            Constraint.atLeast(1), "number of neighbours", LOF::k);

    public static final Method<LOF> METHOD = new Method<>("LOF", Family.CLASSICAL,
            "local outlier factor: local reachability density of the k nearest training rows over the row's own",
            "Breunig, Kriegel, Ng and Sander, LOF: identifying density-based local outliers, SIGMOD 2000, "
                    + "doi:10.1145/342009.335388",
            ParameterTable.<LOF>builder().add(K).build(v -> new LOF(v.get(K))),
            LOFModel::load);

    public LOF {
        K.require(k);
    }

    /** The declared default (PyOD's and scikit-learn's): 20 neighbours. */
    public LOF() {
        this(K.defaultValue());
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    @Override
    public LOFModel fit(Matrix train, Progress progress) {
        return LOFModel.fit(this, TrainingData.of(train, k + 1, "k = " + k + " neighbours (parameter k; k + 1 rows)"));
    }
}
