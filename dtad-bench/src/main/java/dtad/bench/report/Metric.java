package dtad.bench.report;

import dtad.bench.results.ResultRow;
import java.util.function.ToDoubleFunction;

/**
 * The quality metrics of a benchmark cell, each reported in percent; higher is better. {@link #AUC_PR} is
 * average precision, which ADBench and the DTE paper report as AUC-PR (key {@code aucpr}, as its column).
 */
enum Metric {
    AUC_ROC("AUC-ROC", "aucroc", ResultRow::aucRoc),
    AUC_PR("AUC-PR", "aucpr", ResultRow::averagePrecision),
    F1("F1", "f1", ResultRow::f1);

    private final String label;
    private final String key;
    private final ToDoubleFunction<ResultRow> value;

    Metric(String label, String key, ToDoubleFunction<ResultRow> value) {
        this.label = label;
        this.key = key;
        this.value = value;
    }

    /** The published name, e.g. {@code AUC-ROC}. */
    String label() {
        return label;
    }

    /** A lower-case key for file names and anchors, e.g. {@code aucroc}. */
    String key() {
        return key;
    }

    /** The value of a successful row in percent; a row without the metric is refused. */
    double percent(ResultRow row) {
        double fraction = value.applyAsDouble(row);
        if (!Double.isFinite(fraction)) {
            throw new dtad.InputException("No " + label + " for " + row.method() + " on " + row.dataset()
                    + " (" + row.setting() + ", seed " + row.seed() + ") although its status is ok");
        }
        return 100 * fraction;
    }
}
