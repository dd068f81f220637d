package dtad.classical;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.TrainingInfo;
import java.io.IOException;

/**
 * A fitted {@link PCA}: the scoring component vectors (unit rows, {@code components x features}) and
 * their explained-variance ratios. Payloads: {@code components} and {@code ratios}.
 */
public final class PCAModel extends DetectorModel {
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
                    int p = c * d;
                    double squares = 0;
                    for (int j = 0; j < d; j++) {
                        double diff = rows[o + j] - v[p + j];
                        squares += diff * diff;
                    }
                    sum += Math.sqrt(squares) / divisors[c];
                }
                scores[r] = sum;
            }
        });
        return scores;
    }
}
