package dtad.cli;

import dtad.bench.protocol.Setting;
import dtad.bench.report.ReportFiles;
import dtad.bench.report.Reports;
import dtad.bench.results.AucTable;
import dtad.bench.results.ResultRow;
import dtad.bench.runner.BenchmarkListener;
import dtad.bench.runner.BenchmarkPlan;
import dtad.bench.runner.BenchmarkRunner;
import dtad.bench.runner.Cell;
import dtad.bench.runner.DatasetCatalog;
import dtad.bench.runner.DatasetSource;
import dtad.bench.runner.FashionMnistDatasets;
import dtad.bench.runner.ImageCellResults;
import dtad.bench.runner.ImageFolderDatasets;
import dtad.bench.runner.MethodSpec;
import dtad.bench.runner.RemainingTime;
import dtad.bench.runner.Seeds;
import dtad.bench.runner.Worker;
import dtad.image.MnistFiles;
import dtad.method.Method;
import dtad.method.Methods;
import dtad.torch.TorchEngine;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dtad bench}: runs methods on data sets under the DTE/ADBench protocol into a resumable
 * results folder, then prints the AUC-ROC table. Without arguments it runs the embedded default: the
 * generated synthetic suite with the default methods that are registered.
 *
 * <p>At the end it writes the report ({@link Reports#write}: {@code summary.md}, {@code report.html}
 * and plots) into the results folder, comparing with {@code --reference} when given.
 *
 * <p>With {@code --parallel N} the cells run in N worker processes: the same program started again
 * with the same arguments plus {@code --worker}, which serves cells over its standard streams (see
 * {@link Worker}); this process stays the only writer of the results file. The workers share the cores: each
 * trains a network that would take every core (the U-Net) on {@code cores / N} threads.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark methods on data sets with the protocol of the DTE paper (ADBench data).",
            "Writes OUTDIR/results.csv one finished cell at a time; run the same command again to resume.",
            "Without arguments: the generated synthetic suite with DTE-NP, DTE-C (fewer epochs), IForest, KNN "
                + "and ECOD (those registered), seeds 0-2, into dtad-bench-results/default.",
            "With the four Fashion-MNIST IDX files in --data-dir: data sets FashionMNIST_0 to _9 (class k normal; semi "
                + "and unsup draw 5%% anomalies from the other classes as ADBench does, one-class tests on the test "
                + "split); DDPM, DiT and DTE-C run as ImageDDPM, ImageDiT and ImageDTE-C, other methods on the "
                + "flattened pixels.",
            "With image folders in --data-dir: an MVTec-AD category (train/good, test/good, test/<defect>, ground_truth) "
                + "or a folder of them, one data set per category in the one-class setting, with pixel-level AUC-ROC "
                + "and PRO of the detectors with anomaly maps in OUTDIR/details.csv and their top-scored test images "
                + "in the report; or train/<class>/ and test/<class>/ folders, a data set <folder>_<class> per class "
                + "as for Fashion-MNIST."})
