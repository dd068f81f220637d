package dtad.torch.bench;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.detect.Explainable;
import dtad.image.ImageShape;
import dtad.method.Methods;
import dtad.torch.IntegratedGradients;
import dtad.torch.KnownColumns;
import dtad.torch.TorchEngine;
import dtad.torch.image.TestImages;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Measures what an explanation ({@link Explainable#contributions}) costs per row against scoring the
 * same rows, for every network model (a benchmark to run by hand, not a test).
 *
 * <pre>
 * mvn -q -o test-compile -pl dtad-torch
 * mvn -q -o dependency:build-classpath -pl dtad-torch -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp dtad-torch/target/classes:dtad-torch/target/test-classes:$(cat /tmp/cp.txt) \
 *     dtad.torch.bench.ExplanationBenchmark [rows=2000] [images=200]
 * </pre>
 *
 * <p>Tabular networks at their default architecture and scoring (DDPM and DiT: rec_t = 50), fitted for a
 * few epochs (the cost of scoring and explaining does not depend on training) on {@code rows} rows of
 * {@link KnownColumns} (20 features); scored and explained on {@code rows} other rows. Image networks
 * at their defaults on {@code images} 1x32x32 bar images ({@link TestImages}). Each is timed three times
 * after a warm-up (each time repeated for at least a second), with the default parallel blocks; the best
 * wall time and the best CPU time of the process (all threads) count: on a shared machine the CPU
 * time is the steadier measure of the cost.
 * For the DTE networks (integrated gradients) it also prints how far each row's contributions sum from
 * {@code score(row) - score(training mean)}, relative to that difference, on 100 anomalies.
 *
 * <p>Measured 2026-12-05 on a 2-core AMD EPYC shared with other builds (load 20-38), process CPU time per row,
 * explanation / scoring: DTE-C 9.2, DTE-IG 9.0, DTE-G 6.9 (2000 rows); DDPM 1.00, DiT 0.99 (512 rows);
 * ImageDTE-C 25 (200 images 1x32x32: libtorch's convolution backward costs far more than its forward).
 */
public final class ExplanationBenchmark {
    /** The JVM's CPU time over all its threads (the parallel blocks run on the common pool). */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ExplanationBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        System.out.printf(Locale.ROOT, "%d path points per row (integrated gradients), %d intra-op thread(s), %d cores%n",
                IntegratedGradients.STEPS, TorchEngine.threads(),
                Runtime.getRuntime().availableProcessors());
        Matrix train = KnownColumns.normal(rows, 1);
        Matrix test = KnownColumns.normal(rows, 3);
        Matrix anomalies = KnownColumns.anomalies(100, 2);
        Map<String, Map<String, String>> tabular = new LinkedHashMap<>();
        tabular.put("DTE-C", Map.of("epochs", "5"));
        tabular.put("DTE-IG", Map.of("epochs", "5"));
        tabular.put("DTE-G", Map.of("epochs", "5"));
        tabular.put("DDPM", Map.of("epochs", "2"));
        tabular.put("DiT", Map.of("epochs", "1"));
        String only = System.getProperty("methods");
        for (Map.Entry<String, Map<String, String>> e : tabular.entrySet()) {
            if (only == null || Arrays.asList(only.split(",")).contains(e.getKey())) {
                measure(e.getKey(), e.getValue(), train, test, e.getKey().startsWith("DTE") ? anomalies : null);
            }
        }
        ImageShape shape = new ImageShape(1, 32, 32);
        Matrix imageTrain = TestImages.normal(images, shape, 1);
        Matrix imageTest = TestImages.mixed(images / 2, images / 2, shape, 2);
        for (String method : new String[] {"ImageDTE-C", "ImageDDPM", "ImageDiT"}) {
            if (only == null || Arrays.asList(only.split(",")).contains(method)) {
                measure(method, Map.of("epochs", "1"), imageTrain, imageTest, null);
            }
        }
    }

    private static void measure(String method, Map<String, String> parameters, Matrix train, Matrix test,
                                Matrix anomalies) {
        Detector<?> detector = (Detector<?>) Methods.find(method).configure(parameters);
        try (DetectorModel model = detector.fit(train)) {
            Explainable explainable = (Explainable) model;
            model.score(test);
            explainable.contributions(test);
            double[] score = {Double.MAX_VALUE, Double.MAX_VALUE};
            double[] explain = {Double.MAX_VALUE, Double.MAX_VALUE};
            for (int round = 0; round < 3; round++) {
                score = best(score, perRow(() -> model.score(test), test.rows()));
                explain = best(explain, perRow(() -> explainable.contributions(test), test.rows()));
            }
            System.out.printf(Locale.ROOT, "%-10s %d rows x %d: wall: score %.1f us/row, explain %.1f us/row, ratio %.2f;"
                            + " process CPU: score %.1f us/row, explain %.1f us/row, ratio %.2f%s%n",
                    method, test.rows(), test.columns(), score[0], explain[0], explain[0] / score[0], score[1],
                    explain[1], explain[1] / score[1], anomalies == null ? "" : completeness(model, anomalies));
        }
    }

    /**
     * Wall and process CPU microseconds per row of {@code call}, repeated until a second has passed (the
     * process CPU clock ticks in milliseconds).
     */
    private static double[] perRow(Runnable call, int rows) {
        long cpu = CPU.getProcessCpuTime();
        long start = System.nanoTime();
        int calls = 0;
        do {
            call.run();
            calls++;
        } while (System.nanoTime() - start < 1_000_000_000L);
        long perCall = (long) calls * rows;
        return new double[] {(System.nanoTime() - start) / 1e3 / perCall, (CPU.getProcessCpuTime() - cpu) / 1e3 / perCall};
    }

    private static double[] best(double[] a, double[] b) {
        return new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1])};
    }

    /** The median and the largest relative completeness gap of integrated gradients on {@code rows}. */
    private static String completeness(DetectorModel model, Matrix rows) {
        double[][] contributions = ((Explainable) model).contributions(rows);
        double[] scores = model.score(rows);
        double base = model.score(Matrix.wrap(1, rows.columns(), model.trainingInfo().scaler().means()))[0];
        double[] gaps = new double[rows.rows()];
        for (int r = 0; r < gaps.length; r++) {
            double sum = Arrays.stream(contributions[r]).sum();
            gaps[r] = Math.abs(sum - (scores[r] - base)) / Math.abs(scores[r] - base);
        }
        Arrays.sort(gaps);
        return String.format(Locale.ROOT, "; completeness gap median %.4f, max %.4f; top-3 hit rate %.2f",
                gaps[gaps.length / 2], gaps[gaps.length - 1],
                KnownColumns.topHitRate(contributions, KnownColumns.COLUMNS));
    }
}
