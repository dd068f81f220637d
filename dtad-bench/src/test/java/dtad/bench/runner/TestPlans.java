package dtad.bench.runner;

import dtad.bench.protocol.Setting;
import dtad.data.AnomalyType;
import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.data.SyntheticData;
import java.util.List;

/** Small generated benchmarks for the runner's tests. */
final class TestPlans {
    private TestPlans() {
    }

    /** 300 rows (duplicated to 1000 by the protocol), 4 features, 30 anomalies. */
    static DatasetSource wide() {
        return generated("wide", new SyntheticData(300, 4, 0.1, AnomalyType.LOCAL, 2, 1));
    }

    /** 1200 rows, 3 features, 60 anomalies: the width {@code Test-Picky} refuses. */
    static DatasetSource narrow() {
        return generated("narrow", new SyntheticData(1200, 3, 0.05, AnomalyType.CLUSTERED, 2, 2));
    }

    /** No anomalies at all: the protocol cannot split it. */
    static DatasetSource calm() {
        return new DatasetSource("calm", "zeros", () -> new Dataset("calm", Matrix.zeros(1100, 2), new int[1100]),
                () -> DatasetSize.of(1100, 0));
    }

    static DatasetSource generated(String name, SyntheticData recipe) {
        return new DatasetSource(name, recipe.toString(), () -> {
            Dataset d = recipe.generate();
            return new Dataset(name, d.x(), d.labels());
        }, () -> DatasetSize.of(recipe.rows(), recipe.anomalyCount()));
    }

    static BenchmarkPlan plan(List<DatasetSource> datasets, List<String> methods, List<String> params, boolean quick,
                              Setting setting, List<Integer> seeds) {
        return new BenchmarkPlan(datasets, MethodSpec.parse(methods, params, quick), setting, seeds);
    }

    /** wide and narrow x Test-Distance and Test-Picky x seeds 0 and 1, semi: 8 cells, 2 of which fail. */
    static BenchmarkPlan basic() {
        return plan(List.of(wide(), narrow()), List.of("Test-Distance", "Test-Picky"), List.of(), false,
                Setting.SEMI, List.of(0, 1));
    }

    /** The plan of the worker and kill tests, by name; see {@link TestBenchMain}. */
    static BenchmarkPlan named(String name) {
        return switch (name) {
            case "basic" -> basic();
            case "slow" -> plan(List.of(wide(), narrow()), List.of("Test-Slow"), List.of("Test-Slow.millis=250"), false,
                    Setting.UNSUP, List.of(0, 1, 2, 3));
            case "crash" -> plan(List.of(wide(), narrow()), List.of("Test-Distance", "Test-Crash"), List.of(), false,
                    Setting.SEMI, List.of(0));
            default -> throw new IllegalArgumentException("no test plan " + name);
        };
    }
}