final class BenchCommand implements Callable<Integer> {
    /** The results folder of the embedded default run. */
    static final Path DEFAULT_OUT = Path.of("dtad-bench-results", "default");
    /** The methods of the embedded default run (and of runs without --methods), those registered. */
    static final List<String> DEFAULT_METHODS = List.of("DTE-NP", "DTE-C", "IForest", "KNN", "ECOD");
    /** Methods that run with a tenth of their epochs in the embedded default run, to keep it short. */
    static final Set<String> DEFAULT_QUICK = Set.of("DTE-C");
    /** The seeds of a run that names none: the five of the published tables. */
    static final String DEFAULT_SEEDS = "0-4";
    /** The seeds of the embedded default run: few enough to finish in a few minutes. */
    static final String DEFAULT_RUN_SEEDS = "0-2";

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of .npz data sets (searched with its sub-folders), of the four Fashion-MNIST IDX "
                    + "files (data sets FashionMNIST_0 to _9), or of images (an MVTec-AD category or a folder of them; "
                    + "train/<class>/ and test/<class>/). Without it: the synthetic suite.")
    Path dataDir;

    @Option(names = "--datasets", paramLabel = "NAMES",
            description = "Comma-separated data set names (file names without .npz), or all (default).")
    String datasets;

    @Option(names = "--methods", paramLabel = "NAMES", split = ",",
            description = "Comma-separated method names (see 'dtad methods'). Default: the registered ones of "
                    + "DTE-NP, DTE-C, IForest, KNN, ECOD.")
    List<String> methods;

    @Option(names = "--setting", paramLabel = "semi|unsup|unsup-nodup|one-class",
            description = "semi: train on half of the normal rows (default; one-class for MVTec-AD categories); unsup: "
                    + "train on a bootstrap of all rows; unsup-nodup: unsup without resampling data sets under 1,000 "
                    + "rows to 1,000 (no row's copies among its own neighbours); one-class (images): train on "
                    + "the training split's images of class k (MVTec-AD: train/good), test on the test split.")
    String setting;

    @Option(names = "--seeds", paramLabel = "SEEDS", description = "Protocol seeds, e.g. 0-4 (default; 0-2 in the run without arguments) or 0,2,3.")
    String seeds;

    @Option(names = "--param", paramLabel = "METHOD.KEY=VALUE",
            description = "A parameter of one method (repeatable), e.g. --param KNN.k=10.")
    List<String> params = new ArrayList<>();

    @Option(names = "--quick", description = "Smoke run: a tenth of the epochs (at least 1) for methods that have epochs.")
    boolean quick;

    @Option(names = "--retry-failed",
            description = "Run the cells recorded as failed again (e.g. after fixing their cause); their new rows are appended and count.")
    boolean retryFailed;

    @Option(names = "--reference", paramLabel = "CSV",
            description = "Published figures to compare with in the report (e.g. dte_paper_semi_aucroc.csv).")
    Path reference;

    @Option(names = "--out", paramLabel = "OUTDIR",
            description = "Results folder (required with --data-dir; default dtad-bench-results/default).")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", description = "Run cells in N worker processes (default 1: in this one).")
    int parallel = 1;

    @Option(names = "--process-per-cell",
            description = "Run every cell in a new worker process (--parallel N of them at a time), so that the peak "
                    + "memory of each cell (the worker's VmHWM: heap, native and libraries) is its own; recorded in "
                    + "OUTDIR/details.csv.")
    boolean processPerCell;

    @Option(names = "--worker", hidden = true, description = "Internal: serve cells to a parent 'dtad bench'.")
    boolean worker;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (worker) {
            Worker.serveStandardStreams(plan(), out);
            return 0;
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("Invalid --parallel: " + parallel + " (must be >= 1)");
        }
        if (reference != null && !Files.isRegularFile(reference)) {
            throw new UncheckedIOException(new NoSuchFileException(reference.toString()));
        }
        Path outDir = outDir();
        BenchmarkPlan plan = plan();
        PrintWriter err = spec.commandLine().getErr();
        err.printf("Benchmark: %d data set(s) x %d method(s) x %d seed(s), %s setting, into %s%n",
                plan.datasets().size(), plan.methods().size(), plan.seeds().size(), plan.setting().text(), outDir);
        err.flush();
        BenchmarkRunner runner = new BenchmarkRunner(plan, outDir, retryFailed);
        List<ResultRow> rows;
        try (ConsoleListener listener = new ConsoleListener(err, System.console() != null)) {
            rows = parallel == 1 && !processPerCell ? runner.run(listener)
                    : runner.runInWorkers(parallel, workerCommand(), listener, processPerCell);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(AucTable.format(rows));
        long failed = rows.stream().filter(r -> !r.ok()).count();
        if (failed > 0) {
            stdout.printf("%d of %d cells failed; their causes are in the error column.%n", failed, rows.size());
        }
        stdout.printf("Results: %s%n", runner.resultsFile());
        stdout.flush();
        ReportFiles report = Reports.write(outDir, reference, ImageCellResults.of(plan, outDir), ImageCellResults.TOP_IMAGES);
        stdout.printf("Report: %s (summary: %s)%n", report.html(), report.summary());
        stdout.flush();
        return 0;
    }

    /** The plan from the options; the same in the parent and in its workers. */
    BenchmarkPlan plan() {
        boolean embedded = dataDir == null;
        String seedText = seeds != null ? seeds : embedded && methods == null ? DEFAULT_RUN_SEEDS : DEFAULT_SEEDS;
        List<Integer> parsedSeeds = Seeds.parse(seedText);
        boolean fashion = !embedded && FashionMnistDatasets.present(dataDir);
        boolean folders = !embedded && !fashion && ImageFolderDatasets.present(dataDir);
        if (folders) {
            return imageFolderPlan(parsedSeeds);
        }
        Setting parsedSetting = Setting.parse(setting == null ? "semi" : setting);
        if (parsedSetting == Setting.ONE_CLASS && !fashion) {
            throw new IllegalArgumentException("--setting one-class needs image data: --data-dir with the four "
                    + "Fashion-MNIST files (e.g. " + MnistFiles.DEBIAN_FASHION_MNIST + "), an MVTec-AD category "
                    + "(train/good/, test/) or train/<class>/ and test/<class>/ folders of images");
        }
        if (fashion) {
            return imagePlan(parsedSetting, parsedSeeds);
        }
        DatasetCatalog catalog = embedded ? DatasetCatalog.synthetic() : DatasetCatalog.scan(dataDir);
        List<DatasetSource> selected = catalog.select(datasets);
        List<MethodSpec> specs = methods == null ? defaultMethods(embedded) : MethodSpec.parse(methods, params, quick);
        return new BenchmarkPlan(selected, specs, parsedSetting, parsedSeeds);
    }

    /**
     * The plan on the Fashion-MNIST files of --data-dir: data sets FashionMNIST_k; DDPM, DiT and DTE-C as their
     * image networks (parameters named after either), the other methods on the flattened pixels.
     */
    private BenchmarkPlan imagePlan(Setting parsedSetting, List<Integer> parsedSeeds) {
        FashionMnistDatasets fashion = FashionMnistDatasets.in(dataDir);
        List<DatasetSource> selected = fashion.catalog().select(datasets);
        List<String> names = methods != null ? methods : registeredDefaults();
        List<MethodSpec> specs = MethodSpec.parse(ImageMethods.imageNames(names), ImageMethods.imageParameters(params),
                quick);
        return new BenchmarkPlan(selected, ImageMethods.withShape(specs, fashion.shape()), parsedSetting, parsedSeeds);
    }

    /**
     * The plan on image folders (see {@link ImageFolderDatasets}): MVTec-AD categories in the one-class setting (the
     * default for them; another is refused), or the classes of a split folder; the methods as on Fashion-MNIST.
     */
    private BenchmarkPlan imageFolderPlan(List<Integer> parsedSeeds) {
        ImageFolderDatasets folders = ImageFolderDatasets.in(dataDir);
        Setting parsedSetting = Setting.parse(setting != null ? setting : folders.mvtec() ? "one-class" : "semi");
        if (folders.mvtec() && parsedSetting != Setting.ONE_CLASS) {
            throw new IllegalArgumentException(dataDir + ": MVTec-AD categories are benchmarked in the one-class "
                    + "setting (train on train/good, test on test/), not --setting " + parsedSetting.text());
        }
        List<DatasetSource> selected = folders.catalog().select(datasets);
        List<String> names = methods != null ? methods : registeredDefaults();
        List<MethodSpec> specs = MethodSpec.parse(ImageMethods.imageNames(names), ImageMethods.imageParameters(params),
                quick);
        return new BenchmarkPlan(selected, ImageMethods.withShape(specs, folders.shape(selected)), parsedSetting,
                parsedSeeds);
    }

    /** The registered default methods; in the embedded run, DTE-C with a tenth of its epochs. */
    private List<MethodSpec> defaultMethods(boolean embedded) {
        List<String> registered = registeredDefaults();
        List<MethodSpec> specs = new ArrayList<>();
        for (MethodSpec spec : MethodSpec.parse(registered, params, quick)) {
            boolean cut = quick || embedded && DEFAULT_QUICK.contains(spec.name());
            specs.add(cut == spec.quick() ? spec : new MethodSpec(spec.method(), spec.params(), cut));
        }
        return specs;
    }

    private static List<String> registeredDefaults() {
        List<String> registered = new ArrayList<>();
        for (String name : DEFAULT_METHODS) {
            if (Methods.all().stream().map(Method::name).anyMatch(name::equalsIgnoreCase)) {
                registered.add(name);
            }
        }
        if (registered.isEmpty()) {
            throw new IllegalArgumentException("None of the default methods (" + String.join(", ", DEFAULT_METHODS)
                    + ") is registered; name methods with --methods (see 'dtad methods')");
        }
        return registered;
    }

    private Path outDir() {
        if (out != null) {
            return out;
        }
        if (dataDir != null) {
            throw new IllegalArgumentException("--out is required with --data-dir (the folder for results.csv)");
        }
        return DEFAULT_OUT;
    }

    /** This program again, with the same JVM settings and arguments, as a worker. */
    private List<String> workerCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xmx") || arg.startsWith("-Xms") || arg.startsWith("-Xss") || arg.startsWith("-D")
                    || arg.startsWith("-XX:") || arg.startsWith("--add-opens") || arg.startsWith("--enable-native-access")) {
                command.add(arg);
            }
        }
        if (parallel > 1 && System.getProperty(TorchEngine.TRAINING_THREADS) == null) {
            command.add(workerTrainingThreads(parallel, Runtime.getRuntime().availableProcessors()));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        CommandLine root = spec.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        command.addAll(root.getParseResult().originalArgs());
        command.add("--worker");
        return command;
    }

    /**
     * The property that shares the cores among {@code workers} worker processes: a network that trains on every
     * core would otherwise take them all in each one.
     */
    static String workerTrainingThreads(int workers, int cores) {
        return "-D" + TorchEngine.TRAINING_THREADS + "=" + Math.max(1, cores / workers);
    }

    /**
     * Shows a run: a progress bar on a terminal; otherwise one line per finished cell with its AUC-ROC
     * (or cause of failure), on standard error. The ETA in both is {@link RemainingTime}'s, which
     * foresees each unfinished cell from the timings of finished ones (those in the results file
     * included) rather than assume that all cells take the mean time.
     */
    static final class ConsoleListener implements BenchmarkListener, AutoCloseable {
        private final PrintWriter err;
        private final boolean terminal;
        private RemainingTime remaining;
        private ProgressBar bar;
        private int total;
        private int done;

        ConsoleListener(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void planned(int cells, List<Cell> pending, List<ResultRow> recorded, int workers) {
            total = pending.size();
            remaining = new RemainingTime(pending, recorded, workers);
            int alreadyDone = cells - total;
            if (alreadyDone > 0) {
                line("Resuming: " + alreadyDone + " of " + cells + " cells are already in the results file"
                        + (total > 0 ? "; ETA " + eta() : ""));
            }
            if (terminal && total > 0) {
                bar = new ProgressBarBuilder().setTaskName("bench").setInitialMax(total).setUpdateIntervalMillis(500)
                        .setEtaFunction(state -> {
                            OptionalDouble seconds = remaining.seconds(System.nanoTime());
                            return seconds.isPresent()
                                    ? Optional.of(Duration.ofSeconds(Math.round(seconds.getAsDouble())))
                                    : Optional.empty();
                        })
                        .build();
            }
        }

        @Override
        public void note(String message) {
            line("Note: " + message);
        }

        @Override
        public void cellStarted(Cell cell) {
            remaining.started(cell, System.nanoTime());
            if (bar != null) {
                bar.setExtraMessage(" " + shortName(cell));
            }
        }

        @Override
        public void fitProgress(Cell cell, int doneUnits, int totalUnits, String message) {
            if (bar != null) {
                bar.setExtraMessage(" " + shortName(cell) + " " + doneUnits + "/" + totalUnits);
            }
        }

        @Override
        public void cellFinished(Cell cell, ResultRow row) {
            done++;
            remaining.finished(cell, row);
            if (bar != null) {
                bar.step();
                if (!row.ok()) {
                    bar.setExtraMessage(" failed: " + shortName(cell));
                }
                return;
            }
            String outcome = row.ok()
                    ? String.format(Locale.ROOT, "AUC-ROC %.4f (fit %s, score %s)", row.aucRoc(),
                            ConsoleProgress.format(row.fitSeconds()), ConsoleProgress.format(row.scoreSeconds()))
                    : "failed: " + row.error();
            line(String.format(Locale.ROOT, "[%d/%d] %s: %s; ETA %s", done, total, cell, outcome, eta()));
        }

        /** The model's time left, or {@code ?} while no cell has a timing to learn from. */
        private String eta() {
            OptionalDouble seconds = remaining.seconds(System.nanoTime());
            return seconds.isPresent() ? ConsoleProgress.format(seconds.getAsDouble()) : "?";
        }

        private static String shortName(Cell cell) {
            return cell.dataset().name() + " " + cell.method().name() + " #" + cell.seed();
        }

        private void line(String text) {
            err.println(text);
            err.flush();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
