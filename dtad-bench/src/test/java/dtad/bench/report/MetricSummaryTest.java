package dtad.bench.report;

import static dtad.bench.report.Rows.failed;
import static dtad.bench.report.Rows.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.bench.results.ResultRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSummaryTest {
    /*
     * d1: A 80, 90 -> 85.00±7.07; B 85, 85 -> 85.00±0.00 (ties A); C 70, 72 -> 71.00±1.41
     * d2: A 60, 60; B failed on seed 1; C 90, 92 -> 91
     * d3: A not run; B 50, 50; C 50, 50 (tie)
     * d4: every method failed -> not ranked
     */
    private static final List<ResultRow> ROWS = List.of(
            ok("d1", "A", 0, 0.80), ok("d1", "A", 1, 0.90),
            ok("d1", "B", 0, 0.85), ok("d1", "B", 1, 0.85),
            ok("d1", "C", 0, 0.70), ok("d1", "C", 1, 0.72),
            ok("d2", "A", 0, 0.60), ok("d2", "A", 1, 0.60),
            ok("d2", "B", 0, 0.99), failed("d2", "B", 1, "out of memory"),
            ok("d2", "C", 0, 0.90), ok("d2", "C", 1, 0.92),
            ok("d3", "B", 0, 0.50), ok("d3", "B", 1, 0.50),
            ok("d3", "C", 0, 0.50), ok("d3", "C", 1, 0.50),
            failed("d4", "A", 0, "x"), failed("d4", "B", 0, "y"), failed("d4", "C", 0, "z"));

    private static MetricSummary summary() {
        List<SettingResults> settings = SettingResults.group(ROWS);
        assertEquals(1, settings.size());
        return MetricSummary.of(settings.get(0), Metric.AUC_ROC);
    }

    @Test
    void cellsAreMeanAndSampleStdOverSeedsInPercent() {
        MetricSummary s = summary();
        MeanStd a = s.value("d1", "A").orElseThrow();
        assertEquals(85.0, a.mean(), 1e-9);
        assertEquals(Math.sqrt(50), a.std(), 1e-9);
        assertEquals("85.00±7.07", Text.meanStd(a, 2));
        assertEquals("71.00±1.41", Text.meanStd(s.value("d1", "C").orElseThrow(), 2));
    }

    @Test
    void aCellWithAFailedSeedHasNoNumber() {
        MetricSummary s = summary();
        assertTrue(s.value("d2", "B").isEmpty(), "the seed that succeeded is not averaged alone");
        assertEquals(SettingResults.State.FAILED, s.results().state("d2", "B"));
        assertEquals(SettingResults.State.MISSING, s.results().state("d3", "A"));
    }

    @Test
    void bestPerDatasetMarksEveryTiedMethod() {
        MetricSummary s = summary();
        assertTrue(s.best("d1", "A"));
        assertTrue(s.best("d1", "B"));
        assertFalse(s.best("d1", "C"));
        assertTrue(s.best("d2", "C"));
        assertFalse(s.best("d2", "B"));
        assertTrue(s.best("d3", "B") && s.best("d3", "C"));
    }

    @Test
    void meansThatReadTheSameAtTwoDecimalsTie() {
        List<ResultRow> rows = List.of(ok("d", "A", 0, 0.912341), ok("d", "B", 0, 0.912344), ok("d", "C", 0, 0.9));
        MetricSummary s = MetricSummary.of(SettingResults.group(rows).get(0), Metric.AUC_ROC);
        assertTrue(s.best("d", "A") && s.best("d", "B"));
        assertEquals(1.5, s.averageRank("A"), 1e-12);
        assertEquals(1.5, s.averageRank("B"), 1e-12);
    }

    @Test
    void averageRankAveragesTiesAndRanksMissingResultsLast() {
        MetricSummary s = summary();
        assertEquals(3, s.rankedDatasets(), "d4 has no result at all and is not ranked");
        assertEquals((1.5 + 2 + 3) / 3, s.averageRank("A"), 1e-12);
        assertEquals((1.5 + 3 + 1.5) / 3, s.averageRank("B"), 1e-12);
        assertEquals((3 + 1 + 1.5) / 3, s.averageRank("C"), 1e-12);
        assertTrue(s.bestRank("C"));
        assertFalse(s.bestRank("A"));
    }

    @Test
    void averageIsOverTheDatasetsWithAResult() {
        MetricSummary s = summary();
        assertEquals((85 + 60) / 2.0, s.average("A").orElseThrow(), 1e-9);
        assertEquals(2, s.coverage("A"));
        assertEquals((85 + 50) / 2.0, s.average("B").orElseThrow(), 1e-9);
        assertEquals((71 + 91 + 50) / 3.0, s.average("C").orElseThrow(), 1e-9);
        assertEquals(3, s.coverage("C"));
        assertTrue(s.bestAverage("A"));
    }

    @Test
    void averagePrecisionAndF1AreSummarisedTheSameWay() {
        MetricSummary pr = MetricSummary.of(SettingResults.group(ROWS).get(0), Metric.AUC_PR);
        assertEquals(65.0, pr.value("d1", "A").orElseThrow().mean(), 1e-9);
        MetricSummary f1 = MetricSummary.of(SettingResults.group(ROWS).get(0), Metric.F1);
        assertEquals(55.0, f1.value("d1", "A").orElseThrow().mean(), 1e-9);
    }

    @Test
    void datasetsSortNaturallyAndMethodsKeepTheirFileOrder() {
        List<ResultRow> rows = List.of(ok("38_thyroid", "KNN", 0, 0.9), ok("4_breastw", "IForest", 0, 0.9),
                ok("4_breastw", "KNN", 0, 0.9));
        SettingResults s = SettingResults.group(rows).get(0);
        assertEquals(List.of("4_breastw", "38_thyroid"), s.datasets());
        assertEquals(List.of("KNN", "IForest"), s.methods());
    }

    @Test
    void aRerunOfTheSameCellAndSeedReplacesTheEarlierRow() {
        List<ResultRow> rows = List.of(failed("d", "A", 0, "crash"), ok("d", "A", 0, 0.75));
        MetricSummary s = MetricSummary.of(SettingResults.group(rows).get(0), Metric.AUC_ROC);
        assertEquals(75.0, s.value("d", "A").orElseThrow().mean(), 1e-9);
    }

    @Test
    void settingsAreSummarisedApart() {
        List<ResultRow> rows = List.of(ok("semi", "d", "A", 0, 0.9, 1, 1), ok("unsup", "d", "A", 0, 0.6, 1, 1));
        List<SettingResults> settings = SettingResults.group(rows);
        assertEquals(List.of("semi", "unsup"), settings.stream().map(SettingResults::setting).toList());
        assertEquals(60.0, MetricSummary.of(settings.get(1), Metric.AUC_ROC).value("d", "A").orElseThrow().mean(),
                1e-9);
    }

    @Test
    void failureNotesNumberDistinctCausesAndListTheirCells() {
        FailureNotes notes = FailureNotes.of(SettingResults.group(ROWS));
        assertEquals(4, notes.notes().size());
        FailureNotes.Note first = notes.notes().get(0);
        assertEquals(1, first.number());
        assertEquals("out of memory", first.cause());
        assertEquals(List.of("B on d2 (semi, seed 1)"), first.cells());
        SettingResults s = SettingResults.group(ROWS).get(0);
        assertEquals(List.of(1), notes.numbers(s.rows("d2", "B")));
    }
}
