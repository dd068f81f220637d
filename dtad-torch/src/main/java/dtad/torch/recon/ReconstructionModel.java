package dtad.torch.recon;

import dtad.data.Matrix;
import dtad.detect.Explainable;
import dtad.detect.PayloadReader;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import dtad.torch.NetworkModel;
import dtad.torch.TrainedNetwork;
import java.io.IOException;

/**
 * A fitted DDPM or DiT: scores a row by its reconstruction error after the reverse chain
 * ({@link ReverseChain}); higher = more anomalous. The model file holds the denoiser's parameters and
 * buffers (BatchNorm running statistics) as one payload.
 *
 * <p><b>Contributions</b> ({@link #contributions}): the score split over the features by their reconstruction
 * error after the same reverse chain as the score; they are non-negative and sum to the score (for one
 * {@code rec_t} start, each is the feature's squared error divided by the number of features; with several,
 * the score is split by each feature's share of the starts' errors, averaged over the starts).
 */
public final class ReconstructionModel extends NetworkModel implements Explainable {
    private final ReconstructionDetector detector;
    private final ReverseChain chain;

    private ReconstructionModel(ReconstructionDetector detector, TrainingInfo info, double[] trainingScores,
                                TrainedNetwork network, ReverseChain chain) {
        super(info, trainingScores, network);
        this.detector = detector;
        this.chain = chain;
    }

    static ReconstructionModel fitted(ReconstructionDetector detector, TrainingData data, TrainedNetwork network) {
        ReverseChain chain = chain(detector);
        double[] scores = network.evaluate(data.standardized(), (n, weights, rows) ->
                chain.scores((Denoiser) n, weights, rows));
        return new ReconstructionModel(detector, data.info(), scores, network, chain);
    }

    /** Rebuilds a model from its model file. */
    public static ReconstructionModel load(ReconstructionDetector detector, TrainingInfo info,
                                           double[] trainingScores, PayloadReader payloads) throws IOException {
        TrainedNetwork network = TrainedNetwork.load(detector.denoiser(info.features()), readParameters(payloads));
        return new ReconstructionModel(detector, info, trainingScores, network, chain(detector));
    }

    private static ReverseChain chain(ReconstructionDetector detector) {
        return new ReverseChain(detector.reconstruction(), detector.training().seed());
    }

    @Override
    public ReconstructionDetector detector() {
        return detector;
    }

    /**
     * The reconstruction error of each row for each start of {@code rec_t} separately (raw rows, scaled
     * inside): one column per start, in the order of the settings. The score is their geometric mean.
     */
    public Matrix errorsPerStart(Matrix x) {
        return whileOpen(() -> network().evaluate(standardize(x), detector.reconstruction().starts().size(),
                (n, weights, rows) -> chain.errors((Denoiser) n, weights, rows)));
    }

    /**
     * The squared reconstruction error of every value of every row ({@code [rows, features]}; raw rows, scaled
     * inside, errors in the scaled units the network sees), averaged over the starts of {@code rec_t}: where in
     * the row the reconstruction differs (for images, a per-pixel anomaly map per channel). For one start and
     * without {@code full_path}, a row's mean is its score.
     */
    public Matrix squaredErrors(Matrix x) {
        return whileOpen(() -> network().evaluate(standardize(x), x.columns(),
                (n, weights, rows) -> chain.squaredErrors((Denoiser) n, weights, rows)));
    }

    /**
     * Each row's score split over its features (raw rows, scaled inside): non-negative, summing to the score;
     * see the class comment.
     */
    @Override
    public double[][] contributions(Matrix x) {
        return perRow(x, x.columns(), (n, weights, rows) -> chain.contributions((Denoiser) n, weights, rows));
    }

    @Override
    public String contributionMeaning() {
        String reconstruction = detector.reconstruction().score() == ReconstructionSettings.Score.CHAIN
                ? "after the reverse diffusion chain" : "of the one-step reconstruction from the noised row";
        return "The feature's part of the reconstruction error " + reconstruction + " (its squared "
                + "error in standardized units, divided by the number of features, when rec_t has one start): "
                + "non-negative, and a row's contributions sum to its score.";
    }

    /** {@code width} values per row of {@code head} on the rows scaled as the model scales them (studies of the score). */
    Matrix evaluate(Matrix x, int width, dtad.torch.TrainedNetwork.Head head) {
        return whileOpen(() -> network().evaluate(standardize(x), width, head));
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        return network().evaluate(standardized, (n, weights, rows) -> chain.scores((Denoiser) n, weights, rows));
    }
}
