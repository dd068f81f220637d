package dtad.cli;

import dtad.bench.protocol.AdbenchProtocol;
import dtad.bench.protocol.Setting;
import dtad.bench.protocol.Split;
import dtad.data.AnomalyType;
import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.data.SyntheticData;
import dtad.image.MvtecReader;
import dtad.image.TextureGenerator;
import dtad.io.CsvWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dtad generate}: a labelled synthetic data set (see {@link SyntheticData}), split as the
 * benchmark's semi-supervised protocol splits it, so that {@code fit} and {@code score} can be tried
 * without downloading anything.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate labelled synthetic data: a Gaussian mixture with ADBench-style anomalies.",
            "Writes OUTDIR/train.csv (half of the normal rows) and OUTDIR/test.csv (the other normal rows and all "
                + "anomalies), both with columns x1..xD and label (1 = anomaly), split as 'dtad bench --setting semi' "
                + "splits a data set.",
            "--type textures writes generated images instead: an MVTec-AD category (OUTDIR/train/good, OUTDIR/test/good "
                + "and one test folder per defect, OUTDIR/ground_truth/<defect>/<name>_mask.png) of 200 training "
                + "images (--train-images), 50 good test images and 25 per defect (scratch, blob, hole, stain), for 'dtad fit' and "
                + "'dtad score'; --rows, --features and --anomaly-rate do not apply to it."})
final class GenerateCommand implements Callable<Integer> {
    private static final String TEXTURES = "textures";

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "local",
            description = "Anomaly type: local, global, dependency or clustered; or textures for images "
                    + "(default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--texture", paramLabel = "NAME", defaultValue = "fabric",
            description = "With --type textures: fabric, grid or gradient (default: ${DEFAULT-VALUE}).")
    String texture;

    @Option(names = "--size", paramLabel = "N", defaultValue = "64",
            description = "With --type textures: image height and width in pixels, 16 to 1024 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--channels", paramLabel = "1|3", defaultValue = "3",
            description = "With --type textures: 1 (gray) or 3 (RGB) (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--train-images", paramLabel = "N", defaultValue = "200",
            description = "With --type textures: normal training images (default: ${DEFAULT-VALUE}).")
    int trainImages;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "2000", description = "Rows in all, 1000 to 50000 (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--features", paramLabel = "D", defaultValue = "10", description = "Columns (default: ${DEFAULT-VALUE}).")
    int features;

    @Option(names = "--anomaly-rate", paramLabel = "R", defaultValue = "0.05",
            description = "Share of anomalous rows, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double anomalyRate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of every draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "OUTDIR",
            description = "Folder for train.csv and test.csv (for textures: a new or empty folder for the images).")
    Path out;

    @Option(names = "--force", description = "Replace existing train.csv and test.csv (for textures: the folder's content).")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (type.equalsIgnoreCase(TEXTURES)) {
            return generateTextures();
        }
        if (!(anomalyRate > 0)) {
            throw new IllegalArgumentException("Invalid --anomaly-rate " + anomalyRate + ": the test rows need anomalies (use a rate in (0, 1))");
        }
        if (rows < AdbenchProtocol.MIN_ROWS || rows > AdbenchProtocol.MAX_ROWS) {
            // The split follows the ADBench protocol, which resamples smaller and subsamples larger data
            // sets: outside this range the files would not hold the rows asked for.
            throw new IllegalArgumentException("Invalid --rows " + rows + ": use " + AdbenchProtocol.MIN_ROWS + " to "
                    + AdbenchProtocol.MAX_ROWS + " (the ADBench split repeats rows of smaller data sets and "
                    + "subsamples larger ones)");
        }
        Path train = out.resolve("train.csv");
        Path test = out.resolve("test.csv");
        for (Path file : List.of(train, test)) {
            if (!force && Files.exists(file)) {
                throw new IllegalArgumentException(file + ": already exists; use --force to replace it");
            }
        }
        Dataset data = new SyntheticData(rows, features, anomalyRate, anomalyType(), 3, seed).generate();
        Split split = AdbenchProtocol.split(data, Setting.SEMI, seed);
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= features; j++) {
            names.add("x" + j);
        }
        names.add("label");
        CsvWriter.write(train, names, withLabels(split.train(), new int[split.train().rows()]), force);
        CsvWriter.write(test, names, withLabels(split.test(), split.testLabels()), force);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("Wrote %s (%d normal rows) and %s (%d rows, %d anomalies), %d features, %s anomalies%n",
                train, split.train().rows(), test, split.test().rows(), split.testAnomalies(), features, type);
        stdout.flush();
        return 0;
    }

    /** Writes an MVTec-AD-like category of generated textures with defect masks. */
    private int generateTextures() throws IOException {
        TextureGenerator.Options options = TextureGenerator.Options.defaults().withTexture(textureType())
                .withSize(size).withChannels(channels).withSeed(seed);
        options = options.withCounts(trainImages, options.testGood(), options.perDefect());
        if (!force && Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(out + ": folder exists and is not empty; choose a new folder "
                            + "or use --force to replace its content");
                }
            }
        }
        MvtecReader.Category category = TextureGenerator.write(out, options, force);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("Wrote %s: %d training images and %d test images (%d with defects) of %s %s, with defect masks%n",
                out, category.split().train().size(), category.split().test().size(),
                Arrays.stream(category.split().test().labels()).sum(), options.shape(), options.texture().id());
        stdout.flush();
        return 0;
    }

    private TextureGenerator.Texture textureType() {
        for (TextureGenerator.Texture t : TextureGenerator.Texture.values()) {
            if (t.id().equalsIgnoreCase(texture)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown --texture '" + texture + "': use fabric, grid or gradient");
    }

    private AnomalyType anomalyType() {
        try {
            return AnomalyType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown --type '" + type + "': use local, global, dependency, clustered or "
                    + TEXTURES);
        }
    }

    /** The rows with the labels as one more column. */
    private static Matrix withLabels(Matrix x, int[] labels) {
        int d = x.columns();
        double[] values = new double[x.rows() * (d + 1)];
        for (int r = 0; r < x.rows(); r++) {
            System.arraycopy(x.values(), x.offset(r), values, r * (d + 1), d);
            values[r * (d + 1) + d] = labels[r];
        }
        return Matrix.wrap(x.rows(), d + 1, values);
    }
}
