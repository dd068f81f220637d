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
import java.util.Locale;

/**
 * A fitted {@link KNN}: the standardized training rows, searched exactly for each scored row.
 *
 * <p>Explanation ({@link Explainable}): the score, a statistic of the distances {@code d_r} to the
 * {@code k} nearest training rows {@code y_r}, is shared out over the features by their mean share of
 * those squared distances: feature {@code j}'s contribution is
 * {@code score * (1/k) sum_r (x_j - y_rj)^2 / d_r^2} (neighbours at distance 0 left out; all of them at 0:
 * every contribution 0). Non-negative; a row's contributions sum to its score. All {@code k} neighbours
 * share it out, not only the {@code k}-th that the default score reads: one neighbour's differences are
 * noisy (on 3-of-20-column anomalies its shares found the three columns for 75% of rows, the mean share of
 * 5 neighbours for 99%).
 *
 * <p>Payload: {@code train}, the standardized training rows.
 */
public final class KNNModel extends DetectorModel implements Explainable {
    private final KNN detector;
    private final Matrix train;

    private KNNModel(KNN detector, TrainingInfo info, double[] trainingScores, Matrix train) {
        super(info, trainingScores);
        this.detector = detector;
        this.train = train;
    }

    static KNNModel fit(KNN detector, TrainingData data) {
        Matrix train = data.standardized();
        Neighbors own = KnnSearch.of(detector.k()).searchExcludingSelf(train);
        return new KNNModel(detector, data.info(), statistic(detector.score(), own), train);
    }

    static KNNModel load(KNN detector, TrainingInfo info, double[] trainingScores, PayloadReader payloads)
            throws IOException {
        Matrix train = payloads.matrix("train");
        if (train.rows() != info.rows() || train.columns() != info.features()) {
            throw new IllegalArgumentException("train is " + train.rows() + " x " + train.columns() + ", expected "
                    + info.rows() + " x " + info.features());
        }
        if (detector.k() > train.rows()) {
            throw new IllegalArgumentException("k = " + detector.k() + " but only " + train.rows() + " training rows");
        }
        return new KNNModel(detector, info, trainingScores, train);
    }

    @Override
    public KNN detector() {
        return detector;
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        return statistic(detector.score(), KnnSearch.of(detector.k()).search(standardized, train));
    }

    @Override
    public void writePayloads(PayloadWriter out) throws IOException {
        out.matrix("train", train);
    }

    @Override
    public double[][] contributions(Matrix rows) {
        return explainStandardized(rows, x -> {
            int k = detector.k();
            Neighbors found = KnnSearch.of(k).search(x, train);
            double[] scores = statistic(detector.score(), found);
            double[][] out = new double[x.rows()][x.columns()];
            for (int i = 0; i < out.length; i++) {
                double[] shares = new double[x.columns()];
                int counted = 0;
                for (int r = 0; r < k; r++) {
                    double squared = found.squaredDistance(i, r);
                    if (squared > 0) {
                        FeatureDifferences.addSquared(x, i, train, found.index(i, r), 1 / squared, shares);
                        counted++;
                    }
                }
                for (int j = 0; j < shares.length && counted > 0; j++) {
                    out[i][j] = scores[i] * shares[j] / counted;
                }
            }
            return out;
        });
    }

    @Override
    public String contributionMeaning() {
        return "The score (the " + detector.score().name().toLowerCase(Locale.ROOT) + " of the distances to the "
                + detector.k() + " nearest training rows) shared out by each feature's mean share of the squared "
                + "distance to those rows; the contributions sum to the score.";
    }

    /** The score of each row from its neighbours' Euclidean distances. */
    static double[] statistic(KNN.Score score, Neighbors neighbors) {
        int k = neighbors.k();
        double[] out = new double[neighbors.rows()];
        double[] distances = new double[k];
        for (int i = 0; i < out.length; i++) {
            for (int r = 0; r < k; r++) {
                distances[r] = neighbors.distance(i, r);
            }
            out[i] = switch (score) {
                case LARGEST -> distances[k - 1];
                case MEAN -> mean(distances);
                case MEDIAN -> k % 2 == 1 ? distances[k / 2] : (distances[k / 2 - 1] + distances[k / 2]) / 2;
            };
        }
        return out;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
