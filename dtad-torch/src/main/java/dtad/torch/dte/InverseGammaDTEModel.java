package dtad.torch.dte;

import dtad.data.Matrix;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import dtad.model.PayloadReader;
import dtad.torch.NetworkModel;
import dtad.torch.TrainedNetwork;
import java.io.IOException;

/**
 * A fitted DTE-IG: scores a row by the inverse-Gamma scale {@code beta} ({@code u^2}, {@code exp(u)} or
 * {@code softplus(u)} as the link says) or by the raw output {@code u}.
 */
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
        if (detector.score() == InverseGammaDTE.Score.RAW) {
            return network.evaluate(rows, (net, weights, x) -> net.forward(weights, x));
        }
        if (detector.link() == InverseGammaDTE.Link.EXP) {
            // exp in double: float32 would overflow to infinity for u > 88 and tie the most anomalous rows
            double[] u = network.evaluate(rows, (net, weights, x) -> net.forward(weights, x));
            for (int i = 0; i < u.length; i++) {
                u[i] = Math.exp(u[i]);
            }
            return u;
        }
        return network.evaluate(rows, (net, weights, x) -> InverseGammaDTE.beta(detector.link(),
                net.forward(weights, x)));
    }
}
