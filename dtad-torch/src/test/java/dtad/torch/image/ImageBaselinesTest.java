package dtad.torch.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.image.ImageShape;
import dtad.method.Methods;
import dtad.metrics.RankingMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The study's baselines run on flattened pixels as they are: the classical detectors and DTE-NP take an
 * image row like any other row. Bars of the other orientation have the same per-pixel marginals, so
 * only the detectors that compare whole images (k-NN distances) must find them.
 */
class ImageBaselinesTest {
    private static final ImageShape SHAPE = new ImageShape(1, 8, 8);

    @Test
    void baselinesScoreFlattenedImages() {
        Matrix train = TestImages.normal(200, SHAPE, 1);
        Matrix test = TestImages.mixed(60, 20, SHAPE, 7);
        for (String name : List.of("IForest", "OCSVM", "COPOD", "KNN", "DTE-NP")) {
            try (DetectorModel model = Methods.find(name).defaults().fit(train)) {
                double[] scores = model.score(test);
                assertEquals(80, scores.length);
                double auc = RankingMetrics.aucRoc(scores, TestImages.labels(60, 20));
                assertTrue(Double.isFinite(auc), name);
                if (name.equals("KNN") || name.equals("DTE-NP")) {
                    assertTrue(auc > 0.9, name + " AUC " + auc);
                }
            }
        }
    }
}
