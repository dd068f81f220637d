package dtad.bench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AucTableTest {
    private static ResultRow row(String dataset, String method, int seed, double auc) {
        boolean ok = !Double.isNaN(auc);
        return new ResultRow(dataset, method, "semi", seed, auc, ok ? 0.5 : Double.NaN, ok ? 0.5 : Double.NaN,
                ok ? 1 : Double.NaN, ok ? 1 : Double.NaN, 10, 10, 2, ok ? ResultRow.Status.OK : ResultRow.Status.FAILED,
                ok ? "" : "boom");
    }

    @Test
    void showsTheMeanAucRocPerDataSetAndMethodMarkingFailures() {
        String table = AucTable.format(List.of(
                row("cardio", "KNN", 0, 0.9), row("cardio", "KNN", 1, 0.8), row("cardio", "IForest", 0, 0.7),
                row("cardio", "IForest", 1, Double.NaN),
                row("wbc", "KNN", 0, 0.6), row("wbc", "IForest", 0, Double.NaN)));
        assertEquals("""
                AUC-ROC % (mean over seeds)   KNN  IForest
                cardio                       85.0    70.0*
                wbc                          60.0   failed
                ---------------------------
                mean                         72.5     70.0
                * some seeds failed; the mean is over those that succeeded (see the error column)
                """, table);
    }
}
