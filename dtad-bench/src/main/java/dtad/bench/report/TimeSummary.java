package dtad.bench.report;

import dtad.bench.results.Median;
import dtad.bench.results.ResultRow;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * Wall times of one setting: per method over its successful runs (one run = one dataset and seed),
 * and per cell the mean over seeds for cells whose every seed succeeded.
 */
final class TimeSummary {
    /**
     * Times of one method in seconds; the statistics are NaN when no run succeeded.
     *
     * @param runs        successful runs
     * @param failedRuns  failed runs
     * @param fitMedian   median fit time per run
     * @param fitMean     mean fit time per run
     * @param scoreMedian median score time per run
     * @param scoreMean   mean score time per run
     * @param total       fit plus score time of all successful runs
     */
    record MethodTimes(int runs, int failedRuns, double fitMedian, double fitMean, double scoreMedian,
                       double scoreMean, double total) {
    }

    private final SettingResults results;
    private final Map<String, MethodTimes> methods;

    private TimeSummary(SettingResults results, Map<String, MethodTimes> methods) {
        this.results = results;
        this.methods = methods;
    }

    static TimeSummary of(SettingResults results) {
        Map<String, MethodTimes> methods = new LinkedHashMap<>();
        List<ResultRow> all = results.allRows();
        for (String method : results.methods()) {
            List<ResultRow> ok = all.stream().filter(r -> r.method().equals(method) && r.ok()).toList();
            int failed = (int) all.stream().filter(r -> r.method().equals(method) && !r.ok()).count();
            double[] fit = finite(ok, ResultRow::fitSeconds);
            double[] score = finite(ok, ResultRow::scoreSeconds);
            methods.put(method, new MethodTimes(ok.size(), failed, Median.of(fit), mean(fit), Median.of(score),
                    mean(score), Arrays.stream(fit).sum() + Arrays.stream(score).sum()));
        }
        return new TimeSummary(results, methods);
    }

    SettingResults results() {
        return results;
    }

    MethodTimes method(String method) {
        return methods.get(method);
    }

    /** The mean fit time over seeds of a cell whose every seed succeeded. */
    OptionalDouble cellFit(String dataset, String method) {
        return cellMean(dataset, method, ResultRow::fitSeconds);
    }

    /** The mean score time over seeds of a cell whose every seed succeeded. */
    OptionalDouble cellScore(String dataset, String method) {
        return cellMean(dataset, method, ResultRow::scoreSeconds);
    }

    private OptionalDouble cellMean(String dataset, String method, ToDoubleFunction<ResultRow> time) {
        if (results.state(dataset, method) != SettingResults.State.OK) {
            return OptionalDouble.empty();
        }
        return Arrays.stream(finite(results.rows(dataset, method), time)).average();
    }

    private static double[] finite(List<ResultRow> rows, ToDoubleFunction<ResultRow> time) {
        return rows.stream().mapToDouble(time).filter(Double::isFinite).toArray();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
