package dtad.torch.dte;

import dtad.data.Matrix;
import dtad.detect.Explainable;
import dtad.detect.PayloadReader;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import dtad.torch.NetworkModel;
import dtad.torch.TrainedNetwork;
import java.io.IOException;

/**
 * A fitted DTE-IG: scores a row by the inverse-Gamma scale {@code u^2} (or the raw {@code u}).
 *
 * <p><b>Contributions</b> ({@link #contributions}): integrated gradients ({@link dtad.torch.IntegratedGradients},
 * 4 Gauss-Legendre points) of the score with respect to the standardized row, from the training mean (0 after
 * standardization): positive where the feature raises the score above the training mean's; a row's
 * contributions sum to {@code score(row) - score(training mean)} up to the error of the path integral (a few
 * percent).
 */
public final class InverseGammaDTEModel extends NetworkModel implements Explainable {
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

    /**
     * Integrated gradients of the score from the training mean, per feature of each raw row (scaled inside);
     * see the class comment.
     */
    @Override
    public double[][] contributions(Matrix x) {
        return integratedGradients(x, head(detector));
    }

    @Override
    public String contributionMeaning() {
        return "Integrated gradients of the inverse-Gamma score from the training mean: how much the feature moves "
                + "the row's score away from the score of the training mean; a row's contributions sum to that "
                + "difference, up to the error of the path integral.";
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        return score(detector, network(), standardized);
    }

    private static double[] score(InverseGammaDTE detector, TrainedNetwork network, Matrix rows) {
        return network.evaluate(rows, head(detector));
    }

    /** The score of each row from the network's output {@code u}: {@code u^2} or {@code u}. */
    private static TrainedNetwork.Head head(InverseGammaDTE detector) {
        return switch (detector.score()) {
            case BETA -> (net, weights, x) -> net.forward(weights, x).square().mean(new int[] {1});
            case RAW -> (net, weights, x) -> net.forward(weights, x).mean(new int[] {1});
        };
    }
}
