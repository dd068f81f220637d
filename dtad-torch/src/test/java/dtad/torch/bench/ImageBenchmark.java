package dtad.torch.bench;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.image.ImageShape;
import dtad.method.Methods;
import dtad.torch.TorchEngine;
import dtad.torch.image.TestImages;
import java.util.Locale;
import java.util.Map;

/**
 * Measures an image detector at its defaults on generated 28x28 grey images (a benchmark to run by
 * hand, not a test): the training step (batch 64) and what it makes of a fit on 6,000 images, and
 * scoring throughput in images per second.
 *
 * <pre>
 * mvn -q -o test-compile -pl dtad-torch -am
 * mvn -q -o dependency:build-classpath -pl dtad-torch -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp dtad-torch/target/classes:dtad-torch/target/test-classes:dtad-core/target/classes:$(cat /tmp/cp.txt) \
 *     dtad.torch.bench.ImageBenchmark [ImageDDPM|ImageDiT|ImageDTE-C [trainRows (640) [epochs (3) [scoreRows (512)
 *     [side (28) [key=value]...]]]]]
 * </pre>
 * The arguments are positional, e.g. {@code ImageBenchmark ImageDDPM 1280 4 256 28 local_t=0}; the trailing
 * {@code key=value} parameters override defaults (e.g. {@code rec_t=5} for a quick look at a reconstruction
 * detector: its scoring cost is proportional to the passes per image). {@code -Dai.djl.pytorch.num_threads=2} gives
 * every step two intra-op threads.
 *
 * <p>The fit trains on {@code trainRows} images for {@code epochs} epochs (the first a warm-up); each later
 * epoch's time per step is a sample. A fit on 6,000 images at the default epochs is estimated as
 * {@code 6000/64} steps per epoch times the median step, plus scoring the 6,000 training images (a fitted
 * model keeps their scores). Scoring: {@code scoreRows} images after a warm-up block.
 */
public final class ImageBenchmark {
    private static final int BATCH = 64;
    private static final int CLASS_IMAGES = 6000;

    private ImageBenchmark() {
    }

    public static void main(String[] args) {
        String method = args.length > 0 ? args[0] : "ImageDDPM";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 640;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int scoreRows = args.length > 3 ? Integer.parseInt(args[3]) : 512;
        int side = args.length > 4 ? Integer.parseInt(args[4]) : 28;
        ImageShape shape = new ImageShape(1, side, side);
        Detector<?> defaults = Methods.find(method).defaults();
        int defaultEpochs = Integer.parseInt(Methods.find(method).format(defaults).get("epochs"));
        Map<String, String> parameters = new java.util.HashMap<>(Map.of("epochs", String.valueOf(epochs)));
        for (int i = 5; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            parameters.put(kv[0], kv[1]);
        }
        Detector<?> detector = Methods.find(method).configure(parameters);
        System.out.printf(Locale.ROOT, "%s defaults (%d epochs) on %s images, batch %d, %d intra-op thread(s), "
                + "%d cores, overrides %s%n", method, defaultEpochs, shape, BATCH, TorchEngine.threads(),
                Runtime.getRuntime().availableProcessors(), parameters);
        Matrix train = TestImages.normal(rows, shape, 1);
        StepTimer timer = new StepTimer(rows / BATCH, 1);
        long fitStart = System.nanoTime();
        try (DetectorModel model = detector.fit(train, timer)) {
            double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
            System.out.println(timer.summary());
            System.out.printf(Locale.ROOT, "fit of %d images x %d epochs incl. their training scores: %.1f s%n", rows,
                    epochs, fitSeconds);
            Matrix test = TestImages.mixed(scoreRows / 2, scoreRows - scoreRows / 2, shape, 2);
            model.score(test.rowRange(0, Math.min(256, scoreRows)));
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            model.score(test);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
            double rate = test.rows() / seconds;
            // On a shared machine the wall rate is what this run got; the process's CPU time is what scoring
            // costs (the blocks run in parallel, so the idle machine's rate is about cores / CPU per image).
            System.out.printf(Locale.ROOT, "scoring: %.1f images/s (%.2f s for %d images; %.2f ms of CPU per image, "
                    + "%.0f images per CPU second)%n", rate, seconds, test.rows(), 1000 * cpuSeconds / test.rows(),
                    test.rows() / cpuSeconds);
            double stepSeconds = timer.medianWallMillis() / 1000;
            double epochSeconds = stepSeconds * CLASS_IMAGES / BATCH;
            System.out.printf(Locale.ROOT, "estimate for one class of %d images: %.1f s per epoch, fit %.0f s "
                    + "(%d epochs %.0f s + training scores %.0f s)%n", CLASS_IMAGES, epochSeconds,
                    defaultEpochs * epochSeconds + CLASS_IMAGES / rate, defaultEpochs, defaultEpochs * epochSeconds,
                    CLASS_IMAGES / rate);
        }
    }
}
