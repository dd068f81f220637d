package dtad.detect;

import dtad.classical.*;
import dtad.dte.NonParametricDTE;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainProbe {
    @Test
    void probe() {
        KnownColumnAnomalies data = KnownColumnAnomalies.generate(1000, 200, 20, 3, 7);
        List<Detector<?>> ds = List.of(new KNN(), new KNN(5, KNN.Score.MEAN), new LOF(), new NonParametricDTE(), new COPOD(), new ECOD(), new HBOS(),
                new PCA(), new IsolationForest(0), new IsolationForest(500, 256, 0), new OneClassSvm());
        for (Detector<?> d : ds) {
            try (DetectorModel m = d.fit(data.train())) {
                long t0 = System.nanoTime();
                double[][] c = ((Explainable) m).contributions(data.anomalies());
                long t1 = System.nanoTime();
                double[] s = m.score(data.anomalies());
                long t2 = System.nanoTime();
                double sumDiff = 0;
                for (int i = 0; i < s.length; i++) { double sum = 0; for (double v : c[i]) sum += v; sumDiff = Math.max(sumDiff, Math.abs(sum - s[i])); }
                System.out.printf("%s hit %.3f maxdiff(sum-score) %.3g explain %.1fms score %.1fms%n", d.method(), data.topHitRate(c), sumDiff, (t1-t0)/1e6, (t2-t1)/1e6);
            }
        }
    }
}
