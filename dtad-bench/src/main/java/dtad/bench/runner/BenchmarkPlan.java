package dtad.bench.runner;

import dtad.bench.protocol.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * What a benchmark run covers: data sets x seeds x methods under one setting.
 *
 * @param datasets the data sets, in order
 * @param methods  the methods, in order
 * @param setting  semi or unsup
 * @param seeds    the protocol seeds
 */
public record BenchmarkPlan(List<DatasetSource> datasets, List<MethodSpec> methods, Setting setting,
                            List<Integer> seeds) {
    public BenchmarkPlan {
        datasets = List.copyOf(datasets);
        methods = List.copyOf(methods);
        seeds = List.copyOf(seeds);
        if (datasets.isEmpty() || methods.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("A benchmark needs at least one data set, method and seed");
        }
    }

    /**
     * Every cell, data set by data set, then seed by seed, then method by method: each data set is
     * loaded and split once per seed for all methods.
     */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (DatasetSource d : datasets) {
            for (int seed : seeds) {
                for (MethodSpec m : methods) {
                    cells.add(new Cell(d, m, setting, seed));
                }
            }
        }
        return cells;
    }
}
