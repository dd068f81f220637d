package dtad.classical;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.Progress;
import dtad.method.Family;
import dtad.method.Method;
import dtad.method.Parameter;
import dtad.method.ParameterTable;

/**
 * COPOD, the copula-based outlier detector: each feature's empirical distribution gives a row a
 * left-tail and a right-tail score {@code U_l = -log F(x_j)}, {@code U_r = -log (1 - F(x_j^-))};
 * the feature's skewness picks the tail that matters, and the row's score is
 * {@code sum_j max(U_skew_j, (U_l_j + U_r_j) / 2)} ({@link TailRule#COPOD}), exactly as PyOD's
 * {@code COPOD.decision_function} computes it.
 *
 * <p>Scores are non-negative; each feature adds at most {@code 2 log(n + 1)} in the default
 * {@link EcdfMode#INDUCTIVE} mode ({@code n} training rows); higher is more anomalous. A constant column has skewness
 * 0 here (PyOD's NaN, which made its published figures exactly 50 on image embeddings) and adds the
 * same amount to every row that matches the constant. Parameter-free apart from the
 * {@link EcdfMode}; deterministic.
 *
 * <p>Reference: Z. Li, Y. Zhao, N. Botta, C. Ionescu, X. Hu, "COPOD: Copula-Based Outlier Detection",
 * IEEE ICDM 2020, doi:10.1109/ICDM50108.2020.00135.
 *
 * @param mode which rows the distributions are made of when scoring
 */
public record COPOD(EcdfMode mode) implements Detector<EcdfModel> {
    /** {@code mode}: which rows the distributions are made of (default inductive). */
    public static final Parameter<COPOD, EcdfMode> MODE = EcdfMode.parameter(COPOD::mode);

    public static final Method<COPOD> METHOD = new Method<>("COPOD", Family.CLASSICAL,
            "copula-based outlier detection: skewness-corrected empirical tail probabilities per feature",
            "Li et al., COPOD: Copula-Based Outlier Detection, ICDM 2020, doi:10.1109/ICDM50108.2020.00135",
            ParameterTable.<COPOD>builder().add(MODE).build(v -> new COPOD(v.get(MODE))),
            (config, info, scores, payloads) -> EcdfModel.load(config, TailRule.COPOD, config.mode(), info, scores,
                    payloads));

    public COPOD {
        MODE.require(mode);
    }

    /** The declared default: inductive scoring. */
    public COPOD() {
        this(MODE.defaultValue());
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    @Override
    public EcdfModel fit(Matrix train, Progress progress) {
        return EcdfModel.fit(this, TailRule.COPOD, mode, train);
    }
}
