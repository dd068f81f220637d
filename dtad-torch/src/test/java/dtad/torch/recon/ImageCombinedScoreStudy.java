package dtad.torch.recon;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.image.ImageOptions;
import dtad.image.ImageShape;
import dtad.image.ImageSplit;
import dtad.image.MnistFiles;
import dtad.image.MvtecReader;
import dtad.image.PixelErrorMaps;
import dtad.method.Methods;
import dtad.metrics.PixelScores;
import dtad.metrics.RankingMetrics;
import dtad.model.ModelFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether one image score serves both kinds of image anomaly (an evaluation to run by hand, not a test): a
 * foreign class (Fashion-MNIST one-class), which the one-step score from strong noise finds, and a small defect
 * on a texture (MVTec-like folders), which the reverse chain from the image finds. Fits (or loads) an image
 * network, then writes every test image's error under each single term (chains and one-step starts, the same
 * saved network) to a CSV, and for MVTec-like data the pixel AUC-ROC of each term's map and of the geometric
 * means of {@code combos}. The image-level AUCs of combinations are computed from the CSV.
 * <pre>
 * java -cp (as for ImageScoreStudy) dtad.torch.recon.ImageCombinedScoreStudy data=fmnist:0 | data=DIR \
 *     model=DIR [method=ImageDiT] [testEvery=4] [combos=c50+o500+o800+o1000;...] [key=value ...detector parameters]
 * </pre>
 * Terms: {@code cS} the chain from the image at {@code rec_t=S}, {@code oS} one step from {@code S} (one draw).
 */
public final class ImageCombinedScoreStudy {
    private static final List<String> TERMS = List.of("c25", "c50", "c100", "o50", "o200", "o500", "o800", "o1000");

