package dtad.classical;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.Explainable;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.TrainingInfo;
import java.io.IOException;

/**
 * A fitted {@link PCA}: the scoring component vectors (unit rows, {@code components x features}) and
 * their explained-variance ratios. Payloads: {@code components} and {@code ratios}.
 *
 * <p>Explanation ({@link Explainable}): the score {@code sum_k ||x - v_k|| / w_k} splits exactly over the
 * features, each component's distance in proportion to the squared residual of each feature,
 * {@code ||x - v_k|| = sum_j (x_j - v_kj)^2 / ||x - v_k||}; so feature {@code j}'s contribution is its
 * weighted squared residual {@code sum_k (x_j - v_kj)^2 / (||x - v_k|| w_k)}, non-negative, and a row's
 * contributions sum to its score. The low-variance components weigh most, so a feature that breaks the
 * training rows' correlations, or is far from its mean, contributes most.
 */
public final class PCAModel extends DetectorModel implements Explainable {
    /** The least explained-variance ratio a component is divided by; see {@link PCA}. */
    public static final double MIN_RATIO = 1e-12;

    private final PCA detector;
    private final Matrix components;
    private final double[] ratios;
    /** What each distance is divided by: the floored ratio, or 1 when unweighted. */
    private final double[] divisors;

    private PCAModel(PCA detector, TrainingInfo info, double[] trainingScores, Matrix components, double[] ratios) {
        super(info, trainingScores);
        this.detector = detector;
        this.components = components;
        this.ratios = ratios.clone();
        this.divisors = divisors(detector, ratios);
    }

    static PCAModel create(PCA detector, TrainingInfo info, Matrix components, double[] ratios, Matrix standardized) {
        double[] scores = score(components, divisors(detector, ratios), standardized);
        return new PCAModel(detector, info, scores, components, ratios);
    }

    static PCAModel load(PCA detector, TrainingInfo info, double[] trainingScores, PayloadReader payloads)
            throws IOException {
        Matrix components = payloads.matrix("components");
        double[] ratios = payloads.doubles("ratios");
        if (components.columns() != info.features() || components.rows() != ratios.length || ratios.length == 0) {
            throw new IllegalArgumentException(components.rows() + " x " + components.columns() + " components with "
                    + ratios.length + " ratios for " + info.features() + " features");
        }
        for (double r : ratios) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("invalid explained-variance ratio " + r);
            }
        }
        return new PCAModel(detector, info, trainingScores, components, ratios);
    }

    @Override
    public PCA detector() {
        return detector;
    }

    /** The explained-variance ratios of the scoring components, largest first (a copy). */
    public double[] ratios() {
        return ratios.clone();
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        return score(components, divisors, standardized);
    }

    @Override
    public void writePayloads(PayloadWriter out) throws IOException {
        out.matrix("components", components);
        out.doubles("ratios", ratios);
    }

    @Override
    public double[][] contributions(Matrix rows) {
        return explainStandardized(rows, this::contributionsOf);
    }

    @Override
    public String contributionMeaning() {
        return "Each feature's squared residual from every component vector, weighted by the inverse "
                + "explained variance of the component and divided by the row's distance to it: the share of the "
                + "weighted distances due to that feature; the contributions sum to the score.";
    }

    private double[][] contributionsOf(Matrix x) {
        int d = x.columns();
        int k = components.rows();
        double[] v = components.values();
        double[] rows = x.values();
        double[][] out = new double[x.rows()][d];
        RowBlocks.run(out.length, 5L * k * d, (from, to) -> {
            for (int r = from; r < to; r++) {
                int o = r * d;
                for (int c = 0; c < k; c++) {
                    int p = c * d;
                    double squares = squaredDistance(rows, o, v, p, d);
                    if (squares == 0) {
                        continue; // the row is the component's point: no distance to share out
                    }
                    double weight = 1 / (Math.sqrt(squares) * divisors[c]);
                    for (int j = 0; j < d; j++) {
                        double diff = rows[o + j] - v[p + j];
                        out[r][j] += diff * diff * weight;
                    }
                }
            }
        });
        return out;
    }

    /** {@code ||rows[from..from+d) - v[at..at+d)||^2}, summed in column order (scipy's {@code cdist}). */
    private static double squaredDistance(double[] rows, int from, double[] v, int at, int d) {
        double squares = 0;
        for (int j = 0; j < d; j++) {
            double diff = rows[from + j] - v[at + j];
            squares += diff * diff;
        }
        return squares;
    }

    private static double[] divisors(PCA detector, double[] ratios) {
        double[] out = new double[ratios.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = detector.weighted() ? Math.max(ratios[k], MIN_RATIO) : 1;
        }
        return out;
    }

    /** {@code sum_k ||x - v_k|| / divisor_k}, the distance computed directly as scipy's {@code cdist}. */
    private static double[] score(Matrix components, double[] divisors, Matrix x) {
        int d = x.columns();
        int k = components.rows();
        double[] v = components.values();
        double[] rows = x.values();
        double[] scores = new double[x.rows()];
        RowBlocks.run(x.rows(), 3L * k * d, (from, to) -> {
            for (int r = from; r < to; r++) {
                int o = r * d;
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += Math.sqrt(squaredDistance(rows, o, v, c * d, d)) / divisors[c];
                }
                scores[r] = sum;
            }
        });
        return scores;
    }
}
