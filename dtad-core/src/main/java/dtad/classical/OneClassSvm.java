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
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.logging.Logger;

/**
 * One-class SVM (Schölkopf et al.): the hyperplane in the feature space of the RBF kernel
 * {@code K(x, y) = exp(-gamma ||x - y||^2)} that separates the training rows from the origin with
 * maximal margin, at most a share {@code nu} of them on the wrong side. Solved by dtad's dense SMO
 * solver ({@link OneClassSvmSolver}), which takes the decisions of LIBSVM's solver (the one that
 * scikit-learn's {@code OneClassSVM} wraps) step for step and returns its support vectors, coefficients
 * and {@code rho} (the tests compare it with LIBSVM's Java port), with PyOD's defaults: {@code nu = 0.5},
 * {@code gamma = 1 / d} ({@code 'auto'}), tolerance 1e-3, shrinking, a 200 MB kernel-row cache.
 *
 * <p>Score: minus the decision function,
 * {@code rho - sum_i alpha_i K(sv_i, x)} over the support vectors, computed by dtad from the fitted
 * support vectors, coefficients and {@code rho} (identical to PyOD's OCSVM score up to rounding);
 * bounded below by {@code rho - sum alpha_i}, positive outside the learnt region; higher is more
 * anomalous.
 *
 * <p>Training cost grows about quadratically with the rows. Measured (fit, including scoring the
 * training rows, on 2 cores shared with five other builds; {@code docs/benchmarks.md}): 2 s for 5,000
 * rows of 50 generated features, 9 s for 10,000 and 40 s for 25,000 (LIBSVM's Java port: 200 s);
 * 23 s for 10,000 rows of 512 features. Scoring cost grows with the number of support vectors (about
 * {@code nu} times the training rows): 13 s for 25,000 rows against 25,000 training rows of 50
 * features. When there are more than {@code max_train_rows} training rows (default 25,000, the largest
 * training set of the ADBench protocol, so that its published figures are reproduced; beyond about
 * 50,000 rows a fit takes minutes), the SVM is trained on that many rows drawn without replacement
 * with {@code seed}; the model records it ({@link OneClassSvmModel#fittedRows()}, {@link OneClassSvmModel#subsampled()}) and a warning is
 * logged through {@code java.util.logging}. All training rows are still scored for the model's
 * training scores. Deterministic for a given seed.
 *
 * <p>Reference: B. Schölkopf, J. C. Platt, J. Shawe-Taylor, A. J. Smola, R. C. Williamson,
 * "Estimating the Support of a High-Dimensional Distribution", Neural Computation 13(7), 2001,
 * doi:10.1162/089976601750264965; C.-C. Chang, C.-J. Lin, "LIBSVM: A library for support vector
 * machines", ACM TIST 2(3), 2011, doi:10.1145/1961189.1961199.
 *
 * @param nu           upper bound on the share of training rows outside the region, in (0, 1]
 * @param gamma        the RBF kernel coefficient, or 0 for {@code 1 / features}
 * @param tol          the solver's stopping tolerance
 * @param maxTrainRows the most rows the SVM is trained on; larger training sets are subsampled
 * @param cacheMb      the solver's kernel-row cache in megabytes, as LIBSVM's {@code cache_size} (speed only)
 * @param seed         the seed of the subsample
 */
