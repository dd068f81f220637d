package dtad.classical;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.Explainable;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import dtad.neighbors.FeatureDifferences;
import dtad.neighbors.KnnSearch;
import dtad.neighbors.Neighbors;
import java.io.IOException;

/**
 * A fitted {@link LOF}: the standardized training rows with each one's {@code k}-distance and local
 * reachability density.
 *
 * <p>Explanation ({@link Explainable}): the score is {@code LOF(x) = D (mean_o reach(x, o) + 1e-10)}, with
 * {@code D} the mean density of the row's neighbours {@code o} and {@code reach(x, o) = max(d(x, o), kd(o))};
 * each reachability distance splits over the features in proportion to their squared differences to that
 * neighbour, {@code (x_j - o_j)^2 / d(x, o)^2} (equally, for a neighbour at distance 0). So feature
 * {@code j}'s contribution is {@code D mean_o reach(x, o) (x_j - o_j)^2 / d(x, o)^2}, non-negative, and a
 * row's contributions sum to its score less {@code D * 1e-10} (scikit-learn's guard).
 *
 * <p>Payloads: {@code train} (the standardized training rows), {@code k_distances} and
 * {@code densities} (one per training row).
 */
public final class LOFModel extends DetectorModel implements Explainable {
    /** scikit-learn's guard against a zero mean reachability distance. */
    static final double DENSITY_GUARD = 1e-10;

    private final LOF detector;
    private final Matrix train;
    private final double[] kDistances;
    private final double[] densities;

    private LOFModel(LOF detector, TrainingInfo info, double[] trainingScores, Matrix train, double[] kDistances,
                     double[] densities) {
        super(info, trainingScores);
        this.detector = detector;
        this.train = train;
        this.kDistances = kDistances;
        this.densities = densities;
    }

    static LOFModel fit(LOF detector, TrainingData data) {
        Matrix train = data.standardized();
        int k = detector.k();
        Neighbors own = KnnSearch.of(k).searchExcludingSelf(train);
        double[] kDistances = new double[train.rows()];
        for (int i = 0; i < kDistances.length; i++) {
            kDistances[i] = own.distance(i, k - 1);
        }
        double[] densities = densities(own, kDistances);
        double[] scores = factors(own, densities, densities);
        return new LOFModel(detector, data.info(), scores, train, kDistances, densities);
    }

    static LOFModel load(LOF detector, TrainingInfo info, double[] trainingScores, PayloadReader payloads)
            throws IOException {
        Matrix train = payloads.matrix("train");
        double[] kDistances = payloads.doubles("k_distances");
        double[] densities = payloads.doubles("densities");
        if (train.rows() != info.rows() || train.columns() != info.features() || kDistances.length != info.rows()
                || densities.length != info.rows()) {
            throw new IllegalArgumentException("train is " + train.rows() + " x " + train.columns() + " with "
                    + kDistances.length + " k-distances and " + densities.length + " densities, expected "
                    + info.rows() + " x " + info.features() + " and " + info.rows() + " of each");
        }
        if (detector.k() > train.rows()) {
            throw new IllegalArgumentException("k = " + detector.k() + " but only " + train.rows() + " training rows");
        }
        return new LOFModel(detector, info, trainingScores, train, kDistances, densities);
    }

    @Override
    public LOF detector() {
        return detector;
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        Neighbors found = KnnSearch.of(detector.k()).search(standardized, train);
        return factors(found, densities(found, kDistances), densities);
    }

    @Override
    public void writePayloads(PayloadWriter out) throws IOException {
        out.matrix("train", train);
        out.doubles("k_distances", kDistances);
        out.doubles("densities", densities);
    }

    @Override
    public double[][] contributions(Matrix rows) {
        return explainStandardized(rows, x -> {
            int k = detector.k();
            int d = x.columns();
            Neighbors found = KnnSearch.of(k).search(x, train);
            double[][] out = new double[x.rows()][d];
            for (int i = 0; i < out.length; i++) {
                double neighbourDensity = 0;
                for (int r = 0; r < k; r++) {
                    neighbourDensity += densities[found.index(i, r)] / k;
                }
                for (int r = 0; r < k; r++) {
                    int o = found.index(i, r);
                    double squared = found.squaredDistance(i, r);
                    double reach = Math.max(Math.sqrt(squared), kDistances[o]);
                    double share = neighbourDensity * reach / k;
                    if (squared > 0) {
                        FeatureDifferences.addSquared(x, i, train, o, share / squared, out[i]);
                    } else {
                        for (int j = 0; j < d; j++) {
                            out[i][j] += share / d;
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public String contributionMeaning() {
        return "Each feature's share of the row's reachability distances to its " + detector.k() + " neighbours "
                + "(in proportion to its squared differences to each), times the neighbours' mean density; "
                + "the contributions sum to the score (the local outlier factor).";
    }

    /** The local reachability density of each query row: {@code 1 / (mean reach-dist + 1e-10)}. */
    private static double[] densities(Neighbors neighbors, double[] kDistances) {
        int k = neighbors.k();
        double[] out = new double[neighbors.rows()];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int r = 0; r < k; r++) {
                sum += Math.max(neighbors.distance(i, r), kDistances[neighbors.index(i, r)]);
            }
            out[i] = 1 / (sum / k + DENSITY_GUARD);
        }
        return out;
    }

    /** The LOF of each query row: the mean of its neighbours' densities over its own. */
    private static double[] factors(Neighbors neighbors, double[] queryDensities, double[] trainDensities) {
        int k = neighbors.k();
        double[] out = new double[neighbors.rows()];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int r = 0; r < k; r++) {
                sum += trainDensities[neighbors.index(i, r)] / queryDensities[i];
            }
            out[i] = sum / k;
        }
        return out;
    }
}
