package dtad.torch.dte;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dtad.data.Matrix;
import dtad.detect.Explainable;
import dtad.detect.PayloadReader;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import dtad.torch.Network;
import dtad.torch.NetworkModel;
import dtad.torch.TrainedNetwork;
import java.io.IOException;

/**
 * A fitted DTE-G: scores a row by the diffusion step the network predicts for it.
 *
 * <p><b>Contributions</b> ({@link #contributions}): integrated gradients ({@link dtad.torch.IntegratedGradients},
 * 4 Gauss-Legendre points) of the predicted step with respect to the standardized row, from the training mean
 * (0 after standardization): positive where the feature raises the score above the training mean's; a row's
 * contributions sum to {@code score(row) - score(training mean)} up to the error of the path integral (a few
 * percent).
 */
public final class GaussianDTEModel extends NetworkModel implements Explainable {
    private final GaussianDTE detector;

    private GaussianDTEModel(GaussianDTE detector, TrainingInfo info, double[] trainingScores,
                             TrainedNetwork network) {
        super(info, trainingScores, network);
        this.detector = detector;
    }

    static GaussianDTEModel fitted(GaussianDTE detector, TrainingData data, TrainedNetwork network) {
        return new GaussianDTEModel(detector, data.info(), score(network, data.standardized()), network);
    }

    /** Rebuilds a model from its model file. */
    public static GaussianDTEModel load(GaussianDTE detector, TrainingInfo info, double[] trainingScores,
                                        PayloadReader payloads) throws IOException {
        TrainedNetwork network = TrainedNetwork.load(detector.network(info.features()), readParameters(payloads));
        return new GaussianDTEModel(detector, info, trainingScores, network);
    }

    @Override
    public GaussianDTE detector() {
        return detector;
    }

    /**
     * Integrated gradients of the score from the training mean, per feature of each raw row (scaled inside);
     * see the class comment.
     */
    @Override
    public double[][] contributions(Matrix x) {
        return integratedGradients(x, GaussianDTEModel::predictedStep);
    }

    @Override
    public String contributionMeaning() {
        return "Integrated gradients of the predicted diffusion step from the training mean: how much the feature moves "
                + "the row's score away from the score of the training mean; a row's contributions sum to that "
                + "difference, up to the error of the path integral.";
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        return score(network(), standardized);
    }

    private static double[] score(TrainedNetwork network, Matrix rows) {
        return network.evaluate(rows, GaussianDTEModel::predictedStep);
    }

    /** The network's output: the diffusion step it predicts for each row. */
    private static NDArray predictedStep(Network network, NDList weights, NDArray rows) {
        return network.forward(weights, rows);
    }
}
