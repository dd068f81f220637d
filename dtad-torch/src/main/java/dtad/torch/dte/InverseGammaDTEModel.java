package dtad.torch.dte;

import dtad.data.Matrix;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import dtad.model.PayloadReader;
import dtad.torch.NetworkModel;
import dtad.torch.TrainedNetwork;
import java.io.IOException;

/** A fitted DTE-IG: scores a row by the inverse-Gamma scale {@code u^2} (or the raw {@code u}). */
public final class InverseGammaDTEModel extends NetworkModel {
    private final InverseGammaDTE detector;

    private InverseGammaDTEModel(InverseGammaDTE detector, TrainingInfo info, double[] trainingScores,
                                 TrainedNetwork network) {
        super(info, trainingScores, network);
        this.detector = detector;
    }

    static InverseGammaDTEModel fitted(InverseGammaDTE detector, TrainingData data, TrainedNetwork network) {
        return new InverseGammaDTEModel(detector, data.info(), score(detector, network, data.standardized()),
                network);
    }

    /** Rebuilds a model from its model file. */
    public static InverseGammaDTEModel load(InverseGammaDTE detector, TrainingInfo info, double[] trainingScores,
                                            PayloadReader payloads) throws IOException {
        TrainedNetwork network = TrainedNetwork.load(detector.network(info.features()), readParameters(payloads));
        return new InverseGammaDTEModel(detector, info, trainingScores, network);
    }

    @Override
    public InverseGammaDTE detector() {
        return detector;
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        return score(detector, network(), standardized);
    }

    private static double[] score(InverseGammaDTE detector, TrainedNetwork network, Matrix rows) {
        return switch (detector.score()) {
            case BETA -> network.evaluate(rows, (net, weights, x) -> net.forward(weights, x).square());
            case RAW -> network.evaluate(rows, (net, weights, x) -> net.forward(weights, x));
        };
    }
}
