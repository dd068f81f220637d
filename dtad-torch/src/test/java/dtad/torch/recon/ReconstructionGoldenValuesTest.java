package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtad.data.AnomalyType;
import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.data.SyntheticData;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.metrics.RankingMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pinned results of short seeded fits on generated data (ADBench-like local anomalies): the AUC-ROC
 * on the held-out rows and the score of the first held-out row. Another CPU kernel can move the last
 * float bits, hence the tolerances; a change of algorithm moves them far more.
 */
class ReconstructionGoldenValuesTest {
    private static final Dataset DATA = SyntheticData.defaultSpec(AnomalyType.LOCAL, 7).generate();

    /** Semi-supervised split: the first half of the normal rows train, the rest test. */
    private static double[] run(Detector<?> detector) {
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        int[] labels = DATA.labels();
        int normals = (int) Arrays.stream(labels).filter(v -> v == 0).count();
        for (int i = 0, seen = 0; i < labels.length; i++) {
            if (labels[i] == 0 && seen++ < normals / 2) {
                train.add(i);
            } else {
                test.add(i);
            }
        }
        int[] testRows = test.stream().mapToInt(Integer::intValue).toArray();
        int[] testLabels = Arrays.stream(testRows).map(i -> labels[i]).toArray();
        Matrix x = DATA.x();
        try (DetectorModel model = detector.fit(x.selectRows(train.stream().mapToInt(Integer::intValue).toArray()))) {
            double[] scores = model.score(x.selectRows(testRows));
            return new double[] {RankingMetrics.aucRoc(scores, testLabels), scores[0]};
        }
    }

    @Test
    void ddpmOnLocalAnomalies() {
        double[] result = run(TinyConfigs.ddpm(20));
        assertEquals(0.9557, result[0], 0.005, "AUC-ROC");
        assertEquals(0.00675244, result[1], 0.00675244 * 1e-3, "score of the first held-out row");
    }
}
