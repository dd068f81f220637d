package dtad.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A seeded recipe for labelled synthetic data in the manner of ADBench's "realistic synthetic"
 * anomalies (Han et al., "ADBench: Anomaly Detection Benchmark", NeurIPS 2022, Section 3.3 and
 * Appendix): normal rows from a Gaussian mixture, anomalies of one {@link AnomalyType}.
 *
 * <p>The normal model has {@code components} equally likely Gaussians {@code N(mu_c, Sigma_c)} with
 * <ul>
 *   <li>means {@code mu_c} uniform in {@code [-5, 5]^features},</li>
 *   <li>covariances {@code Sigma_c = A A^T / features + 0.1 I}, {@code A} a square matrix of standard
 *       normals (positive definite thanks to the ridge), sampled as {@code x = mu_c + L_c z} with
 *       {@code L_c} the Cholesky factor of {@code Sigma_c} and {@code z ~ N(0, I)}.</li>
 * </ul>
 * ADBench fits such a mixture to a real data set; here its parameters are drawn at random instead.
 * The anomalies (see {@link AnomalyType}) are then
 * <ul>
 *   <li>LOCAL: {@code mu_c + sqrt(5) L_c z}, i.e. {@code N(mu_c, 5 Sigma_c)};</li>
 *   <li>GLOBAL: feature {@code j} uniform in {@code [1.1 min_j, 1.1 max_j]} over the normal rows
 *       (as ADBench, which scales the bounds themselves, so a positive minimum moves inwards);</li>
 *   <li>DEPENDENCY: feature {@code j} of a random normal row plus {@code h_j * N(0, 1)}, drawn
 *       independently per feature: a sample of the one-dimensional Gaussian KDE of that feature with
 *       Scott's bandwidth {@code h_j = sd_j * n^(-1/5)} (scipy's {@code gaussian_kde}, as ADBench);</li>
 *   <li>CLUSTERED: {@code 5 mu_c + L_c z}, i.e. {@code N(5 mu_c, Sigma_c)}.</li>
 * </ul>
 * The component of each mixture draw is chosen uniformly.
 *
 * <p>Everything comes from one {@link java.util.Random} seeded with {@code seed} (whose algorithms
 * are fixed by its specification, so the data are the same on every JVM), drawn in this order: the
 * mixture, the normal rows, the anomalies, and a shuffle that scatters the anomalies among the rows.
 * The mixture and the normal rows therefore depend only on {@code features}, {@code components},
 * the number of normal rows and the seed, not on the anomaly type.
 *
 * @param rows        the number of rows, normal and anomalous
 * @param features    the number of columns
 * @param anomalyRate the share of anomalous rows, in {@code [0, 1)}; the count is
 *                    {@code round(anomalyRate * rows)}
 * @param type        the kind of anomalies
 * @param components  the number of Gaussians in the normal mixture
 * @param seed        the seed of all random draws
 */
public record SyntheticData(int rows, int features, double anomalyRate, AnomalyType type, int components, long seed) {
    /** ADBench's covariance scale of {@link AnomalyType#LOCAL} anomalies. */
    public static final double LOCAL_ALPHA = 5;
    /** ADBench's bound scale of {@link AnomalyType#GLOBAL} anomalies. */
    public static final double GLOBAL_ALPHA = 1.1;
    /** ADBench's mean scale of {@link AnomalyType#CLUSTERED} anomalies. */
    public static final double CLUSTERED_ALPHA = 5;

    /** The mixture means are uniform in {@code [-MEAN_RANGE, MEAN_RANGE]} per feature. */
    static final double MEAN_RANGE = 5;
    /** Added to the covariance diagonal, keeping it well away from singular. */
    static final double RIDGE = 0.1;

    public SyntheticData {
        Objects.requireNonNull(type, "anomaly type");
        if (rows < 1) {
            throw new IllegalArgumentException("Invalid row count: " + rows);
        }
        if (features < 1) {
            throw new IllegalArgumentException("Invalid feature count: " + features);
        }
        if ((long) rows * features > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Too many values for one matrix: " + rows + " x " + features);
        }
        if (!(anomalyRate >= 0 && anomalyRate < 1)) {
            throw new IllegalArgumentException("Invalid anomaly rate: " + anomalyRate + " (must be in [0, 1))");
        }
        if (Math.round(anomalyRate * rows) >= rows) {
            throw new IllegalArgumentException("Anomaly rate " + anomalyRate + " of " + rows + " rows leaves no normal row");
        }
        if (components < 1) {
            throw new IllegalArgumentException("Invalid component count: " + components);
        }
    }

    /**
     * The recipe of one data set of the embedded default suite: 2,000 rows, 10 features, 5%
     * anomalies (100 rows), 3 mixture components.
     */
    public static SyntheticData defaultSpec(AnomalyType type, long seed) {
        return new SyntheticData(2000, 10, 0.05, type, 3, seed);
    }

    /**
     * The embedded default suite: one data set per {@link AnomalyType}, in declaration order, from
     * {@link #defaultSpec}. All four share the seed, hence the same mixture and normal rows (before
     * shuffling), so that they differ only in their anomalies.
     */
    public static List<Dataset> defaultSuite(long seed) {
        List<Dataset> suite = new ArrayList<>();
        for (AnomalyType type : AnomalyType.values()) {
            suite.add(defaultSpec(type, seed).generate());
        }
        return List.copyOf(suite);
    }

    /** The number of anomalous rows, {@code round(anomalyRate * rows)}. */
    public int anomalyCount() {
        return (int) Math.round(anomalyRate * rows);
    }

