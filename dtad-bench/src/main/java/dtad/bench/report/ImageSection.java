package dtad.bench.report;

import dtad.bench.report.Document.Figures;
import dtad.bench.report.Document.Paragraph;
import dtad.bench.report.Document.Section;
import dtad.image.AnomalyMapWriter;
import dtad.image.ImageSet;
import dtad.metrics.PixelScores;
import dtad.metrics.RankingMetrics;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The report's image section: per detector, its image-level AUC-ROC, pixel-level AUC-ROC and PRO (when the
 * test images hold both classes and the masks defect pixels), and its {@code k} highest-scored test images,
 * each drawn as the heatmap of its anomaly map ({@link AnomalyMapWriter#render}, one colour range per
 * detector) beside its ground-truth mask (white = defect), enlarged alike.
 */
final class ImageSection {
    /** Pixels between the heatmap and the mask. */
    private static final int GAP = 8;

    static {
        Headless.ensure();
    }

    private ImageSection() {
    }

    /** The section for these detectors' results, showing the top {@code k} images of each. */
    static Section of(List<ImageResults> results, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Invalid number of images to show: " + k);
        }
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("Per detector, the " + k + " highest-scored test images: the anomaly map over "
                + "the image (viridis, one colour range per detector, its minimum and maximum on the scale) beside "
                + "the ground-truth mask (white = defect)."));
        for (ImageResults r : results) {
            blocks.add(new Paragraph("**" + r.detector() + "**: " + metrics(r)));
            blocks.add(new Figures(topImages(r, k)));
        }
        return new Section("images", "Anomaly maps", blocks);
    }

    private static String metrics(ImageResults r) {
        int[] labels = r.test().labels();
        boolean bothClasses = labels != null && IntStream.of(labels).distinct().count() == 2;
        if (!bothClasses) {
            return "no metrics (the test images need labels of both classes).";
        }
        String text = String.format(Locale.ROOT, "image AUC-ROC %.3f", RankingMetrics.aucRoc(r.scores(), labels));
        PixelScores pixels = PixelScores.of(r.maps(), r.masks(), r.test().shape().height(), r.test().shape().width());
        if (pixels.regions() > 0) {
            text += String.format(Locale.ROOT, ", pixel AUC-ROC %.3f, PRO (FPR up to 0.3) %.3f over %d defect regions",
                    pixels.aucRoc(), pixels.pro(), pixels.regions());
        }
        return text + ".";
    }

    private static List<Plot> topImages(ImageResults r, int k) {
        ImageSet test = r.test();
        AnomalyMapWriter.Range range = AnomalyMapWriter.Range.of(r.maps().values());
        int[] order = IntStream.range(0, test.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -r.scores()[i]).thenComparing(i -> i))
                .mapToInt(Integer::intValue).limit(k).toArray();
        List<Plot> plots = new ArrayList<>();
        for (int rank = 0; rank < order.length; rank++) {
            int i = order[rank];
            BufferedImage picture = enlarged(picture(r, i, range), Png.SCALE);
            String what = test.hasClasses() ? test.classNames().get(test.classes()[i])
                    : test.hasLabels() ? (test.labels()[i] == 1 ? "anomaly" : "normal") : "unlabelled";
            String name = "image-" + fileSafe(r.detector()) + "-" + (rank + 1);
            String caption = String.format(Locale.ROOT, "Score %.4g; %s; %s.", r.scores()[i], what,
                    test.files() == null ? "image " + i : test.files().get(i).getFileName().toString());
            plots.add(new Plot(name, r.detector() + " #" + (rank + 1), caption,
                    picture.getWidth() / Png.SCALE, picture.getHeight() / Png.SCALE, Png.encode(picture)));
        }
        return plots;
    }

    /** The heatmap of image {@code i}, then its mask at the same enlargement, on white. */
    static BufferedImage picture(ImageResults r, int i, AnomalyMapWriter.Range range) {
        ImageSet test = r.test();
        int h = test.shape().height();
        int w = test.shape().width();
        BufferedImage heatmap = AnomalyMapWriter.render(test.shape(), test.pixels().values(), test.pixels().offset(i),
                r.maps().values(), r.maps().offset(i), range);
        int scale = Math.max(1, (AnomalyMapWriter.MIN_DISPLAY + Math.max(h, w) - 1) / Math.max(h, w));
        BufferedImage out = new BufferedImage(heatmap.getWidth() + GAP + w * scale,
                Math.max(heatmap.getHeight(), h * scale), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, x < heatmap.getWidth() && y < heatmap.getHeight() ? heatmap.getRGB(x, y) : 0xFFFFFF);
            }
        }
        double[] mask = r.masks().values();
        int offset = r.masks().offset(i);
        int left = heatmap.getWidth() + GAP;
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                double v = Math.max(0, Math.min(1, mask[offset + (y / scale) * w + x / scale]));
                int g = (int) Math.round(255 * v);
                out.setRGB(left + x, y, g << 16 | g << 8 | g);
            }
        }
        return out;
    }

    /** The image enlarged {@code factor} times by repeating pixels, as {@link Plot} wants its PNGs. */
    private static BufferedImage enlarged(BufferedImage image, int factor) {
        BufferedImage out = new BufferedImage(image.getWidth() * factor, image.getHeight() * factor,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, image.getRGB(x / factor, y / factor));
            }
        }
        return out;
    }

    /** The detector name in a file name: letters, digits, '-' and '_' kept, anything else '_'. */
    private static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
