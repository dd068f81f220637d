package dtad.classical;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.Explainable;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.TrainingInfo;
import java.io.IOException;
import java.util.Arrays;

/**
 * A fitted {@link OneClassSvm}: the support vectors (standardized rows), their dual coefficients and
 * the offset {@code rho}; a row's score is {@code rho - sum_i alpha_i exp(-gamma ||sv_i - x||^2)},
 * computed two rows at a time against the packed support vectors, on several threads for big batches. Payloads: {@code support_vectors},
 * {@code dual_coef}, {@code rho} and {@code fitted_rows} (how many rows the SVM was trained on).
 *
 * <p>Explanation ({@link Explainable}): integrated gradients of the score from the training mean (the origin
 * of the standardized space) along the straight path to the row, computed in closed form for the RBF
 * kernel: {@code IG_j(x) = x_j int_0^1 ds/dx_j(t x) dt}, and for each support vector
 * {@code int_0^1 (t x_j - sv_j) K(t x, sv) dt} is a Gaussian integral (the part along {@code x} integrates to
 * {@code (K(0, sv) - K(x, sv)) / (2 gamma)}, the part across it is a difference of error functions,
 * {@link ErrorFunction}). Signed; by the completeness of integrated gradients a row's contributions sum to
 * {@code score(x) - score(training mean)}, exactly up to rounding.
 */
public final class OneClassSvmModel extends DetectorModel implements Explainable {
    /** Rows scored together against each slice of support vectors. */
    private static final int BLOCK_ROWS = 64;
    /** The bytes of packed support vectors per slice: well inside a core's L2 cache. */
    private static final int SLICE_BYTES = 192 * 1024;
    private final OneClassSvm detector;
    private final Matrix supportVectors;
    private final PackedRows packed;
    private final double[] coefficients;
    private final double rho;
    private final double gamma;
    private final int fittedRows;

    private OneClassSvmModel(OneClassSvm detector, TrainingInfo info, double[] trainingScores, Matrix supportVectors,
                             double[] coefficients, double rho, int fittedRows) {
        super(info, trainingScores);
        this.detector = detector;
        this.supportVectors = supportVectors;
        this.packed = new PackedRows(supportVectors);
        this.coefficients = coefficients.clone();
        this.rho = rho;
        this.gamma = detector.effectiveGamma(info.features());
        this.fittedRows = fittedRows;
    }

    static OneClassSvmModel create(OneClassSvm detector, TrainingInfo info, Matrix supportVectors,
                                   double[] coefficients, double rho, int fittedRows, Matrix standardized) {
        double[] scores = score(new PackedRows(supportVectors), coefficients, rho,
                detector.effectiveGamma(info.features()), standardized);
        return new OneClassSvmModel(detector, info, scores, supportVectors, coefficients, rho, fittedRows);
    }

    static OneClassSvmModel load(OneClassSvm detector, TrainingInfo info, double[] trainingScores,
                                 PayloadReader payloads) throws IOException {
        Matrix supportVectors = payloads.matrix("support_vectors");
        double[] coefficients = payloads.doubles("dual_coef");
        double[] rho = payloads.doubles("rho");
        int[] fitted = payloads.ints("fitted_rows");
        if (supportVectors.columns() != info.features() || supportVectors.rows() != coefficients.length
                || rho.length != 1 || fitted.length != 1 || !Double.isFinite(rho[0])) {
            throw new IllegalArgumentException(supportVectors.rows() + " x " + supportVectors.columns()
                    + " support vectors with " + coefficients.length + " coefficients and " + rho.length
                    + " rho values for " + info.features() + " features");
        }
        return new OneClassSvmModel(detector, info, trainingScores, supportVectors, coefficients, rho[0], fitted[0]);
    }

    @Override
    public OneClassSvm detector() {
        return detector;
    }

    /** How many training rows the SVM was trained on: fewer than the training rows when subsampled. */
    public int fittedRows() {
        return fittedRows;
    }

