package dtad.classical;

import dtad.data.AnomalyType;
import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.data.Standardizer;
import dtad.data.SyntheticData;
import dtad.detect.TrainingData;
import dtad.io.NpyWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark, not a test: OCSVM fit and score times of dtad's dense solver, LIBSVM's Java port and
 * scikit-learn's {@code OneClassSVM} (PyOD's defaults, one thread, through
 * {@code docs/reference/ocsvm_sklearn_time.py}) on the same generated rows ({@link SyntheticData}, three
 * Gaussians with 5% local anomalies, standardized with the training statistics; {@code rows} training rows
 * and as many scored rows), printed as a markdown table with the load average beside each row. Run from
 * the repository root with
 * {@code java -cp <dtad-core test classpath> dtad.classical.OneClassSvmSpeed [rows,...] [columns,...] [libsvm max rows] [python3 | none]},
 * defaults {@code 2000,5000,10000,25000 6,50,512 10000 /usr/bin/python3}: the LIBSVM port runs only up to the
 * given number of rows (it takes minutes beyond), {@code none} leaves out scikit-learn.
 */
public final class OneClassSvmSpeed {
    private static final double NU = 0.5;
    private static final double TOL = 1e-3;
    private static final int CACHE_MB = 200;

    private OneClassSvmSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int[] rowCounts = ints(args.length > 0 ? args[0] : "2000,5000,10000,25000");
        int[] columnCounts = ints(args.length > 1 ? args[1] : "6,50,512");
        int libsvmMaxRows = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        String python = args.length > 3 ? args[3] : "/usr/bin/python3";
        Path script = Path.of("docs/reference/ocsvm_sklearn_time.py");
        if (!python.equals("none") && !Files.isRegularFile(script)) {
            throw new IllegalStateException("Run from the repository root: " + script + " not found");
        }
        warmUp();
        System.out.printf(Locale.ROOT, "OCSVM, nu %.1f, gamma 1/columns, tol %.0e, cache %d MB, %d cores; seconds%n%n",
                NU, TOL, CACHE_MB, Runtime.getRuntime().availableProcessors());
        System.out.println("| rows x cols | SVs | solve: dtad | solve: LIBSVM port | solve: sklearn "
                + "| fit with training scores: dtad / PyOD | score: dtad | score: sklearn | sklearn's SVs and rho | load |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        for (int columns : columnCounts) {
            for (int rows : rowCounts) {
                System.out.println(cell(rows, columns, libsvmMaxRows, python, script));
            }
        }
    }

    private static String cell(int rows, int columns, int libsvmMaxRows, String python, Path script)
            throws IOException, InterruptedException {
        String load = String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Dataset data = new SyntheticData(2 * rows, columns, 0.05, AnomalyType.LOCAL, 3, rows + columns).generate();
        Matrix rawTrain = data.x().rowRange(0, rows);
        Standardizer standardizer = Standardizer.fit(rawTrain);
        Matrix train = standardizer.transform(rawTrain);
        Matrix test = standardizer.transform(data.x().rowRange(rows, 2 * rows));
        double gamma = 1.0 / columns;

        long t0 = System.nanoTime();
        OneClassSvmSolver.Solution solution = OneClassSvmSolver.solve(train, NU, gamma, TOL, CACHE_MB, true);
        double solve = seconds(t0);
        // the rest of OneClassSvm.fit: standardization and the training rows' scores
        TrainingData prepared = TrainingData.of(train);
        Matrix z = prepared.standardized();
        OneClassSvmModel model = OneClassSvmModel.create(new OneClassSvm(), prepared.info(),
                z.selectRows(solution.supportIndices()), solution.coefficients(), solution.rho(), rows, z);
        double fit = seconds(t0);
        t0 = System.nanoTime();
        model.score(test);
        double score = seconds(t0);
        String port = "";
        if (rows <= libsvmMaxRows) {
            t0 = System.nanoTime();
            Libsvm.oneClass(train, NU, gamma, TOL, CACHE_MB);
            port = String.format(Locale.ROOT, "%.2f", seconds(t0));
        }
        String sklearnSolve = "";
        String pyodFit = "";
        String sklearnScore = "";
        String agreement = "";
        if (!python.equals("none")) {
            Map<String, String> sk = sklearn(python, script, train, test);
            double skSolve = Double.parseDouble(sk.get("solve"));
            sklearnSolve = String.format(Locale.ROOT, "%.2f", skSolve);
            pyodFit = String.format(Locale.ROOT, "%.2f", skSolve + Double.parseDouble(sk.get("train_scores")));
            sklearnScore = String.format(Locale.ROOT, "%.2f", Double.parseDouble(sk.get("score")));
            long indexSum = Arrays.stream(solution.supportIndices()).asLongStream().sum();
            boolean sameSvs = Integer.parseInt(sk.get("n_sv")) == solution.supportIndices().length
                    && Long.parseLong(sk.get("sv_hash")) == indexSum;
            double rhoDiff = Math.abs(Double.parseDouble(sk.get("rho")) - solution.rho()) / Math.abs(solution.rho());
            agreement = String.format(Locale.ROOT, "%s, rho %.0e", sameSvs ? "same" : "differ", rhoDiff);
        }
        return String.format(Locale.ROOT, "| %,d x %d | %,d | %.2f | %s | %s | %.2f / %s | %.2f | %s | %s | %s |",
                rows, columns, solution.supportIndices().length, solve, port, sklearnSolve, fit, pyodFit, score,
                sklearnScore, agreement, load);
    }

    /** Runs the scikit-learn script on the same rows with one thread; its one line as key=value pairs. */
    private static Map<String, String> sklearn(String python, Path script, Matrix train, Matrix test)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ocsvm-speed");
        try {
            Path trainFile = dir.resolve("train.npy");
            Path testFile = dir.resolve("test.npy");
            NpyWriter.write(trainFile, train, false);
            NpyWriter.write(testFile, test, false);
            ProcessBuilder builder = new ProcessBuilder(python, script.toString(), trainFile.toString(),
                    testFile.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("OMP_NUM_THREADS", "1");
            builder.environment().put("OPENBLAS_NUM_THREADS", "1");
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("scikit-learn script failed: " + out);
            }
            Map<String, String> values = new HashMap<>();
            for (String pair : out.split("\\s+")) {
                String[] kv = pair.split("=", 2);
                values.put(kv[0], kv[1]);
            }
            return values;
        } finally {
            for (String name : new String[] {"train.npy", "test.npy"}) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Compiles the hot paths before the first timed cell. */
    private static void warmUp() {
        Matrix x = new SyntheticData(1_000, 20, 0.05, AnomalyType.LOCAL, 3, 1).generate().x();
        for (int i = 0; i < 3; i++) {
            new OneClassSvm().fit(x).score(x);
            Libsvm.oneClass(x, NU, 0.05, TOL, CACHE_MB);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
