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
 * A fitted {@link KNN}: the standardized training rows, searched exactly for each scored row.
 *
 * <p>Payload: {@code train}, the standardized training rows.
 */
public final class KNNModel extends DetectorModel {
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
