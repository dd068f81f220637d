package dtad.torch.recon;

import dtad.data.Matrix;
import dtad.image.ImageOptions;
import dtad.image.ImageSplit;
import dtad.image.MnistFiles;
import dtad.metrics.RankingMetrics;
import dtad.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The AUC-ROC and the scoring speed of saved Fashion-MNIST one-class models ({@link ImageScoreStudy}'s) under the
 * image networks' default score, {@link ReconstructionSettings#IMAGES}, on the whole test split (an evaluation to
 * run by hand):
 * <pre>
 * java -cp (as for ImageScoreStudy) dtad.torch.recon.ImageDefaultScore /work/runs/img-score/models/ImageDiT-0-s0 0 ...
 * </pre>
 * (pairs of a model directory and its normal class). {@code -Dchain=5} scores by the former default instead, the
 * reverse chain from the clean image at {@code rec_t=5}; {@code -Ddraws=1} averages that many noise draws per start instead of the default's;
 * {@code -Dsmooth=S} blurs each residual by S pixels instead of the default's (0: no blur).
 */
public final class ImageDefaultScore {
    private ImageDefaultScore() {
    }

    public static void main(String[] args) throws IOException {
        ImageSplit fmnist = MnistFiles.readFashionMnist(MnistFiles.DEBIAN_FASHION_MNIST, ImageOptions.DEFAULT);
        for (int a = 0; a + 1 < args.length; a += 2) {
            int k = Integer.parseInt(args[a + 1]);
            ImageSplit split = ImageSplit.oneClass(fmnist, k);
            Matrix test = split.test().pixels();
            try (ReconstructionModel saved = (ReconstructionModel) ModelFiles.load(Path.of(args[a]))) {
                Map<String, byte[]> bytes = new HashMap<>();
                saved.writePayloads(new ImageChainAuc.BytesOnly(bytes));
                String chain = System.getProperty("chain");
                int draws = Integer.getInteger("draws", ReconstructionSettings.IMAGES.draws());
                double smooth = Double.parseDouble(System.getProperty("smooth",
                        Double.toString(ReconstructionSettings.IMAGES.smooth())));
                ReconstructionDetector detector = ImageChainAuc.withSettings(saved.detector(), chain == null
                        ? ReconstructionSettings.IMAGES.withScore(ReconstructionSettings.Score.ONE_STEP, draws).withLocalStart(0)
                                .withSmoothing(smooth)
                        : ReconstructionSettings.DEFAULT.withStarts(java.util.List.of(Integer.parseInt(chain))));
                try (ReconstructionModel model = ReconstructionModel.load(detector, saved.trainingInfo(),
                        saved.trainingScores(), new ImageChainAuc.BytesOnly(bytes))) {
                    long s = System.nanoTime();
                    double[] scores = model.score(test);
                    double seconds = (System.nanoTime() - s) / 1e9;
                    System.out.printf(Locale.ROOT, "%s %s class %d: AUC-ROC %.4f on %d test images, %.1f s, %.0f images/s%n",
                            detector.method(), chain == null ? "default, " + draws + " draws, smooth " + smooth : "chain " + chain, k, RankingMetrics.aucRoc(scores, split.test().labels()), test.rows(),
                            seconds, test.rows() / seconds);
                }
            }
        }
    }
}
