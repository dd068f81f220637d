package dtad.cli;

import dtad.bench.report.ExplanationPage;
import dtad.bench.report.RowExplanation;
import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.Explainable;
import dtad.detect.PosteriorModel;
import dtad.io.AtomicFiles;
import dtad.io.CsvWriter;
import dtad.io.DataTable;
import dtad.model.ModelFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dtad explain}: which features made chosen rows' scores, as a CSV and an HTML page per row. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain rows' scores: each feature's contribution, per the model's method (see the README).",
            "Writes OUT/explanations.csv (columns row (0-based row of FILE), score, probability, then one column per "
                + "feature holding its contribution; with --id-column that column first) and OUT/row-<row>.html per "
                + "explained row: the contributions as bars, the top features' values on the training scale and, for "
                + "models with a posterior over diffusion time (DTE), the row's posterior beside the mean posterior "
                + "of the file's rows.",
            "Rows: --rows, or the --top highest-scoring rows (default: the top 20)."})
final class ExplainCommand implements Callable<Integer> {
    static final String CSV = "explanations.csv";
    /** Rows whose posteriors make the typical posterior: at most this many, evenly spaced through the file. */
    static final int TYPICAL_ROWS = 1000;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "A model directory from 'dtad fit'.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Rows to explain: .csv, .tsv (also .gz), .parquet, .npz or .npy.")
    Path data;

    @Mixin
    TableOptions table;

    @Option(names = "--by-position", description = "Match the data's feature columns to the model's by position "
            + "(default: by name when both the model and the file have column names).")
    boolean byPosition;

    @ArgGroup(exclusive = true)
    Selection selection;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Folder for explanations.csv and the "
            + "pages (a new or empty folder, unless --force).")
    Path out;

    @Option(names = "--force", description = "Write into a folder that is not empty, replacing earlier explanations.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Selection {
        @Option(names = "--rows", paramLabel = "ROW", split = ",", description = "Rows to explain, counted from 0.")
        List<Integer> rows;

        @Option(names = "--top", paramLabel = "N", description = "Explain the N highest-scoring rows (default: 20).")
        Integer top;
    }

    @Override
    public Integer call() throws Exception {
        if (ImageInputOptions.isImageSource(data)) {
            throw new IllegalArgumentException(data + ": explain works on tables (.csv, .tsv, .parquet, .npz, .npy), "
                    + "not on images");
        }
        int top = selection != null && selection.top != null ? selection.top : 20;
        if (top < 1) {
            throw new IllegalArgumentException("Invalid --top " + top + ": at least 1");
        }
        requireWritableFolder();
        try (DetectorModel fitted = ModelFiles.load(model)) {
            Explainable explainable = requireExplainable(fitted, model);
            PrintWriter err = spec.commandLine().getErr();
            DataTable read = ModelRows.read(data, table, byPosition, fitted, model, err);
            Dataset rows = read.data();
            long start = System.nanoTime();
            double[] scores = fitted.score(rows.x());
            double[] probabilities = fitted.probabilityOfScores(scores);
            int[] chosen = chosenRows(scores, top);
            Matrix selected = rows.x().selectRows(chosen);
            double[][] contributions = explainable.contributions(selected);
            double seconds = (System.nanoTime() - start) / 1e9;

            List<String> features = new ArrayList<>();
            for (int j = 0; j < fitted.features(); j++) {
                features.add(featureName(read, fitted, j));
            }
            writeCsv(read, chosen, scores, probabilities, contributions, features);
            Posteriors posteriors = fitted instanceof PosteriorModel p ? Posteriors.of(p, rows.x(), selected) : null;
            Matrix standardized = fitted.trainingInfo().scaler().transform(selected);
            for (int i = 0; i < chosen.length; i++) {
                int row = chosen[i];
                RowExplanation explanation = new RowExplanation(fitted.detector().method(), model.toString(),
                        data.toString(), row, read.ids() == null ? null : read.ids().get(row), scores[row],
                        probabilities[row], explainable.contributionMeaning(), features, contributions[i],
                        selected.row(i), standardized.row(i),
                        posteriors == null ? null : posteriors.labels, posteriors == null ? null : posteriors.rows.row(i),
                        posteriors == null ? null : posteriors.typical, posteriors == null ? null : posteriors.description);
                byte[] page = ExplanationPage.html(explanation).getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(out.resolve(pageName(row)), force, o -> o.write(page));
            }
            err.printf("Explained %d of %d rows with %s in %s; wrote %s and %d pages (%s, ...)%n", chosen.length,
                    scores.length, fitted.detector().method(), ConsoleProgress.format(seconds), out.resolve(CSV),
                    chosen.length, out.resolve(pageName(chosen[0])));
            for (int i = 0; i < Math.min(chosen.length, 5); i++) {
                err.println(summaryLine(chosen[i], scores[chosen[i]], probabilities[chosen[i]], contributions[i],
                        features));
            }
            err.flush();
        }
        return 0;
    }

    /** The model as {@link Explainable}, or a one-line error naming its method. */
    static Explainable requireExplainable(DetectorModel fitted, Path model) {
        if (!(fitted instanceof Explainable explainable)) {
            throw new IllegalArgumentException(model + ": " + fitted.detector().method()
                    + " models cannot explain their scores yet (no per-feature contributions)");
        }
        return explainable;
    }

    /** Refuses, before any work, a folder that holds files unless --force. */
    private void requireWritableFolder() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + ": exists and is not a folder; --out names a folder");
        }
        if (!force && Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(out + ": folder exists and is not empty; choose a new folder "
                            + "or use --force to replace the explanations in it");
                }
            }
        }
    }

    /** The rows asked for with --rows (checked), or the --top highest-scoring ones, highest first. */
    private int[] chosenRows(double[] scores, int top) {
        if (selection != null && selection.rows != null) {
            for (int row : selection.rows) {
                if (row < 0 || row >= scores.length) {
                    throw new IllegalArgumentException("Invalid --rows " + row + ": " + data + " has " + scores.length
                            + " rows, 0 to " + (scores.length - 1) + " (counted from 0)");
                }
            }
            return selection.rows.stream().distinct().mapToInt(Integer::intValue).toArray();
        }
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(r -> -scores[r]).thenComparingInt(r -> r))
                .limit(top).mapToInt(Integer::intValue).toArray();
    }

    private static String featureName(DataTable read, DetectorModel fitted, int j) {
        List<String> names = fitted.trainingInfo().featureNames();
        return read.featureNames() != null ? read.featureName(j) : names != null ? names.get(j) : read.featureName(j);
    }

    private void writeCsv(DataTable read, int[] chosen, double[] scores, double[] probabilities,
            double[][] contributions, List<String> features) throws IOException {
        List<String> names = new ArrayList<>(List.of("row", "score", "probability"));
        for (String feature : features) {
            if (names.contains(feature) || feature.equals(table.idColumn)) {
                throw new IllegalArgumentException(data + ": feature column '" + feature + "' has the name of a column "
                        + "that " + CSV + " writes itself (row, score, probability); rename it");
            }
            names.add(feature);
        }
        int columns = names.size();
        double[] values = new double[chosen.length * columns];
        for (int i = 0; i < chosen.length; i++) {
            int o = i * columns;
            values[o] = chosen[i];
            values[o + 1] = scores[chosen[i]];
            values[o + 2] = probabilities[chosen[i]];
            System.arraycopy(contributions[i], 0, values, o + 3, features.size());
        }
        Matrix csv = Matrix.wrap(chosen.length, columns, values);
        List<String> ids = read.ids() == null ? null : Arrays.stream(chosen).mapToObj(read.ids()::get).toList();
        CsvWriter.write(out.resolve(CSV), table.idColumn, ids, names, csv, force);
    }

    static String pageName(int row) {
        return "row-" + row + ".html";
    }

    /** {@code row 17: score 3.1, probability 0.9990; top: x3 12.1, x7 4.02, x1 0.5} */
    private static String summaryLine(int row, double score, double probability, double[] contributions,
            List<String> features) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "row %d: score %.4g, probability %.4f; top:",
                row, score, probability));
        int[] order = IntStream.range(0, contributions.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -contributions[j]).thenComparingInt(j -> j))
                .limit(3).mapToInt(Integer::intValue).toArray();
        for (int k = 0; k < order.length; k++) {
            line.append(k == 0 ? " " : ", ").append(features.get(order[k]))
                    .append(String.format(Locale.ROOT, " %.3g", contributions[order[k]]));
        }
        return line.toString();
    }

    /** The explained rows' posteriors and the typical posterior: the mean over (a sample of) the file's rows. */
    private record Posteriors(List<String> labels, Matrix rows, double[] typical, String description) {
        static Posteriors of(PosteriorModel model, Matrix all, Matrix selected) {
            int n = all.rows();
            int sample = Math.min(n, TYPICAL_ROWS);
            int[] picked = new int[sample];
            for (int i = 0; i < sample; i++) {
                picked[i] = (int) ((long) i * n / sample);
            }
            Matrix typicalRows = model.posterior(all.selectRows(picked));
            double[] typical = new double[typicalRows.columns()];
            for (int r = 0; r < sample; r++) {
                for (int t = 0; t < typical.length; t++) {
                    typical[t] += typicalRows.get(r, t) / sample;
                }
            }
            String description = sample == n ? "the mean posterior of the file's " + n + " rows"
                    : "the mean posterior of " + sample + " rows evenly spaced through the file's " + n + " rows";
            return new Posteriors(List.of(model.posteriorLabels()), model.posterior(selected), typical, description);
        }
    }
}
