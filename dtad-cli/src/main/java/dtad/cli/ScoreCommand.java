package dtad.cli;

import dtad.InputException;
import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.PosteriorModel;
import dtad.detect.Threshold;
import dtad.image.ImageSet;
import dtad.image.ImageShape;
import dtad.io.DataFiles;
import dtad.io.DataTable;
import dtad.metrics.RankingMetrics;
import dtad.model.ModelFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
                + "When the data file has labels, AUC-ROC and AUC-PR are printed to stderr.",
            "Images (a folder or an IDX file as --data, for a model fitted on images): one row per image in sorted "
                + "file order, a .csv output starting with the column 'file' (the path relative to the folder). "
                + "Labels for AUC: in a folder with class subfolders, 'good' holds the normal images and every "
                + "other subfolder anomalies (no 'good' folder: no labels); an MVTec-AD category is scored on its "
                + "test folder the same way."})
final class ScoreCommand implements Callable<Integer> {
    /** The column of a CSV output that names each scored image's file. */
    static final String FILE_COLUMN = "file";

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "A model directory from 'dtad fit'.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Rows to score: .csv, .tsv (also .gz), .parquet, .npz or .npy; or images: a folder of "
                    + "images (flat, one subfolder per class, or an MVTec-AD category) or an IDX image file.")
    Path data;

    @Mixin
    TableOptions table;

    @Mixin
    ImageInputOptions imageOptions;

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
        boolean images = ImageInputOptions.isImageSource(data);
        if (!images) {
            imageOptions.requireUnusedFor(data);
        }
        try (DetectorModel fitted = ModelFiles.load(model)) {
            if (posterior && !(fitted instanceof PosteriorModel)) {
                throw new IllegalArgumentException(model + ": " + fitted.detector().method() + " models have no posterior");
            }
            if (images) {
                return scoreImages(fitted, output, threshold);
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

            report(fitted, scores, labels, rows.labels(), seconds, "rows", "file's");
        }
        return 0;
    }

    /** Scores images with a model fitted on images of the same shape. */
    private int scoreImages(DetectorModel fitted, ScoreOutput output, Threshold threshold) throws IOException {
        ImageShape expected = ImageMethods.shapeOf(fitted).orElseThrow(() -> new InputException(model
                + ": was fitted on a table, not on images; fit it on images (a folder or an IDX file) to score images"));
        ImageData read = ImageData.forScore(data, imageOptions.toImageOptions());
        ImageSet images = read.images();
        images.requireShape(expected);
        long start = System.nanoTime();
        double[] scores = fitted.score(images.pixels());
        double seconds = (System.nanoTime() - start) / 1e9;
        int[] labels = threshold == null ? null : threshold.labels(scores, fitted.trainingScores());
        Matrix probabilities = posterior ? ((PosteriorModel) fitted).posterior(images.pixels()) : null;
        String[] names = posterior ? ((PosteriorModel) fitted).posteriorLabels() : null;
        List<String> files = output.isCsv() ? read.relativeNames(Files.isDirectory(data) ? data : null) : null;
        output.write(files, FILE_COLUMN, scores, labels, probabilities, names, force);
        report(fitted, scores, labels, images.labels(), seconds, "images", "folders'");
        return 0;
    }

    private void report(DetectorModel fitted, double[] scores, int[] labels, int[] truth, double seconds, String rowsAre,
            String labelSource) {
        PrintWriter err = spec.commandLine().getErr();
        err.printf("Scored %d %s with %s in %s; wrote %s%n", scores.length, rowsAre, fitted.detector().method(),
                ConsoleProgress.format(seconds), out);
        if (labels != null) {
            int flagged = 0;
            for (int label : labels) {
                flagged += label;
            }
            err.printf("Labelled %d of %d %s as anomalies%n", flagged, labels.length, rowsAre);
        }
        if (truth != null) {
            int anomalies = 0;
            for (int t : truth) {
                anomalies += t;
            }
            if (anomalies > 0 && anomalies < truth.length) {
                err.printf("Against the %s labels: AUC-ROC %.4f, AUC-PR %.4f%n", labelSource,
                        RankingMetrics.aucRoc(scores, truth), RankingMetrics.averagePrecision(scores, truth));
            }
        }
        err.flush();
    }
}