    /** Whether the training rows were subsampled to {@code max_train_rows}. */
    public boolean subsampled() {
        return fittedRows < trainingInfo().rows();
    }

    public int supportVectorCount() {
        return supportVectors.rows();
    }

    public double rho() {
        return rho;
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        return score(packed, coefficients, rho, gamma, standardized);
    }

    @Override
    public void writePayloads(PayloadWriter out) throws IOException {
        out.matrix("support_vectors", supportVectors);
        out.doubles("dual_coef", coefficients);
        out.doubles("rho", new double[] {rho});
        out.ints("fitted_rows", new int[] {fittedRows});
    }

    /**
     * {@code rho - sum_i alpha_i exp(-gamma (|x|^2 + |sv_i|^2 - 2 x.sv_i))}, in blocks of rows: each
     * slice of the packed support vectors ({@link PackedRows}) that fits in the core's cache is read from
     * memory once for the whole block, and once for every two rows from the cache. Every row's sum runs
     * over the support vectors in their order whatever its block or partner row, so a row's score does
     * not depend on the batch.
     */
    private static double[] score(PackedRows packed, double[] coefficients, double rho, double gamma, Matrix x) {
        int d = x.columns();
        int m = packed.rows();
        int groups = packed.groups();
        int groupsPerSlice = Math.max(1, SLICE_BYTES / (PackedRows.WIDTH * Double.BYTES * Math.max(1, d)));
        double[] v = x.values();
        double[] scores = new double[x.rows()];
        RowBlocks.run(x.rows(), 4L * m * d, (from, to) -> {
            double[][] block = new double[BLOCK_ROWS][d];
            double[] norms = new double[BLOCK_ROWS];
            double[] sums = new double[BLOCK_ROWS];
            double[] dots = new double[2 * PackedRows.WIDTH];
            for (int start = from; start < to; start += BLOCK_ROWS) {
                int size = Math.min(BLOCK_ROWS, to - start);
                for (int r = 0; r < size; r++) {
                    System.arraycopy(v, (start + r) * d, block[r], 0, d);
                    norms[r] = squaredNorm(block[r]);
                    sums[r] = 0;
                }
                for (int slice = 0; slice < groups; slice += groupsPerSlice) {
                    int sliceEnd = Math.min(groups, slice + groupsPerSlice);
                    for (int r = 0; r < size; r += 2) {
                        boolean pair = r + 1 < size;
                        for (int g = slice; g < sliceEnd; g++) {
                            if (pair) {
                                packed.dots(block[r], block[r + 1], g, dots);
                            } else {
                                packed.dots(block[r], g, dots);
                            }
                            int first = g * PackedRows.WIDTH;
                            int count = Math.min(PackedRows.WIDTH, m - first);
                            for (int c = 0; c < count; c++) {
                                double norm = packed.squaredNorm(first + c);
                                double alpha = coefficients[first + c];
                                sums[r] += alpha * Math.exp(-gamma * (norms[r] + norm - 2 * dots[c]));
                                if (pair) {
                                    sums[r + 1] += alpha
                                            * Math.exp(-gamma * (norms[r + 1] + norm - 2 * dots[PackedRows.WIDTH + c]));
                                }
                            }
                        }
                    }
                }
                for (int r = 0; r < size; r++) {
                    scores[start + r] = rho - sums[r];
                }
            }
        });
        return scores;
    }

    @Override
    public double[][] contributions(Matrix rows) {
        return explainStandardized(rows, this::integratedGradients);
    }

    @Override
    public String contributionMeaning() {
        return "Each feature's integrated gradient of the score along the straight path from the training mean "
                + "to the row (exact for the RBF kernel); the contributions sum to the row's score minus the score "
                + "of the training mean.";
    }

