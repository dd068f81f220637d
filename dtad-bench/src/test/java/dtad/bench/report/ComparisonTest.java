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

    /** The spread rule: our sample std over two or more seeds against the published std. */
    @Test
    void comparesTheSpreadOverSeedsWithThePublishedStd() {
        Comparison c = comparison(List.of(
                ok("a", "iforest", 0, 0.900), ok("a", "iforest", 1, 0.906), // std 0.42 <= 0.5
                ok("a", "DTE-NP", 0, 0.80), // one seed: no spread to compare
                ok("a", "LOF", 0, 0.69), ok("a", "LOF", 1, 0.72), // std 2.12 > 1
                ok("b", "LOF", 0, 0.70), ok("b", "LOF", 1, 0.70), failed("b", "LOF", 2, "x"), // not compared
                // 0.1 + 0.2 and 0.3 differ in the last bit: a std of about 1e-15, 0.00 at the shown precision
                ok("b", "iforest", 0, 0.1 + 0.2), ok("b", "iforest", 1, 0.3), ok("b", "iforest", 2, 0.3)));
        Comparison.Entry iforest = c.entry("a", "iforest").orElseThrow();
        assertEquals(2, iforest.seeds());
        assertTrue(iforest.spreadCompared() && iforest.spreadWithin());
        Comparison.Entry single = c.entry("a", "DTE-NP").orElseThrow();
        assertTrue(single.compared());
        assertFalse(single.spreadCompared() || single.spreadWithin());
        Comparison.Entry wide = c.entry("a", "LOF").orElseThrow();
        assertTrue(wide.spreadCompared());
        assertFalse(wide.spreadWithin());
        assertFalse(c.entry("b", "LOF").orElseThrow().spreadCompared(), "a failed seed leaves nothing to compare");
        Comparison.Entry deterministic = c.entry("b", "iforest").orElseThrow();
        assertTrue(deterministic.ours().std() > 0, "the rounding noise this test is about");
        assertTrue(deterministic.spreadWithin(), "against a published 60.0±0.0");
    }
}
