package dtad.torch.dte;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.Explainable;
import dtad.torch.IntegratedGradients;
import dtad.torch.KnownColumns;
import dtad.torch.NetworkModel;
import dtad.torch.TrainingSettings;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DteExplanationTest {
    private static final TrainingSettings TRAINING = new TrainingSettings(20, 64, 1e-3, 0, 0);
    private static final List<Integer> HIDDEN = List.of(256, 512, 256);

    @Test
    void explore() {
        Matrix train = KnownColumns.normal(1000, 1);
        Matrix anomalies = KnownColumns.anomalies(100, 2);
        report("DTE-C", new CategoricalDTE(400, 7, CategoricalDTE.Loss.STANDARD, HIDDEN, 0.5, TRAINING).fit(train), anomalies);
        report("DTE-IG", new InverseGammaDTE(400, InverseGammaDTE.Score.BETA, HIDDEN, 0.5, TRAINING).fit(train), anomalies);
        report("DTE-G", new GaussianDTE(400, HIDDEN, 0.5, TRAINING).fit(train), anomalies);
    }

    private static void report(String name, DetectorModel model, Matrix anomalies) {
        try (model) {
            long t0 = System.nanoTime();
            double[][] c = ((Explainable) model).contributions(anomalies);
            long t1 = System.nanoTime();
            double[] scores = model.score(anomalies);
            long t2 = System.nanoTime();
            double base = model.score(Matrix.wrap(1, anomalies.columns(), model.trainingInfo().scaler().means()))[0];
            double[] sums = KnownColumns.rowSums(c);
            double worst = 0;
            double worstRel = 0;
            for (int r = 0; r < sums.length; r++) {
                double gap = Math.abs(sums[r] - (scores[r] - base));
                worst = Math.max(worst, gap);
                worstRel = Math.max(worstRel, gap / Math.abs(scores[r] - base));
            }
            System.out.printf(Locale.ROOT, "%s hit %.2f completeness worst %.4g rel %.4g (base %.4g, score range %.4g..%.4g) explain %.1f ms score %.1f ms%n",
                    name, KnownColumns.topHitRate(c, KnownColumns.COLUMNS), worst, worstRel, base,
                    java.util.Arrays.stream(scores).min().getAsDouble(), java.util.Arrays.stream(scores).max().getAsDouble(),
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        }
    }
}
