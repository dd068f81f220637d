package dtad.bench.report;

import dtad.bench.results.ResultRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of one protocol setting arranged as a grid of cells, one cell per dataset and method
 * holding that pair's rows (one per seed). Datasets are in natural order; methods keep the order
 * given (their first appearance in the results file, so that every table and plot agrees).
 */
final class SettingResults {
    /** What a cell holds. */
    enum State {
        /** Every seed ran and gave numbers. */
        OK,
        /** At least one seed failed: the cell shows no numbers. */
        FAILED,
        /** No row at all: the pair was not run (yet). */
        MISSING
    }

    private final String setting;
    private final List<String> datasets;
    private final List<String> methods;
    private final List<Integer> seeds;
    private final Map<String, List<ResultRow>> cells;

    private SettingResults(String setting, List<String> datasets, List<String> methods, List<Integer> seeds,
                           Map<String, List<ResultRow>> cells) {
        this.setting = setting;
        this.datasets = datasets;
        this.methods = methods;
        this.seeds = seeds;
        this.cells = cells;
    }

    /**
     * Groups rows by setting, in order of first appearance. A row that repeats the key of an earlier
     * one (a rerun of the same cell and seed) replaces it.
     */
    static List<SettingResults> group(List<ResultRow> rows) {
        Map<String, ResultRow> latest = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            latest.remove(row.key());
            latest.put(row.key(), row);
        }
        List<String> methods = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(ResultRow::method).toList()));
        Map<String, List<ResultRow>> bySetting = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            bySetting.computeIfAbsent(row.setting(), s -> new ArrayList<>());
        }
        for (ResultRow row : latest.values()) {
            bySetting.get(row.setting()).add(row);
        }
        List<SettingResults> out = new ArrayList<>();
        bySetting.forEach((setting, settingRows) -> out.add(of(setting, settingRows, methods)));
        return out;
    }

    private static SettingResults of(String setting, List<ResultRow> rows, List<String> allMethods) {
        Set<String> datasets = new TreeSet<>(NaturalOrder.INSTANCE);
        Set<String> present = new LinkedHashSet<>();
        Set<Integer> seeds = new TreeSet<>();
        Map<String, List<ResultRow>> cells = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            datasets.add(row.dataset());
            present.add(row.method());
            seeds.add(row.seed());
            cells.computeIfAbsent(cellKey(row.dataset(), row.method()), k -> new ArrayList<>()).add(row);
        }
        cells.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.seed(), b.seed())));
        List<String> methods = allMethods.stream().filter(present::contains).toList();
        return new SettingResults(setting, List.copyOf(datasets), methods, List.copyOf(seeds), cells);
    }

    String setting() {
        return setting;
    }

    List<String> datasets() {
        return datasets;
    }

    List<String> methods() {
        return methods;
    }

    /** Every seed that appears in this setting, ascending. */
    List<Integer> seeds() {
        return seeds;
    }

    /** The rows of a cell, by seed; empty when the pair was not run. */
    List<ResultRow> rows(String dataset, String method) {
        return cells.getOrDefault(cellKey(dataset, method), List.of());
    }

    State state(String dataset, String method) {
        List<ResultRow> rows = rows(dataset, method);
        if (rows.isEmpty()) {
            return State.MISSING;
        }
        return rows.stream().allMatch(ResultRow::ok) ? State.OK : State.FAILED;
    }

    /** Every row of this setting, dataset by dataset and method by method. */
    List<ResultRow> allRows() {
        List<ResultRow> all = new ArrayList<>();
        for (String dataset : datasets) {
            for (String method : methods) {
                all.addAll(rows(dataset, method));
            }
        }
        return all;
    }

    private static String cellKey(String dataset, String method) {
        return dataset + '\u0000' + method;
    }
}
