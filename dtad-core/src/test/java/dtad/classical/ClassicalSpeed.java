package dtad.classical;

import dtad.data.AnomalyType;
import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.data.SyntheticData;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.metrics.RankingMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark, not a test: fit and score times of each classical detector on generated rows
 * (default 50,000 x 50, {@link SyntheticData} with local anomalies, first half for training, second
 * half scored). Run with
 * {@code java -cp <dtad-core classes, test classes and dependencies> dtad.classical.ClassicalSpeed [rows] [features] [methods]},
 * e.g. {@code ClassicalSpeed 20000 50 OCSVM} to time one method.
 */
public final class ClassicalSpeed {
    private ClassicalSpeed() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int features = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String only = args.length > 2 ? args[2] : null;
        Dataset data = new SyntheticData(rows, features, 0.05, AnomalyType.LOCAL, 3, 0).generate();
        int half = rows / 2;
        Matrix train = data.x().rowRange(0, half);
        Matrix test = data.x().rowRange(half, rows);
        int[] labels = java.util.Arrays.copyOfRange(data.labels(), half, rows);
        List<Detector<?>> detectors = new ArrayList<>(List.of(new IsolationForest(0), new OneClassSvm(), new COPOD(),
                new ECOD(), new COPOD(EcdfMode.TRANSDUCTIVE), new ECOD(EcdfMode.TRANSDUCTIVE), new HBOS(), new PCA()));
        System.out.printf(Locale.ROOT, "%d x %d, train %d, score %d, %d cores%n", rows, features, train.rows(),
                test.rows(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-34s %9s %9s %7s%n", "detector", "fit s", "score s", "AUC");
        for (Detector<?> detector : detectors) {
            if (only != null && !only.equalsIgnoreCase(detector.method())) {
                continue;
            }
            long start = System.nanoTime();
            try (DetectorModel model = detector.fit(train)) {
                long fitted = System.nanoTime();
                double[] scores = model.score(test);
                long scored = System.nanoTime();
                System.out.printf(Locale.ROOT, "%-34s %9.2f %9.2f %7.4f%n", label(detector), (fitted - start) / 1e9,
                        (scored - fitted) / 1e9, RankingMetrics.aucRoc(scores, labels));
            }
        }
    }

    private static String label(Detector<?> detector) {
        if (detector instanceof COPOD c) {
            return "COPOD " + c.mode().name().toLowerCase(Locale.ROOT);
        }
        if (detector instanceof ECOD e) {
            return "ECOD " + e.mode().name().toLowerCase(Locale.ROOT);
        }
        return detector.method();
    }
}
