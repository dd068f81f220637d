package dtad.bench.report;

import dtad.bench.results.ResultRow;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One metric of one setting summarised the way papers do: per dataset and method the mean ± std over
 * seeds (in percent), the best method(s) per dataset, and per method the average over datasets and the
 * average rank.
 *
 * <p>Ranks and "best" compare means as they are shown (rounded to {@link Text#PERCENT_DECIMALS}
 * decimals), so that values that read the same tie. A method without a result on a dataset (failed or
 * not run) ranks below every method with one, sharing the lowest ranks with the others without one;
 * datasets where no method has a result are not ranked.
 */
final class MetricSummary {
    private final Metric metric;
    private final SettingResults results;
    private final Map<String, Map<String, MeanStd>> values;
    private final Map<String, Double> averageRanks;
    private final int rankedDatasets;

    private MetricSummary(Metric metric, SettingResults results, Map<String, Map<String, MeanStd>> values,
                          Map<String, Double> averageRanks, int rankedDatasets) {
        this.metric = metric;
        this.results = results;
        this.values = values;
        this.averageRanks = averageRanks;
        this.rankedDatasets = rankedDatasets;
    }

    static MetricSummary of(SettingResults results, Metric metric) {
        Map<String, Map<String, MeanStd>> values = new LinkedHashMap<>();
        for (String dataset : results.datasets()) {
            Map<String, MeanStd> row = new LinkedHashMap<>();
            for (String method : results.methods()) {
                if (results.state(dataset, method) == SettingResults.State.OK) {
                    List<ResultRow> rows = results.rows(dataset, method);
                    row.put(method, MeanStd.of(rows.stream().mapToDouble(metric::percent).toArray()));
                }
            }
            values.put(dataset, row);
        }
        List<String> methods = results.methods();
        double[] rankSums = new double[methods.size()];
        int ranked = 0;
        for (String dataset : results.datasets()) {
            Map<String, MeanStd> row = values.get(dataset);
            if (row.isEmpty()) {
                continue;
            }
            double[] shown = new double[methods.size()];
            for (int m = 0; m < shown.length; m++) {
                MeanStd v = row.get(methods.get(m));
                shown[m] = v == null ? Double.NaN : Text.roundPercent(v.mean());
            }
            double[] ranks = Ranks.descending(shown);
            for (int m = 0; m < ranks.length; m++) {
                rankSums[m] += ranks[m];
            }
            ranked++;
        }
        Map<String, Double> averageRanks = new HashMap<>();
        for (int m = 0; m < methods.size(); m++) {
            averageRanks.put(methods.get(m), ranked == 0 ? Double.NaN : rankSums[m] / ranked);
        }
        return new MetricSummary(metric, results, values, averageRanks, ranked);
    }

    Metric metric() {
        return metric;
    }

    SettingResults results() {
        return results;
    }

    /** The mean ± std over seeds of a cell whose every seed succeeded. */
    Optional<MeanStd> value(String dataset, String method) {
        return Optional.ofNullable(values.get(dataset).get(method));
    }

    /** Whether the cell holds the best shown mean of its dataset (ties are all best). */
    boolean best(String dataset, String method) {
        MeanStd own = values.get(dataset).get(method);
        if (own == null) {
            return false;
        }
        double top = values.get(dataset).values().stream().mapToDouble(v -> Text.roundPercent(v.mean())).max()
                .orElseThrow();
        return Text.roundPercent(own.mean()) == top;
    }

    /** The mean over the datasets where the method has a result; empty when it has none. */
    OptionalDouble average(String method) {
        return results.datasets().stream().map(d -> values.get(d).get(method)).filter(v -> v != null)
                .mapToDouble(MeanStd::mean).average();
    }

    /** Whether the method has the highest shown average (ties are all best). */
    boolean bestAverage(String method) {
        OptionalDouble own = average(method);
        return own.isPresent() && results.methods().stream().map(this::average).filter(OptionalDouble::isPresent)
                .mapToDouble(a -> Text.roundPercent(a.getAsDouble())).max().orElseThrow()
                == Text.roundPercent(own.getAsDouble());
    }

    /** On how many datasets the method has a result. */
    int coverage(String method) {
        return (int) results.datasets().stream().filter(d -> values.get(d).containsKey(method)).count();
    }

    /** The average rank over the ranked datasets (1 = best); NaN when no dataset has a result. */
    double averageRank(String method) {
        return averageRanks.get(method);
    }

    /** How many datasets entered the average rank. */
    int rankedDatasets() {
        return rankedDatasets;
    }

    /** Whether the method has the lowest shown average rank (ties are all best). */
    boolean bestRank(String method) {
        double own = Text.roundRank(averageRank(method));
        return !Double.isNaN(own) && results.methods().stream()
                .mapToDouble(m -> Text.roundRank(averageRank(m))).filter(r -> !Double.isNaN(r)).min()
                .orElse(Double.NaN) == own;
    }
}
