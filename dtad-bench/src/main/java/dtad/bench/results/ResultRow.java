package dtad.bench.results;

/**
 * One benchmark cell: a method on a dataset under a protocol setting and seed, and what it gave.
 * A failed cell has status {@link Status#FAILED}, NaN metrics and the one-line cause in {@code error};
 * a failure is never written as a number.
 *
 * @param dataset      the dataset name (file name without {@code .npz})
 * @param method       the registered method name
 * @param setting      {@code semi} or {@code unsup}
 * @param seed         the protocol seed
 * @param aucRoc       AUC-ROC as a fraction in [0, 1]
 * @param averagePrecision average precision in [0, 1] (ADBench's and the DTE paper's "AUC-PR", computed as
 *                     sklearn's {@code average_precision_score}); its {@code results.csv} column keeps the name
 *                     {@code aucpr}, so that files written before the rename read the same
 * @param f1           F1 of the top rows, k = number of anomalies
 * @param fitSeconds   wall time of the fit
 * @param scoreSeconds wall time of scoring the test rows
 * @param nTrain       training rows
 * @param nTest        test rows
 * @param dim          features
 * @param status       ok or failed
 * @param error        the cause of a failure, empty when ok
 */
public record ResultRow(String dataset, String method, String setting, int seed, double aucRoc,
                        double averagePrecision, double f1, double fitSeconds, double scoreSeconds, int nTrain,
                        int nTest, int dim, Status status, String error) {

    /** The columns of {@code results.csv}, in order. */
    public static final String HEADER =
            "dataset,method,setting,seed,aucroc,aucpr,f1,fit_seconds,score_seconds,n_train,n_test,dim,status,error";

    public enum Status {
        OK, FAILED;

        public String text() {
            return this == OK ? "ok" : "failed";
        }
    }

    /** The identity of the cell: a rerun skips cells whose key is already in the file. */
    public String key() {
        return dataset + "|" + method + "|" + setting + "|" + seed;
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
