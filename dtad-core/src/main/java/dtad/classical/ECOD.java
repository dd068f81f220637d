package dtad.classical;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.Progress;
import dtad.method.Family;
import dtad.method.Method;
import dtad.method.Parameter;
import dtad.method.ParameterTable;

/**
 * ECOD, outlier detection by empirical cumulative distribution functions: each feature's empirical
 * distribution gives a row a left-tail and a right-tail score {@code U_l = -log F(x_j)},
 * {@code U_r = -log (1 - F(x_j^-))} and a skewness-corrected one {@code U_skew} (the right tail for
 * positive skew, the left for negative); the row's score is
 * {@code sum_j max(U_l_j, U_r_j, U_skew_j)} ({@link TailRule#ECOD}). That is PyOD's
 * {@code ECOD.decision_function} (version 1.x, the one the published figures were made with): the
 * maximum is taken per feature before the sum, whereas Algorithm 1 of the paper takes the maximum of
 * the three sums.
 *
 * <p>Scores are non-negative; each feature adds at most {@code 2 log(n + 1)} in the default
 * {@link EcdfMode#INDUCTIVE} mode ({@code n} training rows); higher is more anomalous. A constant column has
 * skewness 0 here (PyOD's NaN, which made its published figures exactly 50 on image embeddings).
 * Parameter-free apart from the {@link EcdfMode}; deterministic.
 *
 * <p>Reference: Z. Li, Y. Zhao, X. Hu, N. Botta, C. Ionescu, G. H. Chen, "ECOD: Unsupervised Outlier
 * Detection Using Empirical Cumulative Distribution Functions", IEEE Transactions on Knowledge and Data
 * Engineering 35(12), 2023, doi:10.1109/TKDE.2022.3159580.
 *
 * @param mode which rows the distributions are made of when scoring
 */
public record ECOD(EcdfMode mode) implements Detector<EcdfModel> {
    /** {@code mode}: which rows the distributions are made of (default inductive). */
    public static final Parameter<ECOD, EcdfMode> MODE = EcdfMode.parameter(ECOD::mode);

    public static final Method<ECOD> METHOD = new Method<>("ECOD", Family.CLASSICAL,
            "empirical-CDF outlier detection: the most extreme of left, right and skewness-chosen tails per feature",
            "Li et al., ECOD: Unsupervised Outlier Detection Using Empirical Cumulative Distribution Functions, "
                    + "IEEE TKDE 2022, doi:10.1109/TKDE.2022.3159580",
            ParameterTable.<ECOD>builder().add(MODE).build(v -> new ECOD(v.get(MODE))),
            (config, info, scores, payloads) -> EcdfModel.load(config, TailRule.ECOD, config.mode(), info, scores,
                    payloads));

    public ECOD {
        MODE.require(mode);
    }

    /** The declared default: inductive scoring. */
    public ECOD() {
        this(MODE.defaultValue());
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    @Override
    public EcdfModel fit(Matrix train, Progress progress) {
        return EcdfModel.fit(this, TailRule.ECOD, mode, train);
    }
}
