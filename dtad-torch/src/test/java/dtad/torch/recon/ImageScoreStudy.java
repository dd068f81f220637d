package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.diffusion.NoiseSchedule;
import dtad.image.ImageOptions;
import dtad.image.ImageSplit;
import dtad.image.MnistFiles;
import dtad.method.Methods;
import dtad.model.ModelFiles;
import dtad.torch.Tensors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which score of an image reconstruction detector separates Fashion-MNIST classes (an evaluation to run by
 * hand, not a test): fits (or loads) one model per class, then writes, for a sample of the test split and of
 * the class's training images, every image's error under many scores from the SAME network: the noise
 * prediction error {@code mean (eps_theta(x_t, t) - eps)^2} at several {@code t} and noise draws (the
 * one-step reconstruction error of {@code x0} is this times {@code (1 - alphaBar_t) / alphaBar_t}), a few
 * deterministic DDIM reconstructions from a noised start, and the image's energy {@code mean x^2}. The AUCs
 * of the variants and their combinations are computed from that CSV.
 *
 * <pre>
 * java -cp (as for ReconstructionBenchmark) dtad.torch.recon.ImageScoreStudy method=ImageDiT classes=0,1,3,5 \
 *     dir=/work/runs/img-score testEvery=4 trainRows=1000 [key=value ...detector parameters]
 * </pre>
 */
public final class ImageScoreStudy {
    static final int[] TIMES = {100, 300, 500, 600, 700, 800, 900, 999};
    static final int DRAWS = 2;
    static final int[] DDIM_STARTS = {};
    static final int DDIM_STEPS = 5;

