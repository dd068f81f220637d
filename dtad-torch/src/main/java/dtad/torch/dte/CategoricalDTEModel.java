package dtad.torch.dte;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dtad.data.Matrix;
import dtad.detect.Explainable;
import dtad.detect.PayloadReader;
import dtad.detect.PosteriorModel;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import dtad.torch.IntegratedGradients;
import dtad.torch.Network;
import dtad.torch.NetworkModel;
import dtad.torch.TrainedNetwork;
import java.io.IOException;

/**
 * A fitted DTE-C (tabular or on images, {@link TimeBinClassifier}): scores a row by the expected diffusion-time bin {@code sum_k k p_k} of the
 * network's softmax (no dropout), and hands out the per-bin probabilities as its posterior.
 *
 * <p><b>Contributions</b> ({@link #contributions}): integrated gradients ({@link IntegratedGradients}, 4 Gauss-Legendre
 * points) of the expected bin with respect to the standardized row, from the training mean (0 after
 * standardization; for images the training images' mean per channel, a flat image, or per pixel, by the
 * scaling), per feature or pixel: positive where the feature raises the score above the training mean's; a row's contributions sum to
 * {@code score(row) - score(training mean)} up to the error of the path integral: median 1-11% on tabular rows; on
 * images the expected bin can rise within a fifth of the path, which 4 points miss (median 49% on the tests'
 * defective images, 0.1% at 24 points), so read ImageDTE-C's contributions as a ranking of the pixels.
 */
public final class CategoricalDTEModel extends NetworkModel implements PosteriorModel, Explainable {
    private final TimeBinClassifier detector;

    private CategoricalDTEModel(TimeBinClassifier detector, TrainingInfo info, double[] trainingScores,
                                TrainedNetwork network) {
        super(info, trainingScores, network);
        this.detector = detector;
    }

    static CategoricalDTEModel fitted(TimeBinClassifier detector, TrainingData data, TrainedNetwork network) {
        return new CategoricalDTEModel(detector, data.info(), network.evaluate(data.standardized(),
                CategoricalDTEModel::expectedBin), network);
    }

    /** Rebuilds a model from its model file. */
    public static CategoricalDTEModel load(TimeBinClassifier detector, TrainingInfo info, double[] trainingScores,
                                           PayloadReader payloads) throws IOException {
        TrainedNetwork network = TrainedNetwork.load(detector.network(info.features()), readParameters(payloads));
        return new CategoricalDTEModel(detector, info, trainingScores, network);
    }

    @Override
    public TimeBinClassifier detector() {
        return detector;
    }

    /**
     * Integrated gradients of the score from the training mean, per feature of each raw row (scaled inside);
     * see the class comment.
     */
    @Override
    public double[][] contributions(Matrix x) {
        return integratedGradients(x, CategoricalDTEModel::expectedBin);
    }

    /** The contributions with another path rule than the models' {@link IntegratedGradients#STEPS} points (for tests). */
    double[][] contributions(Matrix x, IntegratedGradients rule) {
        return integratedGradients(x, CategoricalDTEModel::expectedBin, rule);
    }

    @Override
    public String contributionMeaning() {
        return "Integrated gradients of the expected diffusion-time bin from the training mean: how much the feature moves "
                + "the row's score away from the score of the training mean; a row's contributions sum to that "
                + "difference, up to the error of the path integral.";
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        return network().evaluate(standardized, CategoricalDTEModel::expectedBin);
    }

    @Override
    public String[] posteriorLabels() {
        String[] labels = new String[detector.bins()];
        for (int k = 0; k < labels.length; k++) {
            labels[k] = "bin" + k;
        }
        return labels;
    }

    /** The probability of each time bin, one row per input row (raw rows, scaled inside). */
    @Override
    public Matrix posterior(Matrix x) {
        return whileOpen(() -> network().evaluate(standardize(x), detector.bins(),
                (network, weights, rows) -> probabilities(network, weights, rows)));
    }

    private static NDArray probabilities(Network network, NDList weights, NDArray rows) {
        return network.forward(weights, rows).softmax(1);
    }

    /** {@code sum_k k p_k} per row. */
    static NDArray expectedBin(Network network, NDList weights, NDArray rows) {
        NDArray p = probabilities(network, weights, rows);
        long bins = p.getShape().get(1);
        NDArray k = rows.getManager().arange(0, bins, 1, DataType.FLOAT32).reshape(new Shape(bins, 1));
        return p.matMul(k);
    }
}
