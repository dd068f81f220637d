package dtad.bench.studies;

import dtad.bench.protocol.AdbenchProtocol;
import dtad.bench.protocol.Setting;
import dtad.bench.protocol.Split;
import dtad.bench.runner.DatasetCatalog;
import dtad.bench.runner.DatasetSource;
import dtad.bench.runner.Seeds;
import dtad.data.Matrix;
import dtad.metrics.RankingMetrics;
import dtad.method.Method;
import dtad.method.Methods;
import dtad.torch.recon.ReconstructionModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which reconstruction start(s) {@code rec_t} should DDPM (or DiT) score with? One fit per data set and
 * seed (semi-supervised ADBench protocol), scored once with every candidate start; prints the AUC-ROC
 * of each start alone and of the combinations (geometric mean of the errors, as {@code rec_t=a,b,c}
 * scores) as CSV. A study to run by hand, not a test:
 *
 * <pre>
 * mvn -q -o install -DskipTests
 * mvn -q -o dependency:build-classpath -pl dtad-bench -Dmdep.outputFile=/tmp/bench.cp -Dmdep.includeScope=test
 * java -Dai.djl.offline=true -cp dtad-bench/target/test-classes:dtad-bench/target/classes:$(cat /tmp/bench.cp) \
 *     dtad.bench.studies.ReconstructionStartStudy ../shared/datasets/adbench 38_thyroid,4_breastw 0-2 [DDPM] [key=value...]
 * </pre>
 */
public final class ReconstructionStartStudy {
    /** Single starts: from barely noised to well past the reference's 250. */
    private static final List<Integer> STARTS = List.of(5, 10, 25, 50, 100, 250, 500);
    /** Combinations worth a default: a small, a middle and a large start. */
    private static final List<List<Integer>> COMBINATIONS = List.of(List.of(10, 50, 250), List.of(25, 100, 250),
            List.of(10, 100, 500), List.of(5, 25, 100, 250), List.of(10, 25, 50, 100, 250, 500));

    private ReconstructionStartStudy() {
    }

    public static void main(String[] args) {
        DatasetCatalog catalog = DatasetCatalog.scan(Path.of(args[0]));
        List<DatasetSource> datasets = catalog.select(args[1]);
        List<Integer> seeds = Seeds.parse(args[2]);
        Method<?> method = Methods.find(args.length > 3 ? args[3] : "DDPM");
        Map<String, String> params = new LinkedHashMap<>();
        for (int a = 4; a < args.length; a++) {
            String[] kv = args[a].split("=", 2);
            params.put(kv[0], kv[1]);
        }
        params.put("rec_t", join(STARTS));
        List<String> columns = new ArrayList<>();
        STARTS.forEach(s -> columns.add(Integer.toString(s)));
        COMBINATIONS.forEach(c -> columns.add(join(c).replace(',', '+')));
        System.out.println("dataset,seed,fit_seconds,score_seconds," + String.join(",", columns));
        for (DatasetSource source : datasets) {
            for (int seed : seeds) {
                Split split = AdbenchProtocol.split(source.load(), Setting.SEMI, seed);
                params.put("seed", Integer.toString(seed));
                long t0 = System.nanoTime();
                try (ReconstructionModel model = (ReconstructionModel) method.configure(params).fit(split.train())) {
                    long t1 = System.nanoTime();
                    Matrix errors = model.errorsPerStart(split.test());
                    long t2 = System.nanoTime();
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s,%d,%.1f,%.1f",
                            source.name(), seed, (t1 - t0) / 1e9, (t2 - t1) / 1e9));
                    for (int s = 0; s < STARTS.size(); s++) {
                        line.append(auc(errors, List.of(STARTS.get(s)), split.testLabels()));
                    }
                    for (List<Integer> combination : COMBINATIONS) {
                        line.append(auc(errors, combination, split.testLabels()));
                    }
                    System.out.println(line);
                }
            }
        }
    }

    /** {@code ,AUC} of the geometric mean of the errors of {@code starts}. */
    private static String auc(Matrix errors, List<Integer> starts, int[] labels) {
        double[] scores = new double[errors.rows()];
        for (int r = 0; r < scores.length; r++) {
            double logSum = 0;
            for (int start : starts) {
                logSum += Math.log(Math.max(errors.get(r, STARTS.indexOf(start)), 1e-30));
            }
            scores[r] = logSum / starts.size();
        }
        return String.format(Locale.ROOT, ",%.4f", RankingMetrics.aucRoc(scores, labels));
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