public record OneClassSvm(double nu, double gamma, double tol, int maxTrainRows, int cacheMb, long seed)
        implements Detector<OneClassSvmModel> {
    /** The default cap on training rows: the largest ADBench training set; see the class comment for costs. */
    public static final int DEFAULT_MAX_TRAIN_ROWS = 25_000;

    private static final Logger LOG = Logger.getLogger(OneClassSvm.class.getName());

    /** {@code nu}: PyOD's default 0.5. */
    public static final Parameter<OneClassSvm, Double> NU = Parameter.of("nu", ParameterType.REAL, 0.5,
            Constraint.openClosed(0, 1), "upper bound on the share of outlying training rows", OneClassSvm::nu);
    /** {@code gamma}: PyOD's default, 1/features. */
    public static final Parameter<OneClassSvm, Double> GAMMA = Parameter.of("gamma", ParameterType.REAL, 0.0,
            Constraint.atLeast(0.0).note("0 = 1/features"), "RBF kernel coefficient", OneClassSvm::gamma);
    /** {@code tol}: LIBSVM's and PyOD's default 1e-3. */
    public static final Parameter<OneClassSvm, Double> TOL = Parameter.of("tol", ParameterType.REAL, 1e-3,
            Constraint.positive(), "solver stopping tolerance", OneClassSvm::tol);
    /** {@code max_train_rows}: dtad's cap. */
    public static final Parameter<OneClassSvm, Integer> MAX_TRAIN_ROWS = Parameter.of("max_train_rows",
            ParameterType.INTEGER, DEFAULT_MAX_TRAIN_ROWS, Constraint.atLeast(2),
            "larger training sets are subsampled to this many rows", OneClassSvm::maxTrainRows);
    /** {@code cache_mb}: PyOD's default 200. */
    public static final Parameter<OneClassSvm, Integer> CACHE_MB = Parameter.of("cache_mb", ParameterType.INTEGER, 200,
            Constraint.atLeast(1), "kernel-row cache in megabytes (speed only)", OneClassSvm::cacheMb);
    /** {@code seed}: the standard seed, of the training subsample. */
    public static final Parameter<OneClassSvm, Long> SEED = StandardParameters.SEED.bind(0L,
            "seed of the training subsample", OneClassSvm::seed);

    public static final Method<OneClassSvm> METHOD = new Method<>("OCSVM", Family.CLASSICAL,
            "one-class support vector machine with an RBF kernel (LIBSVM's SMO on dense rows)",
            "Schölkopf et al., Estimating the Support of a High-Dimensional Distribution, Neural Computation 2001, "
                    + "doi:10.1162/089976601750264965",
            ParameterTable.<OneClassSvm>builder().add(NU).add(GAMMA).add(TOL).add(MAX_TRAIN_ROWS).add(CACHE_MB).add(SEED)
                    .build(v -> new OneClassSvm(v.get(NU), v.get(GAMMA), v.get(TOL), v.get(MAX_TRAIN_ROWS),
                            v.get(CACHE_MB), v.get(SEED))),
            OneClassSvmModel::load);

    public OneClassSvm {
        NU.require(nu);
        GAMMA.require(gamma);
        TOL.require(tol);
        MAX_TRAIN_ROWS.require(maxTrainRows);
        CACHE_MB.require(cacheMb);
    }

    /** The declared defaults: PyOD's, with dtad's training-row cap and seed 0. */
    public OneClassSvm() {
        this(NU.defaultValue(), GAMMA.defaultValue(), TOL.defaultValue(), MAX_TRAIN_ROWS.defaultValue(),
                CACHE_MB.defaultValue(), SEED.defaultValue());
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    /** The kernel coefficient used for {@code features} features. */
    public double effectiveGamma(int features) {
        return gamma > 0 ? gamma : 1.0 / features;
    }

    @Override
    public OneClassSvmModel fit(Matrix train, Progress progress) {
        TrainingData data = TrainingData.of(train);
        Matrix z = data.standardized();
        Matrix fitted = z;
        if (z.rows() > maxTrainRows) {
            LOG.warning("OCSVM: training on a random subsample of " + maxTrainRows + " of the " + z.rows()
                    + " training rows (max_train_rows)");
            fitted = z.selectRows(subsample(z.rows(), maxTrainRows, seed));
        }
        double g = effectiveGamma(z.columns());
        OneClassSvmSolver.Solution solution = OneClassSvmSolver.solve(fitted, nu, g, tol, cacheMb, true);
        Matrix supportVectors = fitted.selectRows(solution.supportIndices());
        return OneClassSvmModel.create(this, data.info(), supportVectors, solution.coefficients(), solution.rho(),
                fitted.rows(), z);
    }

    /** {@code k} of {@code n} row indices drawn without replacement, in ascending order. */
    static int[] subsample(int n, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, k);
        Arrays.sort(chosen);
        return chosen;
    }
}