    /**
     * For a row {@code x} with {@code c = |x|^2} and each support vector {@code sv} with {@code p = x.sv}:
     * {@code IG_j = (x_j^2 / c) A + 2 gamma x_j (x_j B - W_j)} with {@code A = sum_i alpha_i (K(0, sv_i) -
     * K(x, sv_i))}, {@code B = sum_i alpha_i G_i p_i / c}, {@code W_j = sum_i alpha_i G_i sv_ij} and
     * {@code G_i = int_0^1 K(t x, sv_i) dt}; the {@code G} terms sum to 0 over the features.
     */
    private double[][] integratedGradients(Matrix x) {
        int d = x.columns();
        int m = supportVectors.rows();
        double[] atMean = new double[m];
        for (int i = 0; i < m; i++) {
            atMean[i] = Math.exp(-gamma * packed.squaredNorm(i));
        }
        double[][] out = new double[x.rows()][d];
        // Rows are independent: blocks of them run in parallel as scoring does, each row computed alike.
        RowBlocks.run(out.length, 8L * m * d, (from, to) -> {
            double[] w = new double[d];
            for (int r = from; r < to; r++) {
                integratedGradient(x.row(r), atMean, w, out[r]);
            }
        });
        return out;
    }

    /** One row's integrated gradients into {@code out}; {@code w} is scratch space of one value per feature. */
    private void integratedGradient(double[] row, double[] atMean, double[] w, double[] out) {
        int d = row.length;
        int m = supportVectors.rows();
        double[] sv = supportVectors.values();
        double c = squaredNorm(row);
        if (c == 0) {
            return; // the row is the training mean: nothing changed along an empty path
        }
        double lambda = Math.sqrt(gamma * c);
        double a = 0;
        double b = 0;
        Arrays.fill(w, 0);
        for (int i = 0; i < m; i++) {
            int o = i * d;
            double p = 0;
            for (int j = 0; j < d; j++) {
                p += row[j] * sv[o + j];
            }
            double svNorm = packed.squaredNorm(i);
            double atRow = Math.exp(-gamma * Math.max(0, c + svNorm - 2 * p));
            double g = pathIntegral(atMean[i], atRow, p / c, lambda, Math.max(0, svNorm - p * p / c));
            double alpha = coefficients[i];
            a += alpha * (atMean[i] - atRow);
            b += alpha * g * p / c;
            for (int j = 0; j < d; j++) {
                w[j] += alpha * g * sv[o + j];
            }
        }
        for (int j = 0; j < d; j++) {
            out[j] = row[j] * row[j] / c * a + 2 * gamma * row[j] * (row[j] * b - w[j]);
        }
    }

    /**
     * {@code int_0^1 exp(-gamma |t x - sv|^2) dt}, with {@code |t x - sv|^2 = c (t - t0)^2 + perp}: with
     * {@code s = lambda (t - t0)}, {@code lambda = sqrt(gamma c)}, it is {@code exp(-gamma perp) / lambda}
     * times the integral of {@code exp(-s^2)} from {@code s0 = -lambda t0} to {@code s1 = lambda (1 - t0)},
     * written with {@code erfcx} so that nothing underflows to 0 / 0: {@code exp(-gamma perp - s0^2)} is
     * the kernel at the mean and {@code exp(-gamma perp - s1^2)} the kernel at the row.
     */
    private double pathIntegral(double atMean, double atRow, double t0, double lambda, double perp) {
        double s0 = -lambda * t0;
        double s1 = lambda * (1 - t0);
        double half = Math.sqrt(Math.PI) / 2 / lambda;
        double integral;
        if (s0 >= 0) {
            integral = atMean * ErrorFunction.erfcx(s0) - atRow * ErrorFunction.erfcx(s1);
        } else if (s1 <= 0) {
            integral = atRow * ErrorFunction.erfcx(-s1) - atMean * ErrorFunction.erfcx(-s0);
        } else {
            integral = 2 * Math.exp(-gamma * perp) - atRow * ErrorFunction.erfcx(s1) - atMean * ErrorFunction.erfcx(-s0);
        }
        return half * Math.max(0, integral);
    }

    private static double squaredNorm(double[] v) {
        double sum = 0;
        for (double value : v) {
            sum += value * value;
        }
        return sum;
    }
}
