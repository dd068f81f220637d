package dtad.classical;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.TrainingInfo;
import dtad.model.PayloadReader;
import dtad.model.PayloadWriter;
import java.io.IOException;

/**
 * A fitted {@link OneClassSvm}: the support vectors (standardized rows), their dual coefficients and
 * the offset {@code rho}; a row's score is {@code rho - sum_i alpha_i exp(-gamma ||sv_i - x||^2)},
 * computed in blocks of rows, on several threads for big batches. Payloads: {@code support_vectors},
 * {@code dual_coef}, {@code rho} and {@code fitted_rows} (how many rows the SVM was trained on).
 */
public final class OneClassSvmModel extends DetectorModel {
    private static final int BLOCK = 32;

    private final OneClassSvm detector;
    private final Matrix supportVectors;
    private final double[] coefficients;
    private final double rho;
    private final double gamma;
    private final int fittedRows;

    private OneClassSvmModel(OneClassSvm detector, TrainingInfo info, double[] trainingScores, Matrix supportVectors,
                             double[] coefficients, double rho, int fittedRows) {
        super(info, trainingScores);
        this.detector = detector;
        this.supportVectors = supportVectors;
        this.coefficients = coefficients.clone();
        this.rho = rho;
        this.gamma = detector.effectiveGamma(info.features());
        this.fittedRows = fittedRows;
    }

    static OneClassSvmModel create(OneClassSvm detector, TrainingInfo info, Matrix supportVectors,
                                   double[] coefficients, double rho, int fittedRows, Matrix standardized) {
        double[] scores = score(supportVectors, coefficients, rho, detector.effectiveGamma(info.features()),
                standardized);
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
        return score(supportVectors, coefficients, rho, gamma, standardized);
    }

    @Override
    public void writePayloads(PayloadWriter out) throws IOException {
        out.matrix("support_vectors", supportVectors);
        out.doubles("dual_coef", coefficients);
        out.doubles("rho", new double[] {rho});
        out.ints("fitted_rows", new int[] {fittedRows});
    }

    /**
     * {@code rho - sum_i alpha_i exp(-gamma ||sv_i - x||^2)}: for each block of rows, every support
     * vector is read once and compared with each row of the block, which stays in cache.
     */
    private static double[] score(Matrix supportVectors, double[] coefficients, double rho, double gamma, Matrix x) {
        int d = x.columns();
        int m = supportVectors.rows();
        double[] sv = supportVectors.values();
        double[] v = x.values();
        double[] scores = new double[x.rows()];
        RowBlocks.run(x.rows(), 4L * m * d, (from, to) -> {
            double[] sums = new double[BLOCK];
            for (int start = from; start < to; start += BLOCK) {
                int end = Math.min(to, start + BLOCK);
                java.util.Arrays.fill(sums, 0);
                for (int s = 0; s < m; s++) {
                    int p = s * d;
                    double alpha = coefficients[s];
                    for (int r = start; r < end; r++) {
                        int o = r * d;
                        double squares = 0;
                        for (int j = 0; j < d; j++) {
                            double diff = v[o + j] - sv[p + j];
                            squares += diff * diff;
                        }
                        sums[r - start] += alpha * Math.exp(-gamma * squares);
                    }
                }
                for (int r = start; r < end; r++) {
                    scores[r] = rho - sums[r - start];
                }
            }
        });
        return scores;
    }
}
