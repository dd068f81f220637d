package dtad.cli;

import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.image.ImageSet;
import dtad.torch.image.ImageDetector;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.io.DataFiles;
import dtad.io.DataTable;
import dtad.method.Method;
import dtad.method.Methods;
import dtad.model.ModelFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dtad fit}: fits a method on a data file and saves the model directory. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit a detector on training rows and save the model to a directory.",
            "Labels in the file, if any, are not used for fitting (all rows are training rows). "
                + "The model records the feature names of a file with a header, and 'dtad score' matches "
                + "columns by those names.",
            "Images (a folder or an IDX file as --train): DDPM, DiT and DTE-C use their image networks (ImageDDPM, "
                + "ImageDiT, ImageDTE-C) with the images' shape; other methods are fitted on the flattened pixels. "
                + "The model records the shape, and 'dtad score' refuses images of another shape."})
final class FitCommand implements Callable<Integer> {
    @Option(names = "--method", required = true, paramLabel = "METHOD", description = "A method name (see 'dtad methods').")
    String method;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "A hyperparameter of the method (repeatable), e.g. --param epochs=100.")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--train", required = true, paramLabel = "FILE",
            description = "Training data: .csv, .tsv (also .gz), .parquet, .npz or .npy; or images: a folder of "
                    + "images (flat, one subfolder per class, or an MVTec-AD category, whose train/good is used) "
                    + "or an IDX image file.")
    Path train;

    @Mixin
    TableOptions table;

    @Mixin
    ImageInputOptions imageOptions;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "The model directory to create.")
    Path out;

    @Option(names = "--force", description = "Replace an existing model directory.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (ImageInputOptions.isImageSource(train)) {
            table.requireUnusedFor(train);
            return fitImages();
        }
        imageOptions.requireUnusedFor(train);
        Method<?> m = Methods.find(method);
        Detector<?> detector = m.configure(KeyValues.parse(parameters));
        requireReplaceable();
        DataTable read = DataFiles.readTable(train, table.toReadOptions());
        read.requireFinite(train.toString());
        MissingValues.requireValues(read, train);
        Dataset data = read.data();
        PrintWriter err = spec.commandLine().getErr();
        LabelLookalike.find(read).ifPresent(name -> err.printf(
                "Warning: column '%s' holds only 0 and 1 and is named like a label, but it is fitted as a feature; "
                        + "if it is the label, add --label-column %s (or --drop-columns %s)%n", name, name, name));
        String filled = MissingValues.report(read);
        if (!filled.isEmpty()) {
            err.println(filled);
        }
        err.printf("Fitting %s on %d rows x %d features from %s%n", m.name(), data.x().rows(), data.x().columns(), train);
        // Names made up for a file without a header (x1..xD) are not the data's: the model stays unnamed.
        fitAndSave(m, detector, data.x(), table.noHeader ? null : read.featureNames(), "rows");
        return 0;
    }

    /** Fits on images: the image networks for DDPM, DiT and DTE-C, else the method on the flattened pixels. */
    private int fitImages() throws IOException {
        Map<String, String> values = KeyValues.parse(parameters);
        Methods.find(method); // an unknown method is reported before the images are read
        requireReplaceable();
        ImageSet images = ImageData.forFit(train, imageOptions.toImageOptions()).images();
        ImageMethods.Choice choice = ImageMethods.choose(method, values, images.size(), images.shape());
        PrintWriter err = spec.commandLine().getErr();
        err.println(choice.message());
        // Pixel names record the shape in a tabular model; an image network records it as its parameters.
        List<String> names = choice.detector() instanceof ImageDetector ? null : PixelNames.of(images.shape());
        fitAndSave(choice.method(), choice.detector(), images.pixels(), names, "images");
        return 0;
    }

    private void fitAndSave(Method<?> m, Detector<?> detector, Matrix x, List<String> featureNames, String rowsAre)
            throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        err.flush();
        long start = System.nanoTime();
        try (DetectorModel model = detector.fit(x, new ConsoleProgress(err, System.console() != null,
                "training done; scoring the " + x.rows() + " training " + rowsAre + " (kept for thresholds)..."))) {
            double seconds = (System.nanoTime() - start) / 1e9;
            ModelFiles.save(model, out, force, featureNames);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("Fitted %s in %s; model saved to %s%n", m.name(), ConsoleProgress.format(seconds), out);
            stdout.flush();
        }
    }

    /** Refuses, before a long fit rather than after it, an output that saving would refuse. */
    private void requireReplaceable() throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (!force) {
            throw new IllegalArgumentException(out + ": already exists; choose a new directory or use --force to replace it");
        }
        if (!isEmptyDirectory(out) && !Files.isRegularFile(out.resolve("manifest.json"))) {
            throw new IllegalArgumentException(out + ": exists and is not a dtad model directory (no manifest.json); "
                    + "refusing to replace it, even with --force");
        }
    }

    private static boolean isEmptyDirectory(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }
}
