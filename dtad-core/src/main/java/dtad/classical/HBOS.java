package dtad.classical;

import dtad.metrics.EmpiricalCdf;
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
 * HBOS, the histogram-based outlier score: one histogram of {@code bins} equal-width bins per feature,
 * spanning that feature's training range, normalised to a density; a row's score is
 * {@code sum_j -log2(density_j(x_j) + alpha)}, as PyOD's {@code HBOS} with static bins.
 *
 * <p>PyOD's rules, reproduced exactly: bin edges are numpy's {@code histogram} edges
 * ({@code linspace(min, max, bins + 1)}, or {@code min - 0.5 .. max + 0.5} for a constant feature);
 * training values are counted into half-open bins {@code [e_i, e_{i+1})} (the last bin closed), but
 * scored values are placed with {@code digitize(..., right=True)}, i.e. into {@code (e_{i-1}, e_i]};
 * a value below the first edge (or equal to it) or above the last one that lies within
 * {@code tol} bin widths of the range takes the density of the outermost bin, and one farther out
 * takes the lowest density of the feature.
 *
 * <p>Which bin a value on an edge falls in matters (PyOD counts it to the right when building the
 * histogram and scores it to the left), and data on a lattice put many values on or next to edges,
 * where the rounding of the standard scaling decides. dtad scales inside every model, so on data
 * the caller already scaled (as the ADBench protocol does) it re-scales by a rounding error, which
 * can move such values across an edge: on ADBench's Cardiotocography the AUC differs from PyOD's
 * by 0.6 points for that reason alone (fed PyOD's exact input, the two agree to the last digit).
 *
 * <p>Scores lie in {@code [d * -log2(max density + alpha), d * -log2(alpha)]}; higher is more
 * anomalous. Deterministic.
 *
 * <p>Reference: M. Goldstein, A. Dengel, "Histogram-based Outlier Score (HBOS): A fast Unsupervised
 * Anomaly Detection Algorithm", KI-2012: Poster and Demo Track, pp. 59-63
 * (no DOI; https://www.goldiges.de/publications/HBOS-KI-2012.pdf).
 *
 * @param bins  the number of equal-width bins per feature, at least 2
 * @param alpha the regulariser added to every density before the logarithm, in (0, 1)
 * @param tol   how far outside the training range, in bin widths, a value still counts as in the
 *              outermost bin, in (0, 1)
 */
public record HBOS(int bins, double alpha, double tol) implements Detector<HBOSModel> {
    /** {@code bins}: equal-width bins per feature (PyOD's default 10). */
    public static final Parameter<HBOS, Integer> BINS = Parameter.of("bins", ParameterType.INTEGER, 10,
            Constraint.atLeast(2), "equal-width bins per feature", HBOS::bins);
    /** {@code alpha}: the regulariser of the densities (PyOD's default 0.1). */
    public static final Parameter<HBOS, Double> ALPHA = Parameter.of("alpha", ParameterType.REAL, 0.1,
            Constraint.open(0, 1), "regulariser added to each density", HBOS::alpha);
    /** {@code tol}: how far outside the training range the outermost bin reaches (PyOD's default 0.5). */
    public static final Parameter<HBOS, Double> TOL = Parameter.of("tol", ParameterType.REAL, 0.5,
            Constraint.open(0, 1), "bin widths outside the training range still scored as the outermost bin",
            HBOS::tol);

    public static final Method<HBOS> METHOD = new Method<>("HBOS", Family.CLASSICAL,
            "histogram-based outlier score: sum over features of the negative log histogram density",
            "Goldstein and Dengel, Histogram-based Outlier Score (HBOS), KI-2012 Poster and Demo Track, pp. 59-63",
            ParameterTable.<HBOS>builder().add(BINS).add(ALPHA).add(TOL)
                    .build(v -> new HBOS(v.get(BINS), v.get(ALPHA), v.get(TOL))),
            HBOSModel::load);

    public HBOS {
        BINS.require(bins);
        ALPHA.require(alpha);
        TOL.require(tol);
    }

    /** The declared defaults (PyOD's): 10 bins, alpha 0.1, tol 0.5. */
    public HBOS() {
        this(BINS.defaultValue(), ALPHA.defaultValue(), TOL.defaultValue());
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    @Override
    public HBOSModel fit(Matrix train, Progress progress) {
        TrainingData data = TrainingData.of(train);
        Matrix z = data.standardized();
        int d = z.columns();
        double[] edges = new double[d * (bins + 1)];
        double[] densities = new double[d * bins];
        for (int j = 0; j < d; j++) {
            histogram(z.column(j), edges, j * (bins + 1), densities, j * bins);
        }
        return HBOSModel.create(this, data.info(), Matrix.wrap(d, bins + 1, edges), Matrix.wrap(d, bins, densities), z);
    }

    /** numpy's {@code histogram(values, bins, density=True)}: edges and densities written at the offsets. */
    private void histogram(double[] values, double[] edges, int edgeOffset, double[] densities, int densityOffset) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        // numpy's linspace: i * step + start, with the last edge set to stop exactly.
        double[] e = new double[bins + 1];
        double delta = max - min;
        double step = delta / bins;
        for (int i = 0; i < bins; i++) {
            e[i] = step == 0 ? i / (double) bins * delta + min : i * step + min;
        }
        e[bins] = max;
        long[] counts = new long[bins];
        for (double v : values) {
            // Bins are [e_i, e_i+1), the last one closed: the last edge <= v, at most bin bins - 1.
            counts[Math.min(EmpiricalCdf.countAtMost(e, v), bins) - 1]++;
        }
        for (int i = 0; i < bins; i++) {
            densities[densityOffset + i] = counts[i] / (e[i + 1] - e[i]) / values.length;
        }
        System.arraycopy(e, 0, edges, edgeOffset, bins + 1);
    }
}
