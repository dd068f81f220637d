package dtad.cli;

import dtad.data.Dataset;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.io.DataFiles;
import dtad.method.Method;
import dtad.method.Methods;
import dtad.model.ModelFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dtad fit}: fits a method on a data file and saves the model directory. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit a detector on training rows and save the model to a directory.",
            "Labels in the file, if any, are not used for fitting (all rows are training rows)."})
final class FitCommand implements Callable<Integer> {
    @Option(names = "--method", required = true, paramLabel = "METHOD", description = "A method name (see 'dtad methods').")
    String method;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "A hyperparameter of the method (repeatable), e.g. --param epochs=100.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training data: .npz, .npy or .csv.")
    Path train;

    @Option(names = "--label-column", paramLabel = "NAME", description = "CSV only: a label column to leave out of the features.")
    String labelColumn;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "The model directory to create.")
    Path out;

    @Option(names = "--force", description = "Replace an existing model directory.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Method<?> m = Methods.find(method);
        Detector<?> detector = m.configure(parameters);
        if (!force && Files.exists(out)) {
            // Refuse before a long fit, not after it.
            throw new IllegalArgumentException(out + ": already exists; choose a new directory or use --force to replace it");
        }
        Dataset data = DataFiles.read(train, labelColumn);
        PrintWriter err = spec.commandLine().getErr();
        err.printf("Fitting %s on %d rows x %d features from %s%n", m.name(), data.x().rows(), data.x().columns(), train);
        err.flush();
        long start = System.nanoTime();
        try (DetectorModel model = detector.fit(data.x(), new ConsoleProgress(err, System.console() != null))) {
            double seconds = (System.nanoTime() - start) / 1e9;
            ModelFiles.save(model, out, force);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("Fitted %s in %s; model saved to %s%n", m.name(), ConsoleProgress.format(seconds), out);
            stdout.flush();
        }
        return 0;
    }
}
