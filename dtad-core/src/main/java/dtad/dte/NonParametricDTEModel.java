package dtad.dte;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.ErrorMaps;
import dtad.detect.Explainable;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.PosteriorModel;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import dtad.neighbors.FeatureDifferences;
import dtad.neighbors.KnnSearch;
import dtad.neighbors.Neighbors;
import java.io.IOException;

/**
 * A fitted {@link NonParametricDTE}: the standardized training rows, searched exactly for the
 * {@code k} nearest to each scored row; the mean of their squared distances gives the posterior over
 * diffusion steps ({@link TimePosterior}), whose mode or mean is the score. The whole posterior of a
 * row is available as {@link #posterior}, labelled {@code t0 .. t(T-1)}.
 *
 * <p>Explanation ({@link Explainable}): the posterior, and so the score, depends on the row only through
 * the mean squared distance {@code m = (1/k) sum_r ||x - y_r||^2} to its {@code k} nearest training rows
 * {@code y_r}, and the score is non-decreasing in {@code m}. Feature {@code j}'s contribution is its part of
 * {@code m}, {@code (1/k) sum_r (x_j - y_rj)^2}: non-negative, and a row's contributions sum to {@code m}
 * (not to the score, a step of the diffusion schedule).
 *
 * <p>Anomaly maps ({@link ErrorMaps}): the contributions, value by value. For images this is an exact additive
 * decomposition of what the score grows with, the mean squared distance to the nearest training images: the
 * pixels where the image differs from its nearest normal images.
 *
 * <p>Payload: {@code train}, the standardized training rows.
 */
public final class NonParametricDTEModel extends DetectorModel implements PosteriorModel, Explainable, ErrorMaps {
    private final NonParametricDTE detector;
    private final Matrix train;
    private final TimePosterior posterior;

    private NonParametricDTEModel(NonParametricDTE detector, TrainingInfo info, double[] trainingScores,
                                  Matrix train, TimePosterior posterior) {
        super(info, trainingScores);
        this.detector = detector;
        this.train = train;
        this.posterior = posterior;
    }

    static NonParametricDTEModel fit(NonParametricDTE detector, TrainingData data) {
        Matrix train = data.standardized();
        TimePosterior posterior = new TimePosterior(detector.schedule(), train.columns());
        double[] distances = meanSquaredDistances(KnnSearch.of(detector.k()).searchExcludingSelf(train));
        return new NonParametricDTEModel(detector, data.info(), scores(detector, posterior, distances), train,
                posterior);
    }

    static NonParametricDTEModel load(NonParametricDTE detector, TrainingInfo info, double[] trainingScores,
                                      PayloadReader payloads) throws IOException {
        Matrix train = payloads.matrix("train");
        if (train.rows() != info.rows() || train.columns() != info.features()) {
            throw new IllegalArgumentException("train is " + train.rows() + " x " + train.columns() + ", expected "
                    + info.rows() + " x " + info.features());
        }
        if (detector.k() > train.rows()) {
            throw new IllegalArgumentException("k = " + detector.k() + " but only " + train.rows() + " training rows");
        }
        return new NonParametricDTEModel(detector, info, trainingScores, train,
                new TimePosterior(detector.schedule(), train.columns()));
    }

    @Override
    public NonParametricDTE detector() {
        return detector;
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        return scores(detector, posterior, meanSquaredDistances(standardized));
    }

    /** {@code t0}, {@code t1}, ... {@code t(T-1)}. */
    @Override
    public String[] posteriorLabels() {
        String[] labels = new String[detector.steps()];
        for (int t = 0; t < labels.length; t++) {
            labels[t] = "t" + t;
        }
        return labels;
    }

    /** {@code p(t | x)} for t = 0..T-1, one row per input row (raw rows, scaled inside); each row sums to 1. */
    @Override
    public Matrix posterior(Matrix x) {
        return whileOpen(() -> posteriorOf(x));
    }

    private Matrix posteriorOf(Matrix x) {
        double[] distances = meanSquaredDistances(standardize(x));
        int steps = posterior.steps();
        double[] out = new double[Math.multiplyExact(distances.length, steps)];
        for (int i = 0; i < distances.length; i++) {
            posterior.probabilities(distances[i], out, i * steps);
        }
        return Matrix.wrap(distances.length, steps, out);
    }

    /**
     * The mean squared distance from each scaled row to its {@code k} nearest training rows: the
     * statistic the posterior depends on (the scale of the inverse-gamma density is half of it).
     */
    private double[] meanSquaredDistances(Matrix standardized) {
        return meanSquaredDistances(KnnSearch.of(detector.k()).search(standardized, train));
    }

    @Override
    public double[][] contributions(Matrix rows) {
        return explainStandardized(rows, x -> {
            int k = detector.k();
            Neighbors found = KnnSearch.of(k).search(x, train);
            double[][] out = new double[x.rows()][x.columns()];
            for (int i = 0; i < out.length; i++) {
                for (int r = 0; r < k; r++) {
                    FeatureDifferences.addSquared(x, i, train, found.index(i, r), 1.0 / k, out[i]);
                }
            }
            return out;
        });
    }

    /** The contributions as a matrix: the anomaly map of each row (see the class comment). */
    @Override
    public Matrix squaredErrors(Matrix rows) {
        return Matrix.of(contributions(rows));
    }

    @Override
    public String contributionMeaning() {
        return "Each feature's mean squared difference (standardized units) to the row's " + detector.k()
                + " nearest training rows; the contributions sum to the mean squared distance that the posterior "
                + "over diffusion time, and so the score, grows with.";
    }

    @Override
    public void writePayloads(PayloadWriter out) throws IOException {
        out.matrix("train", train);
    }

    private static double[] meanSquaredDistances(Neighbors neighbors) {
        int k = neighbors.k();
        double[] out = new double[neighbors.rows()];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int r = 0; r < k; r++) {
                sum += neighbors.squaredDistance(i, r);
            }
            out[i] = sum / k;
        }
        return out;
    }

    private static double[] scores(NonParametricDTE detector, TimePosterior posterior, double[] distances) {
        double[] out = new double[distances.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (detector.score()) {
                case MODE -> posterior.mode(distances[i]);
                case MEAN -> posterior.mean(distances[i]);
            };
        }
        return out;
    }
}
