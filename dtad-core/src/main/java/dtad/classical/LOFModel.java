package dtad.classical;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import dtad.neighbors.KnnSearch;
import dtad.neighbors.Neighbors;
import java.io.IOException;

/**
 * A fitted {@link LOF}: the standardized training rows with each one's {@code k}-distance and local
 * reachability density.
 *
 * <p>Payloads: {@code train} (the standardized training rows), {@code k_distances} and
 * {@code densities} (one per training row).
 */
public final class LOFModel extends DetectorModel {
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