    /**
     * Draws the data set, named {@code "synthetic-<type>"} (e.g. {@code "synthetic-local"}), with
     * labels 1 for the anomalies, which lie at random rows.
     */
    public Dataset generate() {
        Random random = new Random(seed);
        Mixture mixture = Mixture.random(components, features, random);
        int normals = rows - anomalyCount();
        double[] x = new double[rows * features];
        for (int r = 0; r < normals; r++) {
            mixture.sample(random, 1, 1, x, r * features);
        }
        switch (type) {
            case LOCAL -> {
                double spread = Math.sqrt(LOCAL_ALPHA);
                for (int r = normals; r < rows; r++) {
                    mixture.sample(random, 1, spread, x, r * features);
                }
            }
            case CLUSTERED -> {
                for (int r = normals; r < rows; r++) {
                    mixture.sample(random, CLUSTERED_ALPHA, 1, x, r * features);
                }
            }
            case GLOBAL -> fillGlobal(x, normals, random);
            case DEPENDENCY -> fillDependency(x, normals, random);
        }
        return shuffled(x, normals, random);
    }

    /** Rows {@code [normals, rows)}: feature j uniform in [alpha min_j, alpha max_j] over the normal rows. */
    private void fillGlobal(double[] x, int normals, Random random) {
        double[] low = new double[features];
        double[] high = new double[features];
        for (int j = 0; j < features; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < normals; r++) {
                min = Math.min(min, x[r * features + j]);
                max = Math.max(max, x[r * features + j]);
            }
            low[j] = GLOBAL_ALPHA * min;
            high[j] = GLOBAL_ALPHA * max;
        }
        for (int r = normals; r < rows; r++) {
            for (int j = 0; j < features; j++) {
                x[r * features + j] = low[j] + (high[j] - low[j]) * random.nextDouble();
            }
        }
    }

    /**
     * Rows {@code [normals, rows)}: each feature a draw of its own one-dimensional Gaussian KDE over
     * the normal rows, so the features are independent of each other.
     */
    private void fillDependency(double[] x, int normals, Random random) {
        double[] bandwidth = new double[features];
        for (int j = 0; j < features; j++) {
            double sum = 0;
            for (int r = 0; r < normals; r++) {
                sum += x[r * features + j];
            }
            double mean = sum / normals;
            double squares = 0;
            for (int r = 0; r < normals; r++) {
                double d = x[r * features + j] - mean;
                squares += d * d;
            }
            // Sample standard deviation (ddof 1, as scipy) times Scott's factor n^(-1/(1+4)).
            double sd = normals > 1 ? Math.sqrt(squares / (normals - 1)) : 0;
            bandwidth[j] = sd * Math.pow(normals, -0.2);
        }
        for (int r = normals; r < rows; r++) {
            for (int j = 0; j < features; j++) {
                // A fresh random normal row per feature: this is what breaks the dependence.
                int source = random.nextInt(normals);
                x[r * features + j] = x[source * features + j] + bandwidth[j] * random.nextGaussian();
            }
        }
    }

    /** Shuffles the rows (normals first, anomalies after) by a seeded Fisher-Yates permutation. */
    private Dataset shuffled(double[] x, int normals, Random random) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = order[i] >= normals ? 1 : 0;
        }
        return new Dataset("synthetic-" + type.label(), Matrix.wrap(rows, features, x).selectRows(order), labels);
    }

    /**
     * An equally weighted Gaussian mixture: means {@code means[c]} and lower Cholesky factors
     * {@code factors[c]} (row-major {@code d x d}) of the covariances.
     */
    private record Mixture(double[][] means, double[][] factors) {

        static Mixture random(int components, int d, Random random) {
            double[][] means = new double[components][d];
            double[][] factors = new double[components][];
            for (int c = 0; c < components; c++) {
                for (int j = 0; j < d; j++) {
                    means[c][j] = MEAN_RANGE * (2 * random.nextDouble() - 1);
                }
                double[] a = new double[d * d];
                for (int i = 0; i < a.length; i++) {
                    a[i] = random.nextGaussian();
                }
                // Sigma = A A^T / d + ridge I: a random correlation structure with unit-order variances.
                double[] sigma = new double[d * d];
                for (int i = 0; i < d; i++) {
                    for (int k = 0; k <= i; k++) {
                        double dot = 0;
                        for (int m = 0; m < d; m++) {
                            dot += a[i * d + m] * a[k * d + m];
                        }
                        sigma[i * d + k] = dot / d + (i == k ? RIDGE : 0);
                        sigma[k * d + i] = sigma[i * d + k];
                    }
                }
                factors[c] = cholesky(sigma, d);
            }
            return new Mixture(means, factors);
        }

        /** Writes {@code meanScale * mu_c + spread * L_c z} at {@code out[offset..offset + d)}, c uniform. */
        void sample(Random random, double meanScale, double spread, double[] out, int offset) {
            int c = random.nextInt(means.length);
            double[] mu = means[c];
            double[] l = factors[c];
            int d = mu.length;
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = random.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double dot = 0;
                for (int j = 0; j <= i; j++) {
                    dot += l[i * d + j] * z[j];
                }
                out[offset + i] = meanScale * mu[i] + spread * dot;
            }
        }

        /** The lower Cholesky factor L of a symmetric positive definite matrix, L L^T = a. */
        private static double[] cholesky(double[] a, int d) {
            double[] l = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[i * d + j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i * d + k] * l[j * d + k];
                    }
                    l[i * d + j] = i == j ? Math.sqrt(s) : s / l[j * d + j];
                }
            }
            return l;
        }
    }
}
