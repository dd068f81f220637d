package dtad.torch;

import dtad.data.AnomalyType;
import dtad.data.Dataset;
import dtad.data.SyntheticData;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.metrics.RankingMetrics;
import java.util.stream.IntStream;

/**
 * The data and split of the network detectors' golden-value tests: ADBench-like local anomalies
 * (seed 7), the first half of the normal rows for training, the other rows held out.
 */
public final class GoldenRun {
    private static final Dataset DATA = SyntheticData.defaultSpec(AnomalyType.LOCAL, 7).generate();

    private GoldenRun() {
    }

    /** Fits on the training rows and returns the held-out AUC-ROC and the first held-out row's score. */
    public static double[] aucAndFirstScore(Detector<?> detector) {
        int[] labels = DATA.labels();
        int half = (int) IntStream.of(labels).filter(v -> v == 0).count() / 2;
        int[] normals = IntStream.range(0, labels.length).filter(i -> labels[i] == 0).toArray();
        int firstHeldOut = half < normals.length ? normals[half] : labels.length;
        int[] train = IntStream.of(normals).limit(half).toArray();
        int[] test = IntStream.range(0, labels.length)
                .filter(i -> labels[i] == 1 || i >= firstHeldOut).toArray();
        int[] testLabels = IntStream.of(test).map(i -> labels[i]).toArray();
        try (DetectorModel model = detector.fit(DATA.x().selectRows(train))) {
            double[] scores = model.score(DATA.x().selectRows(test));
            return new double[] {RankingMetrics.aucRoc(scores, testLabels), scores[0]};
        }
    }
}
