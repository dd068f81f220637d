package dtad.torch.recon;

import dtad.data.Matrix;
import dtad.detect.ErrorMaps;
import dtad.detect.Explainable;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import dtad.torch.NetworkModel;
import dtad.torch.TrainedNetwork;
import dtad.torch.image.ImageDetector;
import java.io.IOException;
import java.util.Arrays;

/**
 * A fitted DDPM or DiT: scores a row by its reconstruction error after the reverse chain
 * ({@link ReverseChain}); higher = more anomalous. The model file holds the denoiser's parameters and
 * buffers (BatchNorm running statistics) as one payload.
 *
 * <p><b>Contributions</b> ({@link #contributions}): the score split over the features by their reconstruction
 * error after the same reverse chain as the score; they are non-negative and sum to the score (for one
 * {@code rec_t} start, each is the feature's squared error divided by the number of features; with several,
 * the score is split by each feature's share of the starts' errors, averaged over the starts). With an image
 * network's local term ({@code local_t}, {@link LocalPeak}) the part of the score above the base score is split by
 * the local chain's squared errors, and the anomaly maps ({@link #squaredErrors}) are that chain's.
 */
public final class ReconstructionModel extends NetworkModel implements Explainable, ErrorMaps {
    private final ReconstructionDetector detector;
    private final ReverseChain chain;
    /** The local term, or null without one. */
    private final LocalPeak local;
    private final LocalPeak.Statistics localStatistics;

    private ReconstructionModel(ReconstructionDetector detector, TrainingInfo info, double[] trainingScores,
                                TrainedNetwork network, ReverseChain chain, LocalPeak local,
                                LocalPeak.Statistics localStatistics) {
        super(info, trainingScores, network);
        this.detector = detector;
        this.chain = chain;
        this.local = local;
        this.localStatistics = localStatistics;
    }

    static ReconstructionModel fitted(ReconstructionDetector detector, TrainingData data, TrainedNetwork network) {
        ReverseChain chain = chain(detector, data.info().features());
        double[] scores = network.evaluate(data.standardized(), (n, weights, rows) ->
                chain.scores((Denoiser) n, weights, rows));
        LocalPeak local = localPeak(detector, data.info().features());
        LocalPeak.Statistics statistics = null;
        if (local != null) {
            double[] peaks = local.peaks(network, data.standardized());
            statistics = LocalPeak.statistics(scores, peaks);
            scores = LocalPeak.scores(scores, peaks, statistics);
        }
        return new ReconstructionModel(detector, data.info(), scores, network, chain, local, statistics);
    }

    /** Rebuilds a model from its model file. */
    public static ReconstructionModel load(ReconstructionDetector detector, TrainingInfo info,
                                           double[] trainingScores, PayloadReader payloads) throws IOException {
        LocalPeak local = localPeak(detector, info.features());
        LocalPeak.Statistics statistics = local != null
                ? LocalPeak.Statistics.of(payloads.doubles(LocalPeak.PAYLOAD)) : null;
        TrainedNetwork network = TrainedNetwork.load(detector.denoiser(info.features()), readParameters(payloads));
        return new ReconstructionModel(detector, info, trainingScores, network, chain(detector, info.features()), local,
                statistics);
    }

    private static ReverseChain chain(ReconstructionDetector detector, int features) {
        ReconstructionSettings settings = detector.reconstruction();
        // The tabular networks refuse smoothing (ReconstructionParameters.requireTabular).
        ResidualSmoothing smoothing = settings.smooth() == 0 ? null
                : new ResidualSmoothing(((ImageDetector) detector).imageShape(features), settings.smooth());
        return new ReverseChain(settings, detector.training().seed(), smoothing);
    }

    private static LocalPeak localPeak(ReconstructionDetector detector, int features) {
        if (detector.reconstruction().localStart() == 0) {
            return null;
        }
        // The tabular networks refuse a local term (ReconstructionParameters.requireTabular).
        return new LocalPeak(detector.reconstruction(), ((ImageDetector) detector).imageShape(features));
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
     * without {@code full_path}, a row's mean is its score. With a local term ({@code local_t}), the local chain's
     * errors: the map that finds small defects.
     */
    @Override
    public Matrix squaredErrors(Matrix x) {
        if (local != null) {
            return whileOpen(() -> local.squaredErrors(network(), standardize(x)));
        }
        return whileOpen(() -> network().evaluate(standardize(x), x.columns(),
                (n, weights, rows) -> chain.squaredErrors((Denoiser) n, weights, rows)));
    }

    /**
     * Each row's score split over its features (raw rows, scaled inside): non-negative, summing to the score;
     * see the class comment.
     */
    @Override
    public double[][] contributions(Matrix x) {
        double[][] parts = perRow(x, x.columns(), (n, weights, rows) -> chain.contributions((Denoiser) n, weights, rows));
        if (local == null) {
            return parts;
        }
        // The base contributions sum to the base score; the local chain runs once, for the peaks and the split.
        Matrix localErrors = squaredErrors(x);
        double[] baseScores = Arrays.stream(parts).mapToDouble(row -> Arrays.stream(row).sum()).toArray();
        double[] scores = LocalPeak.scores(baseScores, local.peaksOf(localErrors), localStatistics);
        for (int i = 0; i < parts.length; i++) {
            double rise = scores[i] - baseScores[i];
            double[] errors = localErrors.row(i);
            double total = Arrays.stream(errors).sum();
            for (int j = 0; rise > 0 && total > 0 && j < errors.length; j++) {
                parts[i][j] += rise * errors[j] / total;
            }
        }
        return parts;
    }

    @Override
    public String contributionMeaning() {
        String reconstruction = detector.reconstruction().score() == ReconstructionSettings.Score.CHAIN
                ? "after the reverse diffusion chain" : "of the one-step reconstruction from the noised row";
        return "The feature's part of the reconstruction error " + reconstruction + " (its squared "
                + "error in standardized units, divided by the number of features, when rec_t has one start)"
                + (local == null ? "" : "; the part of the score that the local term (local_t) adds, split by the "
                + "pixels' squared errors after its chain") + ": non-negative, and a row's contributions sum to its score.";
    }

    /** {@code width} values per row of {@code head} on the rows scaled as the model scales them (studies of the score). */
    Matrix evaluate(Matrix x, int width, dtad.torch.TrainedNetwork.Head head) {
        return whileOpen(() -> network().evaluate(standardize(x), width, head));
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        double[] scores = network().evaluate(standardized, (n, weights, rows) -> chain.scores((Denoiser) n, weights, rows));
        return local == null ? scores : LocalPeak.scores(scores, local.peaks(network(), standardized), localStatistics);
    }

    @Override
    public void writePayloads(PayloadWriter out) throws IOException {
        super.writePayloads(out);
        if (local != null) {
            out.doubles(LocalPeak.PAYLOAD, localStatistics.values());
        }
    }
}
