package dtad.torch.recon;

import dtad.data.Matrix;
import dtad.image.ImageShape;
import dtad.image.PixelErrorMaps;
import dtad.torch.TrainedNetwork;
import java.util.Arrays;

/**
 * The local term of an image network's score ({@code local_t}): small defects, which the one-step score from strong
 * noise no longer sees, raise the score where the image's reconstruction error is locally higher than any training
 * image's.
 *
 * <p>The reverse chain from the image itself at {@code t = local_t - 1 .. 0} ({@link ReverseChain}) gives each image
 * a map of squared errors, smoothed as the anomaly maps are ({@link PixelErrorMaps}); its peak {@code p} (the log of
 * the map's maximum) is compared with the largest peak among the training images, {@code p_max}. With the base score
 * {@code b} (the one-step geometric mean),
 * <pre>
 *   log score = log b + r * max(0, p - p_max),    r = sd(log b) / sd(p) over the training images
 * </pre>
 * so an image whose peak stays within the training images' scores exactly as without the term, and one beyond it
 * rises by its excess in units of the base score's spread. The threshold is what keeps semantic anomalies intact:
 * the chain's error follows how much fine texture an image has, which ranks foreign classes below normal ones
 * (Fashion-MNIST class 0, chain from 25: AUC-ROC 0.41), and a plain combination of both terms cost 3 to 5 points
 * there (docs/benchmarks.md).
 *
 * <p>Cost: {@code local_t} network passes per image. Maps are computed in chunks of {@value #BLOCKS_PER_CHUNK} of the
 * network's blocks ({@link TrainedNetwork#blockRows}: whole blocks, which run in parallel), so that large images do
 * not hold every image's map at once.
 */
final class LocalPeak {
    /** The payload of the two statistics, {@code [p_max, r]}. */
    static final String PAYLOAD = "local_peak";
    private static final int BLOCKS_PER_CHUNK = 8;
    private static final double SMALLEST_ERROR = 1e-30;
    /** exp(700) is finite: no image's score overflows. */
    private static final double LARGEST_EXPONENT = 700;

    private final ImageShape shape;
    private final ReverseChain chain;

    LocalPeak(ReconstructionSettings settings, ImageShape shape) {
        this.shape = shape;
        this.chain = new ReverseChain(settings.localChain(), 0);
    }

    /** The largest training peak and the scale of the excess: {@code [p_max, r]}. */
    record Statistics(double threshold, double ratio) {
        static Statistics of(double[] values) {
            if (values.length != 2 || !Double.isFinite(values[0]) || !Double.isFinite(values[1]) || values[1] < 0) {
                throw new IllegalArgumentException("Invalid local peak statistics " + Arrays.toString(values));
            }
            return new Statistics(values[0], values[1]);
        }

        double[] values() {
            return new double[] {threshold, ratio};
        }
    }

    /** The statistics of the training images from their base scores and peaks ({@link #peaks}). */
    static Statistics statistics(double[] baseScores, double[] peaks) {
        double spread = deviation(logs(baseScores));
        double peakSpread = deviation(peaks);
        double threshold = Arrays.stream(peaks).max().orElseThrow();
        return new Statistics(threshold, peakSpread > 0 ? spread / peakSpread : 0);
    }

    /** Each image's score: its base score raised by its peak's excess over the training images'. */
    static double[] scores(double[] baseScores, double[] peaks, Statistics statistics) {
        double[] scores = new double[baseScores.length];
        for (int i = 0; i < scores.length; i++) {
            double excess = Math.max(0, peaks[i] - statistics.threshold());
            scores[i] = baseScores[i] * Math.exp(Math.min(LARGEST_EXPONENT, statistics.ratio() * excess));
        }
        return scores;
    }

    /** The peak of each standardized image: the log of its smoothed error map's maximum. */
    double[] peaks(TrainedNetwork network, Matrix standardized) {
        double[] peaks = new double[standardized.rows()];
        int chunk = BLOCKS_PER_CHUNK * TrainedNetwork.blockRows(standardized.columns());
        for (int from = 0; from < peaks.length; from += chunk) {
            int to = Math.min(peaks.length, from + chunk);
            double[] part = peaksOf(squaredErrors(network, standardized.rowRange(from, to)));
            System.arraycopy(part, 0, peaks, from, part.length);
        }
        return peaks;
    }

    /** The peak of each image from its chain's squared errors ({@link #squaredErrors}, one row per image). */
    double[] peaksOf(Matrix squaredErrors) {
        Matrix maps = PixelErrorMaps.of(squaredErrors, shape, PixelErrorMaps.sigmaFor(shape));
        int plane = maps.columns();
        double[] peaks = new double[maps.rows()];
        for (int i = 0; i < peaks.length; i++) {
            double peak = 0;
            for (int j = 0, o = i * plane; j < plane; j++, o++) {
                peak = Math.max(peak, maps.values()[o]);
            }
            peaks[i] = Math.log(Math.max(peak, SMALLEST_ERROR));
        }
        return peaks;
    }

    /** The chain's squared error of every value of every standardized image: the anomaly maps' source. */
    Matrix squaredErrors(TrainedNetwork network, Matrix standardized) {
        return network.evaluate(standardized, standardized.columns(),
                (n, weights, rows) -> chain.squaredErrors((Denoiser) n, weights, rows));
    }

    private static double[] logs(double[] values) {
        return Arrays.stream(values).map(v -> Math.log(Math.max(v, SMALLEST_ERROR))).toArray();
    }

    private static double deviation(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0));
    }
}
