package dtad.bench.studies;

import dtad.bench.protocol.AdbenchProtocol;
import dtad.bench.protocol.Setting;
import dtad.bench.protocol.Split;
import dtad.bench.runner.DatasetCatalog;
import dtad.bench.runner.DatasetSource;
import dtad.bench.runner.Seeds;
import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.method.Method;
import dtad.method.Methods;
import dtad.metrics.RankingMetrics;
import dtad.torch.recon.ReconstructionModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which DiT settings (issue 20)? Fits a method once per data set, seed and variant (semi-supervised ADBench
 * protocol) and prints a CSV line per fit: AUC-ROC, fit and score seconds (wall and process CPU), and the
 * epochs trained (the early stop ends most fits before the last epoch). A study to run by hand, not a test:
 *
 * <pre>
 * mvn -B -q -o package -DskipTests &amp;&amp; mvn -B -q -o test-compile -pl dtad-bench
 * java -Dai.djl.offline=true -cp dtad-bench/target/test-classes:dtad-cli/target/dtad.jar \
 *     dtad.bench.studies.DitVariantStudy ../shared/datasets/adbench 40_vowels,42_WBC 0-2 DiT \
 *     defaults 'lr3:lr=1e-3;epochs=100'
 * </pre>
 *
 * Each variant is {@code label} or {@code label:key=value;key=value}, on the method's defaults. A variant with
 * several starts ({@code rec_t=50,250}) prints the AUC-ROC of each start, separated by semicolons.
 */
public final class DitVariantStudy {

    private DitVariantStudy() {
    }

    /** The CPU time of the process (every thread, native ones too): wall time misleads on a shared machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) {
        DatasetCatalog catalog = DatasetCatalog.scan(Path.of(args[0]));
        List<DatasetSource> datasets = catalog.select(args[1]);
        List<Integer> seeds = Seeds.parse(args[2]);
        Method<?> method = Methods.find(args[3]);
        System.out.println("dataset,seed,variant,aucroc,fit_seconds,score_seconds,epochs,n_train,n_test,dim,"
                + "fit_cpu_seconds,score_cpu_seconds");
        for (DatasetSource source : datasets) {
            for (int seed : seeds) {
                Split split = AdbenchProtocol.split(source.load(), Setting.SEMI, seed);
                for (int a = 4; a < args.length; a++) {
                    String[] labelled = args[a].split(":", 2);
                    Map<String, String> params = new LinkedHashMap<>();
                    if (labelled.length > 1) {
                        for (String kv : labelled[1].split(";")) {
                            String[] pair = kv.split("=", 2);
                            params.put(pair[0], pair[1]);
                        }
                    }
                    params.put("seed", Integer.toString(seed));
                    int[] epochs = new int[1];
                    long t0 = System.nanoTime();
                    long c0 = cpuNanos();
                    try (DetectorModel model = method.configure(params).fit(split.train(),
                            (done, total, message) -> epochs[0] = message.startsWith("stopped") ? epochs[0] : done)) {
                        long t1 = System.nanoTime();
                        long c1 = cpuNanos();
                        // With several starts: each start's AUC-ROC, then the score's (their errors' geometric mean).
                        StringBuilder aucs = new StringBuilder();
                        Matrix errors = model instanceof ReconstructionModel chains
                                && chains.detector().reconstruction().starts().size() > 1
                                ? chains.errorsPerStart(split.test()) : null;
                        double[] scores;
                        if (errors != null) {
                            scores = new double[errors.rows()];
                            for (int c = 0; c < errors.columns(); c++) {
                                double[] column = new double[errors.rows()];
                                for (int r = 0; r < column.length; r++) {
                                    column[r] = errors.get(r, c);
                                    scores[r] += Math.log(Math.max(column[r], 1e-30));
                                }
                                aucs.append(String.format(Locale.ROOT, "%.4f;",
                                        100 * RankingMetrics.aucRoc(column, split.testLabels())));
                            }
                            aucs.append(String.format(Locale.ROOT, "%.4f;",
                                    100 * RankingMetrics.aucRoc(scores, split.testLabels())));
                        } else {
                            scores = model.score(split.test());
                        }
                        long t2 = System.nanoTime();
                        long c2 = cpuNanos();
                        String auc = aucs.length() > 0 ? aucs.substring(0, aucs.length() - 1)
                                : String.format(Locale.ROOT, "%.4f", 100 * RankingMetrics.aucRoc(scores, split.testLabels()));
                        System.out.println(String.format(Locale.ROOT, "%s,%d,%s,%s,%.1f,%.1f,%d,%d,%d,%d,%.1f,%.1f",
                                source.name(), seed, labelled[0], auc, (t1 - t0) / 1e9,
                                (t2 - t1) / 1e9, epochs[0], split.train().rows(), split.test().rows(),
                                split.train().columns(), (c1 - c0) / 1e9, (c2 - c1) / 1e9));
                    }
                }
            }
        }
    }
}
