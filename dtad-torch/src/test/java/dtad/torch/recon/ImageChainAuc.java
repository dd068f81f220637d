package dtad.torch.recon;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.image.ImageOptions;
import dtad.image.ImageSplit;
import dtad.image.MnistFiles;
import dtad.method.Methods;
import dtad.metrics.RankingMetrics;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * AUC-ROC of a reconstruction detector on Fashion-MNIST one-class for several reverse-chain starts from one
 * fit (an evaluation to run by hand, not a test): fits on the training images of class k, then scores a
 * seeded random sample of the test split (all classes) once per start of {@code starts}, with the same
 * network, and prints each start's AUC and images per second. The fit itself keeps training scores from the
 * one-step chain (rec_t 1 unless given), so that a fit costs about its epochs.
 *
 * <pre>
 * java -cp (as for ImageBenchmark) dtad.torch.recon.ImageChainAuc method=ImageDDPM classes=0,1,2 \
 *     testRows=2000 starts=5,10,25,50 seed=0 [key=value ...detector parameters]
 * </pre>
 */
public final class ImageChainAuc {
    private ImageChainAuc() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>(Map.of("method", "ImageDDPM", "classes", "0,1,2", "testRows",
                "2000", "starts", "5,10,25,50", "seed", "0", "trainRows", "0"));
        Map<String, String> parameters = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            (options.containsKey(kv[0]) ? options : parameters).put(kv[0], kv[1]);
        }
        String method = options.get("method");
        int seed = Integer.parseInt(options.get("seed"));
        List<Integer> starts = Arrays.stream(options.get("starts").split(",")).map(Integer::valueOf).toList();
        int testRows = Integer.parseInt(options.get("testRows"));
        parameters.put("seed", String.valueOf(seed));
        parameters.putIfAbsent("rec_t", "1");
        ImageSplit fmnist = MnistFiles.readFashionMnist(MnistFiles.DEBIAN_FASHION_MNIST, ImageOptions.DEFAULT);
        for (String c : options.get("classes").split(",")) {
            int k = Integer.parseInt(c);
            ImageSplit split = ImageSplit.oneClass(fmnist, k);
            int trainRows = Integer.parseInt(options.get("trainRows"));
            Matrix train = trainRows > 0
                    ? split.train().pixels().selectRows(sample(split.train().size(), trainRows, seed + 1))
                    : split.train().pixels();
            int[] sample = sample(split.test().size(), testRows, seed);
            Matrix test = split.test().pixels().selectRows(sample);
            int[] labels = new int[sample.length];
            for (int i = 0; i < sample.length; i++) {
                labels[i] = split.test().labels()[sample[i]];
            }
            Detector<?> detector = Methods.find(method).configure(parameters);
            long fitStart = System.nanoTime();
            try (ReconstructionModel fitted = (ReconstructionModel) detector.fit(train)) {
                double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
                Map<String, byte[]> bytes = new HashMap<>();
                fitted.writePayloads(new BytesOnly(bytes));
                ReconstructionDetector base = (ReconstructionDetector) fitted.detector();
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "%s class %d seed %d %s: fit %.0f s (its training scores at rec_t %s);", method, k, seed,
                        parameters, fitSeconds, parameters.get("rec_t")));
                for (int start : starts) {
                    ReconstructionDetector withStart = withStarts(base, List.of(start));
                    try (ReconstructionModel model = ReconstructionModel.load(withStart, fitted.trainingInfo(),
                            fitted.trainingScores(), new BytesOnly(bytes))) {
                        long s = System.nanoTime();
                        double[] scores = model.score(test);
                        double rate = test.rows() / ((System.nanoTime() - s) / 1e9);
                        line.append(String.format(Locale.ROOT, " rec_t %d: AUC %.4f (%.0f img/s);", start,
                                RankingMetrics.aucRoc(scores, labels), rate));
                    }
                }
                System.out.println(line);
            }
        }
    }

    private static ReconstructionDetector withStarts(ReconstructionDetector d, List<Integer> starts) {
        return withSettings(d, d.reconstruction().withStarts(starts));
    }

    /** {@code d} scoring by {@code r}. */
    static ReconstructionDetector withSettings(ReconstructionDetector d, ReconstructionSettings r) {
        if (d instanceof ImageDDPM u) {
            return new ImageDDPM(r, u.image(), u.base(), u.multipliers(), u.timeDim(), u.crop(), u.training(), u.earlyStop());
        }
        ImageDiT t = (ImageDiT) d;
        return new ImageDiT(r, t.image(), t.patch(), t.hidden(), t.depth(), t.heads(), t.mlpRatio(), t.timeDim(),
                t.training(), t.earlyStop());
    }

    /** {@code m} of {@code 0..n-1}, seeded, in increasing order. */
    private static int[] sample(int n, int m, long seed) {
        if (m >= n) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, new java.util.Random(new SplittableRandom(seed).nextLong()));
        return all.subList(0, m).stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Keeps a model's byte payloads in memory (the parameters), for loading it again under other settings. */
    record BytesOnly(Map<String, byte[]> bytes) implements PayloadWriter, PayloadReader {
        @Override
        public void matrix(String name, Matrix value) {
        }

        @Override
        public void doubles(String name, double[] value) {
        }

        @Override
        public void ints(String name, int[] value) {
        }

        @Override
        public void bytes(String name, byte[] value) {
            bytes.put(name, value);
        }

        @Override
        public Matrix matrix(String name) {
            throw new UnsupportedOperationException(name);
        }

        @Override
        public double[] doubles(String name) {
            throw new UnsupportedOperationException(name);
        }

        @Override
        public int[] ints(String name) {
            throw new UnsupportedOperationException(name);
        }

        @Override
        public byte[] bytes(String name) {
            return bytes.get(name);
        }
    }
}
