package dtad.torch.dte;

import dtad.data.Matrix;
import dtad.detect.PayloadReader;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import dtad.torch.NetworkModel;
import dtad.torch.TrainedNetwork;
import java.io.IOException;

/** A fitted DTE-G: scores a row by the diffusion step the network predicts for it. */
public final class GaussianDTEModel extends NetworkModel {
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

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        return score(network(), standardized);
    }

    private static double[] score(TrainedNetwork network, Matrix rows) {
        return network.evaluate(rows, (net, weights, x) -> net.forward(weights, x));
    }
}
