package dtad.torch.recon;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.TestData;
import dtad.torch.NetworkParameters;
import dtad.torch.TorchEngine;
import dtad.torch.TrainingSettings;
import dtad.torch.bench.StepTimer;
import dtad.torch.dte.CategoricalDTE;
import java.util.List;
import java.util.Locale;

/**
 * Measures the training step and the scoring throughput of DDPM and DiT at their defaults, and DTE-C's
 * scoring on the same rows for the inference gap (a benchmark to run by hand, not a test).
 *
 * <pre>
 * mvn -q -o test-compile -pl dtad-torch
 * mvn -q -o dependency:build-classpath -pl dtad-torch -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp dtad-torch/target/classes:dtad-torch/target/test-classes:$(cat /tmp/cp.txt) \
 *     dtad.torch.recon.ReconstructionBenchmark [features=50] [epochs=6] [method=DDPM|DiT] [scoreRows=2048] \
 *     [trainRows=6400] [rec_t=50]
 * </pre>
 *
 * <p><b>Training.</b> One fit on 6400 Gaussian rows (100 steps of batch 64 per epoch, early stop off;
 * fewer for DiT, whose fit ends with the training rows' chain, which is slow);
 * after one warm-up epoch each epoch's time over its 100 steps is a sample: median and best, wall time
 * and the training thread's CPU time (the machine may be shared).
 *
 * <p><b>Scoring.</b> {@code scoreRows} rows through the default chain (rec_t = 50), rows per second, with
 * the default parallel blocks; then DTE-C (3 epochs, its scoring does not depend on training) on the
 * same rows, and the ratio.
 */
public final class ReconstructionBenchmark {
    private static final int BATCH = 64;

    private ReconstructionBenchmark() {
    }

    public static void main(String[] args) {
        int features = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        String method = args.length > 2 ? args[2] : "DDPM";
        int scoreRows = args.length > 3 ? Integer.parseInt(args[3]) : 2048;
        int rows = args.length > 4 ? Integer.parseInt(args[4]) : 6400;
        ReconstructionSettings chain = args.length > 5
                ? ReconstructionSettings.DEFAULT.withStarts(List.of(Integer.parseInt(args[5])))
                : ReconstructionSettings.DEFAULT;
        System.out.printf(Locale.ROOT, "%s defaults, d=%d, batch %d, %d intra-op thread(s), %d cores%n", method,
                features, BATCH, TorchEngine.threads(), Runtime.getRuntime().availableProcessors());
        TrainingSettings training = ReconstructionParameters.TRAINING.withEpochs(epochs);
        ReconstructionDetector detector;
        if (method.equals("DiT")) {
            detector = training.setIn(chain.setIn(DiT.builder())).set(ReconstructionParameters.EARLY_STOP, false)
                    .build();
        } else {
            detector = training.setIn(chain.setIn(DDPM.builder())).set(ReconstructionParameters.EARLY_STOP, false)
                    .build();
        }
        int steps = rows / BATCH;
        Matrix train = TestData.gaussian(rows, features, 1, 0);
        long fitStart = System.nanoTime();
        StepTimer timer = new StepTimer(steps, 1);
        try (ReconstructionModel model = detector.fit(train, timer)) {
            System.out.println(timer.summary());
            System.out.printf(Locale.ROOT, "fit incl. training scores of %d rows: %.1f s%n", rows,
                    (System.nanoTime() - fitStart) / 1e9);
            Matrix test = TestData.gaussian(scoreRows, features, 2, 0);
            model.score(test.rowRange(0, 256));
            long start = System.nanoTime();
            model.score(test);
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = test.rows() / seconds;
            System.out.printf(Locale.ROOT, "%s scoring (rec_t %s): %.1f rows/s (%.2f s for %d rows)%n", method,
                    detector.reconstruction().starts(), rate, seconds, test.rows());
            try (DetectorModel dte = CategoricalDTE.builder().set(NetworkParameters.EPOCHS, 3).build()
                    .fit(train.rowRange(0, 640))) {
                dte.score(test.rowRange(0, 256));
                long s = System.nanoTime();
                for (int r = 0; r < 5; r++) {
                    dte.score(test);
                }
                double dteRate = 5 * test.rows() / ((System.nanoTime() - s) / 1e9);
                System.out.printf(Locale.ROOT, "DTE-C scoring: %.0f rows/s, %.0fx faster than %s%n", dteRate,
                        dteRate / rate, method);
            }
        }
    }

}
