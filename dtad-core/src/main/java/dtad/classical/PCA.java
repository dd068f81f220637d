package dtad.classical;

import dtad.InputException;
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
 * PCA outlier detection as PyOD's {@code PCA} computes it with its defaults (standardize, all
 * components, {@code weighted=True}).
 *
 * <p>Fitting: the standardized training rows are centred and the eigenvectors {@code v_k} of their
 * covariance found (scikit-learn's {@code PCA}, {@code n_components = min(n, d)}), each with the sign
 * scikit-learn's {@code svd_flip} gives it (up to version 1.4: the training row with the largest
 * absolute projection on {@code v_k} projects positively); its weight is its explained-variance ratio
 * {@code w_k = lambda_k / sum(lambda)}.
 *
 * <p>Scoring, verified against PyOD's {@code decision_function},
 * {@code np.sum(cdist(X, selected_components_) / selected_w_components_, axis=1)}: {@code cdist}
 * measures the Euclidean distance from the (standardized, uncentred) row {@code x} to each unit
 * component vector {@code v_k} as a point, not the projection of {@code x} on it, so the score is
 * <pre>  score(x) = sum_k ||x - v_k|| / w_k = sum_k sqrt(||x||^2 - 2 x.v_k + 1) / w_k</pre>
 * over the {@code components} components of least variance (all by default). Components of small
 * variance dominate, and for them the score grows with the norm of {@code x} and falls with its
 * projection on {@code +v_k}. Scores are positive; higher is more anomalous. Deterministic.
 *
 * <p>A component of (numerically) zero variance, from a constant feature or fewer rows than
 * features, would divide by zero; its ratio is raised to {@value PCAModel#MIN_RATIO}, so it weighs
 * heavily but finitely (scikit-learn's SVD gives such components ratios around 1e-32 instead, equally
 * noise).
 *
 * <p>Reference: M.-L. Shyu, S.-C. Chen, K. Sarinnapakorn, L. Chang, "A Novel Anomaly Detection Scheme
 * Based on Principal Component Classifier", ICDM Foundation and New Direction of Data Mining Workshop,
 * 2003 (no DOI); the scoring above is PyOD's (Zhao et al., JMLR 20(96), 2019).
 *
 * @param components the number of least-variance components that score, or 0 for all
 * @param weighted   whether each distance is divided by the component's explained-variance ratio
 */
public record PCA(int components, boolean weighted) implements Detector<PCAModel> {
    /** {@code components}: how many least-variance components score (PyOD's default: all). */
    public static final Parameter<PCA, Integer> COMPONENTS = Parameter.of("components", ParameterType.INTEGER, 0,
            Constraint.atLeast(0).note("0 = all"), "number of least-variance components that score", PCA::components);
    /** {@code weighted}: divide by the explained-variance ratio (PyOD's default: true). */
    public static final Parameter<PCA, Boolean> WEIGHTED = Parameter.of("weighted", ParameterType.BOOLEAN, true,
            Constraint.none(), "divide each distance by the component's explained-variance ratio", PCA::weighted);

    public static final Method<PCA> METHOD = new Method<>("PCA", Family.CLASSICAL,
            "principal component analysis: distances to the component vectors weighted by inverse explained variance",
            "Shyu et al., A Novel Anomaly Detection Scheme Based on Principal Component Classifier, ICDM workshop 2003; "
                    + "scoring as PyOD (Zhao et al., JMLR 20(96), 2019)",
            ParameterTable.<PCA>builder().add(COMPONENTS).add(WEIGHTED)
                    .build(v -> new PCA(v.get(COMPONENTS), v.get(WEIGHTED))),
            PCAModel::load);

    public PCA {
        COMPONENTS.require(components);
    }

    /** The declared defaults (PyOD's): all components, weighted. */
    public PCA() {
        this(COMPONENTS.defaultValue(), WEIGHTED.defaultValue());
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    @Override
    public PCAModel fit(Matrix train, Progress progress) {
        TrainingData data = TrainingData.of(train);
        Matrix z = data.standardized();
        int n = z.rows();
        int d = z.columns();
        int available = Math.min(n, d);
        if (components > available) {
            throw new InputException("PCA: components = " + components + " exceeds the " + available
                    + " components of " + n + " rows x " + d + " features");
        }
        double[] centred = centred(z);
        int selected = components == 0 ? available : components;
        Components pcs = leastVariance(centred, n, d, selected, n < d);
        return PCAModel.create(this, data.info(), Matrix.wrap(selected, d, pcs.vectors()), pcs.ratios(), z);
    }

    /** The {@code selected} least-variance unit components (rows, largest variance first) and their ratios. */
    record Components(double[] vectors, double[] ratios) {
    }

    /**
     * The last {@code selected} of the {@code min(n, d)} principal components of the centred rows, in
     * descending order of variance, each with scikit-learn's sign. With fewer rows than features
     * ({@code gram}) they come from the {@code n x n} Gram matrix {@code X X^T / (n - 1)}, which has the
     * same non-zero eigenvalues as the {@code d x d} covariance, its eigenvector {@code u} giving the
     * component {@code X^T u / ||X^T u||}: {@code O(n^2 d)} instead of {@code O(d^3)}. A component of zero
     * variance has no direction in the data (either way it is an arbitrary unit vector orthogonal to the
     * others); the Gram path takes the first standard basis vector that is far from the others'
     * span, orthogonalised against them.
     */
    static Components leastVariance(double[] centred, int n, int d, int selected, boolean gram) {
        int available = Math.min(n, d);
        int size = gram ? n : d;
        double[] matrix = gram ? gram(centred, n, d) : covariance(centred, n, d);
        double total = 0;
        for (int j = 0; j < size; j++) {
            total += matrix[j * size + j]; // the trace: the total variance, the same for both matrices
        }
        SymmetricEigen eigen = SymmetricEigen.of(matrix, size);
        double[] lambda = eigen.values();
        double largest = Math.max(lambda[size - 1], 0);
        // scikit-learn keeps min(n, d) components, largest first; PyOD scores with the last `selected`.
        double[][] all = new double[available][];
        double[] ratios = new double[selected];
        for (int rank = 0; rank < available; rank++) {
            int index = size - 1 - rank; // position in ascending order
            if (!gram) {
                all[rank] = eigen.vector(index);
            } else if (lambda[index] > 1e-12 * largest) {
                all[rank] = unit(transposedTimes(centred, n, d, eigen.vector(index)));
            } // else: filled in below, once every direction of the data is known
            int s = rank - (available - selected);
            if (s >= 0) {
                ratios[s] = total > 0 ? Math.max(lambda[index], 0) / total : 0;
            }
        }
        fillWithBasisVectors(all, d);
        double[] vectors = new double[selected * d];
        for (int s = 0; s < selected; s++) {
            double[] v = all[available - selected + s];
            if (signOfLargestProjection(centred, n, d, v) < 0) {
                for (int j = 0; j < d; j++) {
                    v[j] = -v[j];
                }
            }
            System.arraycopy(v, 0, vectors, s * d, d);
        }
        return new Components(vectors, ratios);
    }

    /** {@code X X^T / (n - 1)} of centred rows (row-major, {@code n x n}). */
    private static double[] gram(double[] x, int n, int d) {
        double[] g = new double[n * n];
        double divisor = Math.max(1, n - 1);
        RowBlocks.run(n, (long) n * d / 2, (from, to) -> {
            for (int a = from; a < to; a++) {
                for (int b = a; b < n; b++) {
                    double sum = 0;
                    for (int j = 0, oa = a * d, ob = b * d; j < d; j++) {
                        sum += x[oa + j] * x[ob + j];
                    }
                    g[a * n + b] = sum / divisor;
                }
            }
        });
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                g[a * n + b] = g[b * n + a];
            }
        }
        return g;
    }

    /** {@code X^T u}: a combination of the rows. */
    private static double[] transposedTimes(double[] x, int n, int d, double[] u) {
        double[] out = new double[d];
        for (int r = 0; r < n; r++) {
            for (int j = 0, o = r * d; j < d; j++) {
                out[j] += u[r] * x[o + j];
            }
        }
        return out;
    }

    private static double[] unit(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;
        }
        return v;
    }

    /**
     * Fills each missing component (one of zero variance) with the first standard basis vector that has a
     * large part outside the span of the components known so far, made orthogonal to them. One pass over
     * the basis for all of them: a basis vector once rejected stays rejected, as the span only grows (a
     * bootstrap training set of fewer rows than features leaves hundreds of such components).
     */
    private static void fillWithBasisVectors(double[][] all, int d) {
        int e = 0;
        for (int rank = 0; rank < all.length; rank++) {
            while (all[rank] == null) {
                if (e == d) {
                    throw new IllegalStateException("No direction left outside " + rank + " components in " + d
                            + " dimensions");
                }
                all[rank] = partOutsideSpan(all, e++, d);
            }
        }
    }

    /** Basis vector {@code e} minus its projection on the known vectors, as a unit vector; null if little is left. */
    private static double[] partOutsideSpan(double[][] known, int e, int d) {
        double[] v = new double[d];
        v[e] = 1;
        for (double[] k : known) {
            if (k != null) {
                double dot = k[e]; // k . e_e, then re-orthogonalised below
                for (int j = 0; j < d; j++) {
                    v[j] -= dot * k[j];
                }
            }
        }
        for (double[] k : known) { // a second pass for numerical orthogonality
            if (k != null) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += v[j] * k[j];
                }
                for (int j = 0; j < d; j++) {
                    v[j] -= dot * k[j];
                }
            }
        }
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        return norm > 0.25 ? unit(v) : null;
    }

    private static double[] centred(Matrix z) {
        int n = z.rows();
        int d = z.columns();
        double[] v = z.values();
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[r * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] out = new double[v.length];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                out[r * d + j] = v[r * d + j] - mean[j];
            }
        }
        return out;
    }

    /** {@code X^T X / (n - 1)} of centred rows, the upper triangle computed in parallel by rows of the result. */
    private static double[] covariance(double[] x, int n, int d) {
        double[] c = new double[d * d];
        double divisor = Math.max(1, n - 1);
        // Transposed copy: column j of x becomes a contiguous array.
        double[][] columns = new double[d][n];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                columns[j][r] = x[r * d + j];
            }
        }
        RowBlocks.run(d, (long) n * d / 2, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] a = columns[i];
                for (int j = i; j < d; j++) {
                    double[] b = columns[j];
                    double sum = 0;
                    for (int r = 0; r < n; r++) {
                        sum += a[r] * b[r];
                    }
                    c[i * d + j] = sum / divisor;
                }
            }
        });
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                c[i * d + j] = c[j * d + i];
            }
        }
        return c;
    }

    /**
     * The sign of the projection of largest magnitude among the training rows (the first such row on a
     * tie), as scikit-learn's {@code svd_flip} on {@code U} decides it.
     */
    private static int signOfLargestProjection(double[] x, int n, int d, double[] v) {
        double largest = -1;
        double chosen = 0;
        for (int r = 0; r < n; r++) {
            double p = 0;
            for (int j = 0; j < d; j++) {
                p += x[r * d + j] * v[j];
            }
            if (Math.abs(p) > largest) {
                largest = Math.abs(p);
                chosen = p;
            }
        }
        return chosen < 0 ? -1 : 1;
    }
}
