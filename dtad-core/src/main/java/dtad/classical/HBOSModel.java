package dtad.classical;

import dtad.metrics.EmpiricalCdf;
import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.Explainable;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.TrainingInfo;
import java.io.IOException;

/**
 * A fitted {@link HBOS}: per feature, the {@code bins + 1} bin edges and the {@code bins} densities
 * of the standardized training values. Payloads: {@code edges} ({@code features x (bins + 1)}) and
 * {@code densities} ({@code features x bins}).
 *
 * <p>Explanation ({@link Explainable}): a feature's contribution is its own term of the score,
 * {@code -log2(density_j(x_j) + alpha)}, the negative log histogram density of the row's value in that
 * feature (with the score's rules for values outside the training range); a row's contributions sum to its
 * score. A term can be negative where the density plus {@code alpha} exceeds 1.
 */
public final class HBOSModel extends DetectorModel implements Explainable {
    private final HBOS detector;
    private final Matrix edges;
    private final Matrix densities;
    /** {@code log2(density + alpha)} per feature and bin, and its minimum per feature. */
    private final double[] logDensities;
    private final double[] lowest;

    private HBOSModel(HBOS detector, TrainingInfo info, double[] trainingScores, Matrix edges, Matrix densities) {
        super(info, trainingScores);
        this.detector = detector;
        this.edges = edges;
        this.densities = densities;
        this.logDensities = logDensities(detector, densities);
        this.lowest = lowest(detector.bins(), logDensities);
    }

    static HBOSModel create(HBOS detector, TrainingInfo info, Matrix edges, Matrix densities, Matrix standardized) {
        double[] logs = logDensities(detector, densities);
        double[] scores = score(detector, edges.values(), logs, lowest(detector.bins(), logs), standardized);
        return new HBOSModel(detector, info, scores, edges, densities);
    }

    static HBOSModel load(HBOS detector, TrainingInfo info, double[] trainingScores, PayloadReader payloads)
            throws IOException {
        Matrix edges = payloads.matrix("edges");
        Matrix densities = payloads.matrix("densities");
        int d = info.features();
        int bins = detector.bins();
        if (edges.rows() != d || edges.columns() != bins + 1 || densities.rows() != d || densities.columns() != bins) {
            throw new IllegalArgumentException("histograms of the wrong shape: edges " + edges.rows() + " x "
                    + edges.columns() + ", densities " + densities.rows() + " x " + densities.columns() + " for " + d
                    + " features and " + bins + " bins");
        }
        for (double v : densities.values()) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("invalid histogram density " + v);
            }
        }
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < bins; i++) {
                if (!(edges.get(j, i) < edges.get(j, i + 1))) {
                    throw new IllegalArgumentException("bin edges of feature " + j + " are not increasing");
                }
            }
        }
        return new HBOSModel(detector, info, trainingScores, edges, densities);
    }

    @Override
    public HBOS detector() {
        return detector;
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        return score(detector, edges.values(), logDensities, lowest, standardized);
    }

    @Override
    public void writePayloads(PayloadWriter out) throws IOException {
        out.matrix("edges", edges);
        out.matrix("densities", densities);
    }

    private static double[] logDensities(HBOS detector, Matrix densities) {
        double[] d = densities.values();
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            // log2 as PyOD's np.log2.
            out[i] = Math.log(d[i] + detector.alpha()) / Math.log(2);
        }
        return out;
    }

    private static double[] lowest(int bins, double[] logDensities) {
        double[] out = new double[logDensities.length / bins];
        for (int j = 0; j < out.length; j++) {
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < bins; i++) {
                min = Math.min(min, logDensities[j * bins + i]);
            }
            out[j] = min;
        }
        return out;
    }

    @Override
    public double[][] contributions(Matrix rows) {
        return explainStandardized(rows, x -> {
            double[][] out = new double[x.rows()][x.columns()];
            forEachTerm(detector, edges.values(), logDensities, lowest, x, (r, j, term) -> out[r][j] = term);
            return out;
        });
    }

    @Override
    public String contributionMeaning() {
        return "Each feature's negative log2 histogram density (plus alpha) at the row's value: rarer values "
                + "contribute more; the contributions sum to the score.";
    }

    /** PyOD's {@code _calculate_outlier_scores}, summed over features and negated. */
    private static double[] score(HBOS detector, double[] edges, double[] logs, double[] lowest, Matrix x) {
        double[] scores = new double[x.rows()];
        forEachTerm(detector, edges, logs, lowest, x, (r, j, term) -> scores[r] += term);
        return scores;
    }

    /** Receives the term {@code -log2(density + alpha)} of row {@code r} and feature {@code j}. */
    @FunctionalInterface
    private interface TermSink {
        void accept(int r, int j, double term);
    }

    /** Hands every row's term of every feature to {@code sink}, feature by feature, rows in order. */
    private static void forEachTerm(HBOS detector, double[] edges, double[] logs, double[] lowest, Matrix x,
                                    TermSink sink) {
        int bins = detector.bins();
        int d = x.columns();
        double[] v = x.values();
        double[] columnEdges = new double[bins + 1];
        for (int j = 0; j < d; j++) {
            System.arraycopy(edges, j * (bins + 1), columnEdges, 0, bins + 1);
            double firstWidth = columnEdges[1] - columnEdges[0];
            double lastWidth = columnEdges[bins] - columnEdges[bins - 1];
            for (int r = 0; r < x.rows(); r++) {
                double value = v[r * d + j];
                // np.digitize(value, edges, right=True): the number of edges strictly below the value.
                int index = columnEdges.length - EmpiricalCdf.countAtLeast(columnEdges, value);
                double log;
                if (index == 0) {
                    log = columnEdges[0] - value <= firstWidth * detector.tol() ? logs[j * bins] : lowest[j];
                } else if (index == bins + 1) {
                    log = value - columnEdges[bins] <= lastWidth * detector.tol() ? logs[j * bins + bins - 1] : lowest[j];
                } else {
                    log = logs[j * bins + index - 1];
                }
                sink.accept(r, j, -log);
            }
        }
    }
}
