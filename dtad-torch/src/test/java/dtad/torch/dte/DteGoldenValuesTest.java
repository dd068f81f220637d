package dtad.torch.dte;

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
 * Pinned results of short seeded fits on generated data (ADBench-like local anomalies): the AUC-ROC on
 * the held-out rows and the score of the first held-out row. Training on a different CPU kernel can
 * move the last float bits, hence the tolerances; a change of algorithm moves them far more.
 */
class DteGoldenValuesTest {
    private static final Dataset DATA = SyntheticData.defaultSpec(AnomalyType.LOCAL, 7).generate();

    /** Semi-supervised split: the first half of the normal rows train, the rest test. */
    private static Matrix[] split(int[] testLabels) {
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
        for (int i = 0; i < test.size(); i++) {
            testLabels[i] = labels[test.get(i)];
        }
        return new Matrix[] {DATA.x().selectRows(train.stream().mapToInt(Integer::intValue).toArray()),
                DATA.x().selectRows(test.stream().mapToInt(Integer::intValue).toArray())};
    }

    private static double[] run(Detector<?> detector) {
        int[] labels = new int[DATA.x().rows()];
        Matrix[] data = split(labels);
        int[] testLabels = Arrays.copyOf(labels, data[1].rows());
        try (DetectorModel model = detector.fit(data[0])) {
            double[] scores = model.score(data[1]);
            return new double[] {RankingMetrics.aucRoc(scores, testLabels), scores[0]};
        }
    }

    @Test
    void categoricalDteOnLocalAnomalies() {
        CategoricalDTE d = CategoricalDTE.defaults();
        double[] result = run(new CategoricalDTE(d.steps(), d.bins(), d.loss(), d.hidden(), d.dropout(),
                d.training().withEpochs(20)));
        assertEquals(0.9328, result[0], 0.005, "AUC-ROC");
        assertEquals(4.06306, result[1], 4.06306 * 1e-3, "score of the first held-out row");
    }

    @Test
    void inverseGammaDteOnLocalAnomalies() {
        InverseGammaDTE d = InverseGammaDTE.defaults();
        double[] result = run(new InverseGammaDTE(d.steps(), d.score(), d.hidden(), d.dropout(),
                d.training().withEpochs(20)));
        assertEquals(0.9375, result[0], 0.005, "AUC-ROC");
        assertEquals(0.231265, result[1], 0.231265 * 1e-3, "score of the first held-out row");
    }

    @Test
    void gaussianDteOnLocalAnomalies() {
        GaussianDTE d = GaussianDTE.defaults();
        double[] result = run(new GaussianDTE(d.steps(), d.hidden(), d.dropout(), d.training().withEpochs(20)));
        assertEquals(0.8393, result[0], 0.005, "AUC-ROC");
        assertEquals(213.261, result[1], 213.261 * 1e-3, "score of the first held-out row");
    }
}
