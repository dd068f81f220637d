package dtad.bench.report;

import static dtad.bench.report.Rows.failed;
import static dtad.bench.report.Rows.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.bench.results.ResultRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static final PublishedTable PUBLISHED = PublishedTable.parse("""
            file,dataset,IForest,DTE-NP,LOF
            a,a,90.0±0.5,80.0±3.0,70±1
            b,b,60.0±0.0,,70±1
            """, "paper.csv");

    private static Comparison comparison(List<ResultRow> rows) {
        return Comparison.of(MetricSummary.of(SettingResults.group(rows).get(0), Metric.AUC_ROC), PUBLISHED);
    }

    @Test
    void theBandIsTwoStdButAtLeastTwoPoints() {
        assertEquals(2.0, Comparison.tolerance(new MeanStd(90, 0.5)));
        assertEquals(6.0, Comparison.tolerance(new MeanStd(80, 3.0)));
    }

    @Test
    void countsCellsWithinThePublishedBand() {
        Comparison c = comparison(List.of(
                ok("a", "iforest", 0, 0.919), ok("a", "iforest", 1, 0.919), // +1.9: within 2 points
                ok("a", "DTE-NP", 0, 0.735), // -6.5: outside 2 std = 6
                ok("b", "iforest", 0, 0.55), // -5: outside
                ok("a", "KNN", 0, 0.5), // no published column
                ok("c", "iforest", 0, 0.5), // no published row
                failed("a", "LOF", 0, "x"))); // not compared
        assertEquals(List.of("a", "b"), c.datasets());
        assertEquals(List.of("iforest", "DTE-NP", "LOF"), c.methods());
        assertEquals(List.of("KNN"), c.unmatchedMethods());
        assertEquals(List.of("c"), c.unmatchedDatasets());
        Comparison.Entry ia = c.entry("a", "iforest").orElseThrow();
        assertEquals("IForest", ia.publishedMethod());
        assertEquals(1.9, ia.difference(), 1e-9);
        assertTrue(ia.within());
        assertFalse(c.entry("a", "DTE-NP").orElseThrow().within());
        assertTrue(c.entry("b", "DTE-NP").isEmpty(), "not published");
        assertFalse(c.entry("a", "LOF").orElseThrow().compared());
        assertTrue(c.entry("b", "LOF").isPresent() && !c.entry("b", "LOF").get().compared(), "not run here");
        assertEquals(3, c.compared());
        assertEquals(1, c.within());
        assertEquals((1.9 - 5) / 2, c.meanDifference("iforest").orElseThrow(), 1e-9);
    }
}
