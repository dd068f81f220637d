package dtad.classical;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.TrainingInfo;
import java.io.IOException;

/**
 * A fitted {@link OneClassSvm}: the support vectors (standardized rows), their dual coefficients and
 * the offset {@code rho}; a row's score is {@code rho - sum_i alpha_i exp(-gamma ||sv_i - x||^2)},
 * computed two rows at a time against the packed support vectors, on several threads for big batches. Payloads: {@code support_vectors},
 * {@code dual_coef}, {@code rho} and {@code fitted_rows} (how many rows the SVM was trained on).
 */
public final class OneClassSvmModel extends DetectorModel {
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

    private static double squaredNorm(double[] v) {
        double sum = 0;
        for (double value : v) {
            sum += value * value;
        }
        return sum;
    }
}
