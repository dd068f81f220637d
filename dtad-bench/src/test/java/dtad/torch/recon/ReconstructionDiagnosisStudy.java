package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dtad.bench.protocol.AdbenchProtocol;
import dtad.bench.protocol.Setting;
import dtad.bench.protocol.Split;
import dtad.bench.runner.DatasetCatalog;
import dtad.data.Matrix;
import dtad.data.Standardizer;
import dtad.method.Methods;
import dtad.metrics.RankingMetrics;
import dtad.model.ModelFiles;
import dtad.torch.Tensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why does a reconstruction detector rank a data set's anomalies as it does (issue 20, DiT below chance on
 * CIFAR10_4)? Fits DDPM or DiT once (semi-supervised ADBench protocol; the model is saved to {@code MODEL_DIR}
 * and loaded from there on the next run, so one fit serves every question), printing the loss of every epoch,
 * then scores the same test rows many ways and prints the AUC-ROC (%) of each: trivial statistics of the scaled
 * rows (their squared norm, both signs), the reverse chain from several starts, the one-step score at several
 * times, the chain from the noised row, and the predicted noise's size on the clean rows. In the package of the
 * networks because the chains and the denoiser are package-private; a study to run by hand, not a test:
 *
 * <pre>
 * mvn -B -q -o package -DskipTests &amp;&amp; mvn -B -q -o test-compile -pl dtad-bench -am
 * java -Dai.djl.offline=true -cp dtad-bench/target/test-classes:dtad-cli/target/dtad.jar \
 *     dtad.torch.recon.ReconstructionDiagnosisStudy ../shared/datasets/adbench CIFAR10_4 0 DiT MODEL_DIR [key=value...]
 * </pre>
 */
public final class ReconstructionDiagnosisStudy {
    private static final List<Integer> STARTS = List.of(1, 10, 50, 250, 500);
    private static final List<Integer> ONE_STEP_STARTS = List.of(10, 50, 250, 500);
    private static final List<Integer> NOISE_TIMES = List.of(0, 49, 249, 499);

    private ReconstructionDiagnosisStudy() {
    }

    public static void main(String[] args) throws Exception {
        DatasetCatalog catalog = DatasetCatalog.scan(Path.of(args[0]));
        int seed = Integer.parseInt(args[2]);
        Split split = AdbenchProtocol.split(catalog.select(args[1]).get(0).load(), Setting.SEMI, seed);
        Path modelDir = Path.of(args[4]);
        Map<String, String> params = new LinkedHashMap<>();
        for (int a = 5; a < args.length; a++) {
            String[] kv = args[a].split("=", 2);
            params.put(kv[0], kv[1]);
        }
        params.put("seed", Integer.toString(seed));
        if (!Files.exists(modelDir)) {
            long t0 = System.nanoTime();
            try (var model = Methods.find(args[3]).configure(params).fit(split.train(),
                    (done, total, message) -> System.out.println("epoch " + done + " " + message))) {
                System.out.printf(Locale.ROOT, "fit_seconds %.1f%n", (System.nanoTime() - t0) / 1e9);
                ModelFiles.save(model, modelDir);
            }
        }
        int[] labels = split.testLabels();
        Matrix scaled = Standardizer.fit(split.train()).transform(split.test());
        double[] norms = new double[scaled.rows()];
        for (int r = 0; r < norms.length; r++) {
            for (double v : scaled.row(r)) {
                norms[r] += v * v;
            }
        }
        print("squared_norm", norms, labels);
        print("minus_squared_norm", negate(norms), labels);
        try (ReconstructionModel model = (ReconstructionModel) ModelFiles.load(modelDir)) {
            ReconstructionDetector detector = model.detector();
            ReconstructionSettings base = detector.reconstruction();
            long seedOfModel = detector.training().seed();
            perStart(model, split.test(), labels, norms, "chain", new ReverseChain(base.withStarts(STARTS)
                    .withScore(ReconstructionSettings.Score.CHAIN, 1), seedOfModel), STARTS);
            perStart(model, split.test(), labels, norms, "one_step", new ReverseChain(base.withStarts(ONE_STEP_STARTS)
                    .withScore(ReconstructionSettings.Score.ONE_STEP, 1), seedOfModel), ONE_STEP_STARTS);
            ReconstructionSettings noised = new ReconstructionSettings(base.steps(), List.of(50, 250), true, false, false);
            perStart(model, split.test(), labels, norms, "noise_first", new ReverseChain(noised, seedOfModel),
                    List.of(50, 250));
            // The predicted noise on the clean rows at a time t: its mean square, and its regression on the row
            // (<eps, x> / <x, x>: how much of the row the network takes for noise).
            for (int t : NOISE_TIMES) {
                Matrix m = model.evaluate(split.test(), 2, (network, weights, rows) -> {
                    Denoiser denoiser = (Denoiser) network;
                    NDArray condition = denoiser.conditioning(weights,
                            Tensors.floats(rows.getManager(), new float[] {t}, new Shape(1)));
                    NDArray eps = denoiser.predictNoise(weights, rows, condition, null);
                    NDArray size = eps.square().mean(new int[] {1});
                    NDArray along = eps.mul(rows).sum(new int[] {1}).div(rows.square().sum(new int[] {1}).add(1e-12f));
                    return NDArrays.stack(new NDList(size, along), 1);
                });
                double[] size = m.column(0);
                double[] along = m.column(1);
                print("eps_mean_square_t" + t, size, labels);
                System.out.printf(Locale.ROOT, "eps_mean_square_t%d normal_mean %.4g anomaly_mean %.4g%n", t,
                        mean(size, labels, 0), mean(size, labels, 1));
                System.out.printf(Locale.ROOT, "eps_on_row_t%d normal_mean %.4g anomaly_mean %.4g auc %.2f%n", t,
                        mean(along, labels, 0), mean(along, labels, 1), 100 * RankingMetrics.aucRoc(along, labels));
            }
        }
    }

    /** The AUC-ROC of each start's errors, their mean for normal rows and anomalies, and their rank correlation with the norm. */
    private static void perStart(ReconstructionModel model, Matrix test, int[] labels, double[] norms, String name,
                                 ReverseChain chain, List<Integer> starts) {
        long t0 = System.nanoTime();
        Matrix errors = model.evaluate(test, starts.size(), (network, weights, rows) ->
                chain.errors((Denoiser) network, weights, rows));
        System.out.printf(Locale.ROOT, "%s_seconds %.1f%n", name, (System.nanoTime() - t0) / 1e9);
        for (int s = 0; s < starts.size(); s++) {
            double[] column = errors.column(s);
            System.out.printf(Locale.ROOT, "%s_%d auc %.2f normal_mean %.4g anomaly_mean %.4g spearman_with_norm %.3f%n",
                    name, starts.get(s), 100 * RankingMetrics.aucRoc(column, labels), mean(column, labels, 0),
                    mean(column, labels, 1), spearman(column, norms));
        }
    }

    private static void print(String name, double[] scores, int[] labels) {
        System.out.printf(Locale.ROOT, "%s auc %.2f%n", name, 100 * RankingMetrics.aucRoc(scores, labels));
    }

    private static double[] negate(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = -x[i];
        }
        return out;
    }

    private static double mean(double[] x, int[] labels, int label) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (labels[i] == label) {
                sum += x[i];
                n++;
            }
        }
        return sum / n;
    }

    private static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += ra[i] / a.length;
            mb += rb[i] / a.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(x[i], x[j]));
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[order[i]] = i;
        }
        return r;
    }
}
