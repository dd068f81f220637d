package dtad.bench.report;

import dtad.bench.results.ResultRow;

/** Result rows made by hand for the report tests. */
final class Rows {
    private Rows() {
    }

    /** A successful semi-supervised row with the given AUC-ROC (a fraction); AUC-PR and F1 follow from it. */
    static ResultRow ok(String dataset, String method, int seed, double aucRoc) {
        return ok("semi", dataset, method, seed, aucRoc, 0.5, 0.01);
    }

    static ResultRow ok(String setting, String dataset, String method, int seed, double aucRoc, double fitSeconds,
                        double scoreSeconds) {
        return new ResultRow(dataset, method, setting, seed, aucRoc, aucRoc - 0.2, aucRoc - 0.3, fitSeconds,
                scoreSeconds, 500, 600, 8, ResultRow.Status.OK, "");
    }

    static ResultRow failed(String dataset, String method, int seed, String error) {
        return new ResultRow(dataset, method, "semi", seed, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, 500, 600, 8, ResultRow.Status.FAILED, error);
    }
}
