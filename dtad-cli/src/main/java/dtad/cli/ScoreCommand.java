package dtad.cli;

import dtad.InputException;
import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.ErrorMaps;
import dtad.detect.PosteriorModel;
import dtad.detect.Threshold;
import dtad.image.AnomalyMapWriter;
import dtad.image.ImageSet;
import dtad.image.ImageShape;
import dtad.image.PixelErrorMaps;
import dtad.io.DataTable;
import dtad.metrics.PixelScores;
import dtad.metrics.RankingMetrics;
import dtad.model.ModelFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dtad score}: scores a data file with a saved model. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score rows with a saved model (higher = more anomalous).",
            "The output (.csv or .npy) has one row per input row: the score, then the outlier probability with "
                + "--probability, then the 0/1 label when a threshold rule "
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

    @Option(names = "--probability", description = "Also write each row's outlier probability: the share of the "
            + "training rows scoring lower, ties counted half (0.99: above 99%% of them, the same for every method).")
    boolean probability;

    @Option(names = "--maps", paramLabel = "MAPS_DIR", description = "Images, ImageDDPM, ImageDiT and DTE-NP models: write "
            + "each image's anomaly map (the squared reconstruction error per pixel, or DTE-NP's squared difference to "
            + "the nearest training images, averaged over the channels, Gaussian "
            + "blur of sigma 4 pixels scaled by the image side / 256) as MAPS_DIR/<file without extension>.npy and a "
            + ".png heatmap; on an MVTec-AD category also print the pixel-level AUC-ROC and PRO.")
    Path maps;

    @Option(names = "--force", description = "Overwrite an existing output file (and maps).")
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
            if (maps != null) {
                throw new IllegalArgumentException(data + ": --maps needs images (a folder or an IDX file), not a table");
            }
        }
        try (DetectorModel fitted = ModelFiles.load(model)) {
            if (posterior && !(fitted instanceof PosteriorModel)) {
                throw new IllegalArgumentException(model + ": " + fitted.detector().method() + " models have no posterior");
            }
            if (images) {
                table.requireUnusedFor(data);
                return scoreImages(fitted, output, threshold);
            }
            PrintWriter err = spec.commandLine().getErr();
            DataTable read = ModelRows.read(data, table, byPosition, fitted, model, err);
            Dataset rows = read.data();
            long start = System.nanoTime();
            double[] scores = fitted.score(rows.x());
            double seconds = (System.nanoTime() - start) / 1e9;
            int[] labels = threshold == null ? null : threshold.labels(scores, fitted.trainingScores());
            Matrix probabilities = posterior ? ((PosteriorModel) fitted).posterior(rows.x()) : null;
            String[] names = posterior ? ((PosteriorModel) fitted).posteriorLabels() : null;
            double[] outlierProbabilities = probability ? fitted.probabilityOfScores(scores) : null;
            output.write(read.ids(), table.idColumn, scores, outlierProbabilities, labels, probabilities, names, force);

            report(fitted, scores, labels, rows.labels(), seconds, "rows", "file's");
        }
        return 0;
    }

    /** Scores images with a model fitted on images of the same shape. */
    private int scoreImages(DetectorModel fitted, ScoreOutput output, Threshold threshold) throws IOException {
        if (!Files.exists(data)) {
            throw new InputException(data + ": file or folder not found");
        }
        ImageShape expected = ImageMethods.shapeOf(fitted).orElseThrow(() -> new InputException(model
                + ": was fitted on a table, not on images; fit it on images (a folder or an IDX file) to score images"));
        if (maps != null) {
            requireMapsPossible(fitted);
        }
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
        double[] outlierProbabilities = probability ? fitted.probabilityOfScores(scores) : null;
        output.write(files, FILE_COLUMN, scores, outlierProbabilities, labels, probabilities, names, force);
        report(fitted, scores, labels, images.labels(), seconds, "images", "folders'");
        if (maps != null) {
            writeMaps((ErrorMaps) fitted, read);
        }
        return 0;
    }

    /** Refuses --maps, before any scoring, for a model without reconstructions or a folder that would be overwritten. */
    private void requireMapsPossible(DetectorModel fitted) throws IOException {
        if (!(fitted instanceof ErrorMaps)) {
            throw new IllegalArgumentException(model + ": --maps needs an ImageDDPM, ImageDiT or DTE-NP model (fit DDPM, DiT "
                    + "or DTE-NP on images), not " + fitted.detector().method());
        }
        if (!force && Files.isDirectory(maps)) {
            try (Stream<Path> entries = Files.list(maps)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(maps + ": folder exists and is not empty; choose a new folder "
                            + "or use --force to overwrite the maps in it");
                }
            }
        }
    }

    /** Writes the per-pixel anomaly maps and, with defect masks, prints the pixel-level scores. */
    private void writeMaps(ErrorMaps fitted, ImageData read) throws IOException {
        ImageSet images = read.images();
        ImageShape shape = images.shape();
        double sigma = PixelErrorMaps.sigmaFor(shape);
        Matrix pixelMaps = PixelErrorMaps.of(fitted.squaredErrors(images.pixels()), shape, sigma);
        AnomalyMapWriter.Range range = AnomalyMapWriter.Range.of(pixelMaps.values());
        List<String> names = read.relativeNames(read.root());
        int digits = Integer.toString(images.size() - 1).length();
        for (int i = 0; i < images.size(); i++) {
            String stem = names == null ? String.format("%0" + digits + "d", i) : withoutExtension(names.get(i));
            Path file = maps.resolve(stem);
            Files.createDirectories(file.getParent());
            AnomalyMapWriter.write(file, shape, images.pixels().values(), images.pixels().offset(i),
                    pixelMaps.values(), pixelMaps.offset(i), range, force);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("Wrote %d anomaly maps (.npy and .png, blur sigma %.2f pixels) to %s%n", images.size(), sigma, maps);
        if (read.masks() != null) {
            PixelScores pixels = PixelScores.of(pixelMaps, read.masks(), shape.height(), shape.width());
            err.printf("Against the defect masks: pixel-level AUC-ROC %.4f, PRO %.4f (%d defect regions)%n",
                    pixels.aucRoc(), pixels.pro(), pixels.regions());
        }
        err.flush();
    }

    private static String withoutExtension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) : name;
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