    private ImageCombinedScoreStudy() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>(Map.of("method", "ImageDiT", "testEvery", "1", "combos",
                "c50+o500+o800+o1000;c50+o1000;o500+o800+o1000", "terms", String.join(",", TERMS), "trainRows", "0"));
        Map<String, String> parameters = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            (options.containsKey(kv[0]) || kv[0].equals("data") || kv[0].equals("model") || kv[0].equals("out")
                    ? options : parameters).put(kv[0], kv[1]);
        }
        String data = options.get("data");
        ImageSplit split;
        Matrix masks = null;
        ImageShape shape;
        if (data.startsWith("fmnist:")) {
            ImageSplit fmnist = MnistFiles.readFashionMnist(MnistFiles.DEBIAN_FASHION_MNIST, ImageOptions.DEFAULT);
            split = ImageSplit.oneClass(fmnist, Integer.parseInt(data.substring("fmnist:".length())));
        } else {
            MvtecReader.Category category = MvtecReader.read(Path.of(data), ImageOptions.DEFAULT);
            split = category.split();
            masks = category.masks();
        }
        shape = split.train().shape();
        int every = Integer.parseInt(options.get("testEvery"));
        int[] testRows = java.util.stream.IntStream.range(0, split.test().size()).filter(i -> i % every == 0).toArray();
        // Training images (a sample, label -1 in the CSV) follow the test images: the statistics a score may learn.
        int trainRows = Integer.parseInt(options.getOrDefault("trainRows", "0"));
        int trainEvery = Math.max(1, split.train().size() / Math.max(1, trainRows));
        int[] trainSel = java.util.stream.IntStream.range(0, split.train().size()).filter(i -> i % trainEvery == 0)
                .limit(trainRows).toArray();
        Matrix test = split.test().pixels().selectRows(testRows);
        Matrix train = split.train().pixels().selectRows(trainSel);
        Map<String, double[]> trainErrors = new LinkedHashMap<>();
        int[] labels = java.util.Arrays.stream(testRows).map(i -> split.test().labels()[i]).toArray();
        Path modelDir = Path.of(options.get("model"));
        if (!Files.exists(modelDir)) {
            parameters.putIfAbsent("channels", Integer.toString(shape.channels()));
            parameters.putIfAbsent("height", Integer.toString(shape.height()));
            parameters.putIfAbsent("width", Integer.toString(shape.width()));
            Detector<?> detector = Methods.find(options.get("method")).configure(parameters);
            long s = System.nanoTime();
            try (var fitted = detector.fit(split.train().pixels())) {
                ModelFiles.save(fitted, modelDir);
            }
            System.out.printf(Locale.ROOT, "fit %.0f s%n", (System.nanoTime() - s) / 1e9);
        }
        List<String> terms = List.of(options.get("terms").split(","));
        Map<String, double[]> errors = new LinkedHashMap<>();
        Map<String, Matrix> maps = new LinkedHashMap<>();
        try (ReconstructionModel saved = (ReconstructionModel) ModelFiles.load(modelDir)) {
            Map<String, byte[]> bytes = new HashMap<>();
            saved.writePayloads(new ImageChainAuc.BytesOnly(bytes));
            for (String term : terms) {
                int start = Integer.parseInt(term.substring(1));
                ReconstructionSettings r = ReconstructionSettings.REFERENCE.withStarts(List.of(start));
                if (term.startsWith("o")) {
                    r = r.withScore(ReconstructionSettings.Score.ONE_STEP, 1);
                }
                ReconstructionDetector detector = ImageChainAuc.withSettings(saved.detector(), r);
                try (ReconstructionModel model = ReconstructionModel.load(detector, saved.trainingInfo(),
                        saved.trainingScores(), new ImageChainAuc.BytesOnly(bytes))) {
                    long s = System.nanoTime();
                    Matrix squares = model.squaredErrors(test);
                    double seconds = (System.nanoTime() - s) / 1e9;
                    double[] rowErrors = new double[test.rows()];
                    for (int i = 0; i < rowErrors.length; i++) {
                        double sum = 0;
                        for (double v : squares.row(i)) {
                            sum += v;
                        }
                        rowErrors[i] = sum / squares.columns();
                    }
                    errors.put(term, rowErrors);
                    Matrix map = PixelErrorMaps.of(squares, shape, PixelErrorMaps.sigmaFor(shape));
                    double[] peaks = new double[test.rows()];
                    for (int i = 0; i < peaks.length; i++) {
                        peaks[i] = java.util.Arrays.stream(map.row(i)).max().orElseThrow();
                    }
                    errors.put(term + "_max", peaks);
                    if (trainRows > 0) {
                        Matrix trainSquares = model.squaredErrors(train);
                        Matrix trainMap = PixelErrorMaps.of(trainSquares, shape, PixelErrorMaps.sigmaFor(shape));
                        double[] means = new double[train.rows()];
                        double[] maxima = new double[train.rows()];
                        for (int i = 0; i < means.length; i++) {
                            means[i] = java.util.Arrays.stream(trainSquares.row(i)).average().orElseThrow();
                            maxima[i] = java.util.Arrays.stream(trainMap.row(i)).max().orElseThrow();
                        }
                        trainErrors.put(term, means);
                        trainErrors.put(term + "_max", maxima);
                    }
                    String pixel = "";
                    if (masks != null) {
                        maps.put(term, map);
                        pixel = String.format(Locale.ROOT, " pixel AUC %.4f",
                                PixelScores.of(map, masks.selectRows(testRows), shape.height(), shape.width()).aucRoc());
                    }
                    System.out.printf(Locale.ROOT, "%s: image AUC %.4f%s (%.1f s, %.1f images/s)%n", term,
                            RankingMetrics.aucRoc(rowErrors, labels), pixel, seconds, test.rows() / seconds);
                }
            }
        }
        for (String combo : options.get("combos").split(";")) {
            List<String> parts = List.of(combo.split("\\+"));
            if (!terms.containsAll(parts)) {
                continue;
            }
            double[] score = geometricMean(parts.stream().map(errors::get).toList());
            String pixel = "";
            if (masks != null) {
                List<Matrix> partMaps = parts.stream().map(maps::get).toList();
                double[] values = new double[partMaps.get(0).values().length];
                for (int j = 0; j < values.length; j++) {
                    double logs = 0;
                    for (Matrix m : partMaps) {
                        logs += Math.log(Math.max(m.values()[j], 1e-30));
                    }
                    values[j] = Math.exp(logs / partMaps.size());
                }
                Matrix map = Matrix.wrap(test.rows(), shape.height() * shape.width(), values);
                pixel = String.format(Locale.ROOT, " pixel AUC %.4f",
                        PixelScores.of(map, masks.selectRows(testRows), shape.height(), shape.width()).aucRoc());
            }
            System.out.printf(Locale.ROOT, "%s: image AUC %.4f%s%n", combo, RankingMetrics.aucRoc(score, labels), pixel);
        }
        if (options.containsKey("out")) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(options.get("out"))))) {
                w.println("label," + String.join(",", errors.keySet()));
                for (int i = 0; i < test.rows(); i++) {
                    List<String> row = new ArrayList<>();
                    row.add(Integer.toString(labels[i]));
                    for (double[] e : errors.values()) {
                        row.add(Double.toString(e[i]));
                    }
                    w.println(String.join(",", row));
                }
                for (int i = 0; i < train.rows(); i++) {
                    List<String> row = new ArrayList<>();
                    row.add("-1");
                    for (double[] e : trainErrors.values()) {
                        row.add(Double.toString(e[i]));
                    }
                    w.println(String.join(",", row));
                }
            }
        }
    }

    private static double[] geometricMean(List<double[]> parts) {
        double[] mean = new double[parts.get(0).length];
        for (int i = 0; i < mean.length; i++) {
            double logs = 0;
            for (double[] p : parts) {
                logs += Math.log(Math.max(p[i], 1e-30));
            }
            mean[i] = Math.exp(logs / parts.size());
        }
        return mean;
    }
}
