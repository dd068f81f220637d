package dtad.cli;

import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.PosteriorModel;
import dtad.detect.Threshold;
import dtad.io.DataFiles;
import dtad.io.DataTable;
import dtad.metrics.RankingMetrics;
import dtad.model.ModelFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dtad score}: scores a data file with a saved model. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score rows with a saved model (higher = more anomalous).",
            "The output (.csv or .npy) has one row per input row: the score, then the 0/1 label when a threshold rule "
                + "is given, then the posterior probabilities with --posterior. A .npy output holds a 1-D array of "
                + "scores, or a matrix with those columns when labels or posteriors are asked for.",
            "With --id-column, a .csv output starts with that column. "
                + "When the data file has labels, AUC-ROC and AUC-PR are printed to stderr."})
final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "A model directory from 'dtad fit'.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Rows to score: .csv, .tsv (also .gz), .parquet, .npz or .npy.")
    Path data;

    @Mixin
    TableOptions table;

    @Option(names = "--by-position", description = "Match the data's feature columns to the model's by position "
            + "(default: by name when both the model and the file have column names).")
    boolean byPosition;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output file: .csv or .npy.")
    Path out;

    @ArgGroup(exclusive = true)
    ThresholdRule rule;

    @Option(names = "--posterior", description = "Also write each row's posterior (models that have one: DTE-NP, DTE-C).")
    boolean posterior;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class ThresholdRule {
        @Option(names = "--contamination", paramLabel = "RATE",
                description = "Label the share RATE of the training rows' score distribution as anomalies (0 < RATE < 0.5).")
        Double contamination;

        @Option(names = "--threshold", paramLabel = "SCORE", description = "Label rows scoring above SCORE as anomalies.")
        Double threshold;

        Threshold toThreshold() {
            return contamination != null ? new Threshold.Contamination(contamination) : new Threshold.FixedScore(threshold);
        }
    }

    @Override
    public Integer call() throws Exception {
        ScoreOutput output = ScoreOutput.forFile(out);
        if (table.idColumn != null && !output.isCsv()) {
            throw new IllegalArgumentException(out + ": --id-column needs a .csv output (a .npy file holds numbers only)");
        }
        Threshold threshold = rule == null ? null : rule.toThreshold();
        try (DetectorModel fitted = ModelFiles.load(model)) {
            if (posterior && !(fitted instanceof PosteriorModel)) {
                throw new IllegalArgumentException(model + ": " + fitted.detector().method() + " models have no posterior");
            }
            DataTable read = DataFiles.readTable(data, table.toReadOptions());
            boolean byPosition = this.byPosition || table.noHeader;
            if (read.data().x().columns() != fitted.features() && (byPosition || read.featureNames() == null
                    || fitted.trainingInfo().featureNames() == null)) {
                throw new IllegalArgumentException(data + ": has " + read.data().x().columns() + " features, the model "
                        + model + " expects " + fitted.features());
            }
            if (!byPosition) {
                read = read.alignTo(fitted.trainingInfo().featureNames(), data.toString());
            }
            read.requireFinite(data.toString());
            Dataset rows = read.data();
            PrintWriter err = spec.commandLine().getErr();
            String filled = MissingValues.report(read);
            if (!filled.isEmpty()) {
                err.println(filled);
            }
            long start = System.nanoTime();
            double[] scores = fitted.score(rows.x());
            double seconds = (System.nanoTime() - start) / 1e9;
            int[] labels = threshold == null ? null : threshold.labels(scores, fitted.trainingScores());
            Matrix probabilities = posterior ? ((PosteriorModel) fitted).posterior(rows.x()) : null;
            String[] names = posterior ? ((PosteriorModel) fitted).posteriorLabels() : null;
            output.write(read.ids(), table.idColumn, scores, labels, probabilities, names, force);

            err.printf("Scored %d rows with %s in %s; wrote %s%n", scores.length, fitted.detector().method(),
                    ConsoleProgress.format(seconds), out);
            if (labels != null) {
                int flagged = 0;
                for (int label : labels) {
                    flagged += label;
                }
                err.printf("Labelled %d of %d rows as anomalies%n", flagged, labels.length);
            }
            if (rows.hasLabels() && rows.anomalies() > 0 && rows.anomalies() < rows.x().rows()) {
                err.printf("Against the file's labels: AUC-ROC %.4f, AUC-PR %.4f%n",
                        RankingMetrics.aucRoc(scores, rows.labels()), RankingMetrics.averagePrecision(scores, rows.labels()));
            }
            err.flush();
        }
        return 0;
    }
}
