package dtad.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Our AUC-ROC next to a published table: for every dataset and method that both have, our mean ± std
 * over seeds, the published mean ± std, their difference, whether ours lies within the published
 * mean ± max(2 std, 2 points), and whether our spread over seeds is at most the published one.
 */
final class Comparison {
    /** The half-width of the agreement band never falls below this many percentage points. */
    static final double MIN_TOLERANCE_POINTS = 2;

    /**
     * One dataset and method present in both tables.
     *
     * @param ours      our mean ± std when every seed succeeded, else null
     * @param seeds     how many seeds our mean is over (0 when not compared)
     * @param state     the state of our cell
     * @param published the published mean ± std
     */
    record Entry(String dataset, String method, String publishedMethod, SettingResults.State state, MeanStd ours,
                 int seeds, MeanStd published) {

        /** Whether our cell has a number to compare. */
        boolean compared() {
            return ours != null;
        }

        /** Ours minus published, in percentage points. */
        double difference() {
            return ours.mean() - published.mean();
        }

        boolean within() {
            return Math.abs(difference()) <= tolerance(published);
        }

        /** Whether our spread can be compared: a std over at least two seeds. */
        boolean spreadCompared() {
            return compared() && seeds >= 2;
        }

        /**
         * Whether our (sample) std over the seeds, at the shown precision, is at most the published std (so that
         * a deterministic method's rounding noise of 1e-15 does not count against a published 0.00).
         */
        boolean spreadWithin() {
            return spreadCompared() && Text.roundPercent(ours.std()) <= published.std();
        }
    }

    private final MetricSummary ours;
    private final PublishedTable table;
    private final List<String> datasets;
    private final List<String> methods;
    private final List<Entry> entries;

    private Comparison(MetricSummary ours, PublishedTable table, List<String> datasets, List<String> methods,
                       List<Entry> entries) {
        this.ours = ours;
        this.table = table;
        this.datasets = datasets;
        this.methods = methods;
        this.entries = entries;
    }

    static Comparison of(MetricSummary ours, PublishedTable table) {
        if (ours.metric() != Metric.AUC_ROC) {
            throw new IllegalArgumentException("A published table is compared with AUC-ROC, not " + ours.metric());
        }
        SettingResults results = ours.results();
        List<String> datasets = results.datasets().stream().filter(table::hasDataset).toList();
        List<String> methods = results.methods().stream().filter(m -> table.method(m).isPresent()).toList();
        List<Entry> entries = new ArrayList<>();
        for (String dataset : datasets) {
            for (String method : methods) {
                String publishedMethod = table.method(method).orElseThrow();
                Optional<MeanStd> published = table.value(dataset, publishedMethod);
                if (published.isPresent()) {
                    MeanStd own = ours.value(dataset, method).orElse(null);
                    int seeds = own == null ? 0 : results.rows(dataset, method).size();
                    entries.add(new Entry(dataset, method, publishedMethod, results.state(dataset, method), own,
                            seeds, published.get()));
                }
            }
        }
        return new Comparison(ours, table, datasets, methods, List.copyOf(entries));
    }

    /** The half-width of the agreement band around a published mean, in points. */
    static double tolerance(MeanStd published) {
        return Math.max(2 * published.std(), MIN_TOLERANCE_POINTS);
    }

    /** Our results that were compared. */
    SettingResults results() {
        return ours.results();
    }

    /** The protocol setting of our results. */
    String setting() {
        return ours.results().setting();
    }

    PublishedTable table() {
        return table;
    }

    /** Our datasets that the published table lists, in our order. */
    List<String> datasets() {
        return datasets;
    }

    /** Our methods that the published table has a column for, in our order. */
    List<String> methods() {
        return methods;
    }

    List<Entry> entries() {
        return entries;
    }

    Optional<Entry> entry(String dataset, String method) {
        return entries.stream().filter(e -> e.dataset().equals(dataset) && e.method().equals(method)).findFirst();
    }

    List<Entry> entries(String method) {
        return entries.stream().filter(e -> e.method().equals(method)).toList();
    }

    /** Entries where we have a number to compare. */
    int compared() {
        return (int) entries.stream().filter(Entry::compared).count();
    }

    /** Compared entries within the published band. */
    int within() {
        return (int) entries.stream().filter(e -> e.compared() && e.within()).count();
    }

    /** The mean of ours minus published over the compared entries of a method. */
    OptionalDouble meanDifference(String method) {
        return entries(method).stream().filter(Entry::compared).mapToDouble(Entry::difference).average();
    }

    /** Our datasets that the published table does not list. */
    List<String> unmatchedDatasets() {
        return ours.results().datasets().stream().filter(d -> !datasets.contains(d)).toList();
    }

    /** Our methods that the published table has no column for. */
    List<String> unmatchedMethods() {
        return ours.results().methods().stream().filter(m -> !methods.contains(m)).toList();
    }
}