    private ImageScoreStudy() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>(Map.of("method", "ImageDiT", "classes", "0,1,3,5",
                "dir", "/work/runs/img-score", "testEvery", "4", "trainRows", "1000", "seed", "0"));
        Map<String, String> parameters = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            (options.containsKey(kv[0]) ? options : parameters).put(kv[0], kv[1]);
        }
        String method = options.get("method");
        parameters.put("seed", options.get("seed"));
        parameters.putIfAbsent("rec_t", "1");
        Path dir = Path.of(options.get("dir"));
        int every = Integer.parseInt(options.get("testEvery"));
        int trainRows = Integer.parseInt(options.get("trainRows"));
        ImageSplit fmnist = MnistFiles.readFashionMnist(MnistFiles.DEBIAN_FASHION_MNIST, ImageOptions.DEFAULT);
        for (String c : options.get("classes").split(",")) {
            int k = Integer.parseInt(c);
            ImageSplit split = ImageSplit.oneClass(fmnist, k);
            Path modelDir = dir.resolve("models").resolve(method + "-" + k + "-s" + options.get("seed"));
            if (!Files.exists(modelDir)) {
                Detector<?> detector = Methods.find(method).configure(parameters);
                long s = System.nanoTime();
                try (var fitted = detector.fit(split.train().pixels())) {
                    ModelFiles.save(fitted, modelDir);
                }
                System.out.printf(Locale.ROOT, "%s class %d: fit %.0f s%n", method, k, (System.nanoTime() - s) / 1e9);
            }
            try (ReconstructionModel model = (ReconstructionModel) ModelFiles.load(modelDir)) {
                int[] testRows = java.util.stream.IntStream.range(0, split.test().size()).filter(i -> i % every == 0)
                        .toArray();
                int trainEvery = Math.max(1, split.train().size() / trainRows);
                int[] trainSel = java.util.stream.IntStream.range(0, split.train().size())
                        .filter(i -> i % trainEvery == 0).limit(trainRows).toArray();
                Matrix test = split.test().pixels().selectRows(testRows);
                Matrix train = split.train().pixels().selectRows(trainSel);
                List<String> names = columnNames();
                long s = System.nanoTime();
                Matrix testErrors = errors(model, test, names.size());
                double seconds = (System.nanoTime() - s) / 1e9;
                Matrix trainErrors = errors(model, train, names.size());
                System.out.printf(Locale.ROOT, "%s class %d: %d test images x %d passes in %.0f s%n", method, k,
                        test.rows(), passes(), seconds);
                Path out = dir.resolve("study-" + method + "-" + k + "-s" + options.get("seed") + ".csv");
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
                    w.println("split,label," + String.join(",", names));
                    for (int i = 0; i < test.rows(); i++) {
                        w.print("test," + split.test().labels()[testRows[i]]);
                        for (double v : testErrors.row(i)) {
                            w.print("," + v);
                        }
                        w.println();
                    }
                    for (int i = 0; i < train.rows(); i++) {
                        w.print("train,0");
                        for (double v : trainErrors.row(i)) {
                            w.print("," + v);
                        }
                        w.println();
                    }
                }
            }
        }
    }

    static int passes() {
        return TIMES.length * DRAWS + DDIM_STARTS.length * DDIM_STEPS;
    }

    static List<String> columnNames() {
        List<String> names = new ArrayList<>();
        names.add("energy");
        for (int t : TIMES) {
            for (int r = 0; r < DRAWS; r++) {
                names.add("eps_t" + t + "_d" + r);
            }
        }
        for (int s : DDIM_STARTS) {
            names.add("ddim_s" + s);
        }
        return names;
    }

    private static Matrix errors(ReconstructionModel model, Matrix images, int width) {
        NoiseSchedule schedule = NoiseSchedule.linear(model.detector().reconstruction().steps());
        return model.evaluate(images, width, (network, weights, rows) -> {
            Denoiser denoiser = (Denoiser) network;
            NDManager block = rows.getManager();
            int n = Math.toIntExact(rows.getShape().get(0));
            int d = Math.toIntExact(rows.getShape().get(1));
            float[] values = rows.toFloatArray();
            SplittableRandom[] streams = new SplittableRandom[n];
            for (int r = 0; r < n; r++) {
                long h = 17;
                for (int j = 0; j < d; j++) {
                    h = (h ^ Float.floatToIntBits(values[r * d + j])) * 0x9E3779B97F4A7C15L;
                    h ^= h >>> 31;
                }
                streams[r] = new SplittableRandom(h);
            }
            NDList columns = new NDList();
            columns.add(rows.square().mean(new int[] {1}));
            for (int t : TIMES) {
                float a = (float) Math.sqrt(schedule.alphaBar(t));
                float b = (float) Math.sqrt(1 - schedule.alphaBar(t));
                NDArray condition = denoiser.conditioning(weights, Tensors.floats(block, new float[] {t}, new Shape(1)));
                for (int draw = 0; draw < DRAWS; draw++) {
                    // Each pass's temporaries are freed with the pass, not kept until the block ends.
                    try (NDManager pass = block.newSubManager()) {
                        NDArray eps = gaussian(pass, streams, n, d);
                        NDArray xt = eps.mul(b);
                        NDArray signal = rows.mul(a);
                        signal.attach(pass);
                        xt = xt.add(signal);
                        condition.attach(pass);
                        NDArray predicted = denoiser.predictNoise(weights, xt, condition, null);
                        NDArray error = predicted.sub(eps).square().mean(new int[] {1});
                        error.attach(block);
                        condition.attach(block);
                        columns.add(error);
                    }
                }
            }
            for (int s : DDIM_STARTS) {
                NDArray eps0 = gaussian(block, streams, n, d);
                int t = s - 1;
                NDArray x = rows.mul((float) Math.sqrt(schedule.alphaBar(t)))
                        .add(eps0.mul((float) Math.sqrt(1 - schedule.alphaBar(t))));
                NDArray x0 = null;
                for (int i = 0; i < DDIM_STEPS; i++) {
                    int ti = Math.round((float) s * (DDIM_STEPS - i) / DDIM_STEPS) - 1;
                    float a = (float) Math.sqrt(schedule.alphaBar(ti));
                    float b = (float) Math.sqrt(1 - schedule.alphaBar(ti));
                    NDArray condition = denoiser.conditioning(weights,
                            Tensors.floats(block, new float[] {ti}, new Shape(1)));
                    NDArray predicted = denoiser.predictNoise(weights, x, condition, null);
                    x0 = x.sub(predicted.mul(b)).div(a);
                    if (i + 1 < DDIM_STEPS) {
                        int next = Math.round((float) s * (DDIM_STEPS - i - 1) / DDIM_STEPS) - 1;
                        x = x0.mul((float) Math.sqrt(schedule.alphaBar(next)))
                                .add(predicted.mul((float) Math.sqrt(1 - schedule.alphaBar(next))));
                    }
                }
                columns.add(x0.sub(rows).square().mean(new int[] {1}));
            }
            return ai.djl.ndarray.NDArrays.stack(columns, 1);
        });
    }

    private static NDArray gaussian(NDManager manager, SplittableRandom[] streams, int n, int d) {
        float[] values = new float[n * d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                values[r * d + j] = (float) streams[r].nextGaussian();
            }
        }
        return Tensors.floats(manager, values, new Shape(n, d));
    }
}
