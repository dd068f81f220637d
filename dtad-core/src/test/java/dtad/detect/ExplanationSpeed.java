package dtad.detect;

import dtad.classical.COPOD;
import dtad.classical.ECOD;
import dtad.classical.HBOS;
import dtad.classical.IsolationForest;
import dtad.classical.KNN;
import dtad.classical.LOF;
import dtad.classical.OneClassSvm;
import dtad.classical.PCA;
import dtad.data.AnomalyType;
import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.data.SyntheticData;
import dtad.dte.NonParametricDTE;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark, not a test: per non-network method, the time to explain a row
 * ({@link Explainable#contributions}) against the time to score it, on generated rows (default 10,000 x 20,
 * {@link SyntheticData} with local anomalies, the first half for training, the second half scored and
 * explained). Each is run once to warm up and then timed as the best of three. Run with
 * {@code java -cp <dtad-core classes, test classes and dependencies> dtad.detect.ExplanationSpeed [rows] [features]}.
 */
public final class ExplanationSpeed {
    private ExplanationSpeed() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int features = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Dataset data = new SyntheticData(rows, features, 0.05, AnomalyType.LOCAL, 3, 0).generate();
        Matrix train = data.x().rowRange(0, rows / 2);
        Matrix test = data.x().rowRange(rows / 2, rows);
        List<Detector<?>> detectors = List.of(new KNN(), new LOF(), new NonParametricDTE(), new COPOD(), new ECOD(),
                new HBOS(), new PCA(), new IsolationForest(0), new OneClassSvm());
        System.out.printf(Locale.ROOT, "%d x %d, train %d, explain %d, %d cores%n", rows, features, train.rows(),
                test.rows(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-8s %12s %12s %7s%n", "method", "score us/row", "explain us/row", "ratio");
        for (Detector<?> detector : detectors) {
            try (DetectorModel model = detector.fit(train)) {
                Explainable explainable = (Explainable) model;
                double score = best(() -> model.score(test));
                double explain = best(() -> explainable.contributions(test));
                System.out.printf(Locale.ROOT, "%-8s %12.2f %12.2f %7.1f%n", detector.method(),
                        score * 1e6 / test.rows(), explain * 1e6 / test.rows(), explain / score);
            }
        }
    }

    /** Seconds of the fastest of three runs after one warm-up. */
    private static double best(Runnable run) {
        run.run();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
