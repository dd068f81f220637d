package dtad.torch.recon;

import dtad.metrics.RankingMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The AUC-ROC of each score variant of {@link ImageScoreStudy}'s CSV files (an evaluation to run by hand):
 * one line per variant, one column per file. A label 1 is an anomaly (another class).
 *
 * <pre>
 * java -cp (as for ImageScoreStudy) dtad.torch.recon.ImageScoreStudyReport /work/runs/img-score/study-*.csv
 * </pre>
 */
public final class ImageScoreStudyReport {
    private ImageScoreStudyReport() {
    }

    /** One study file: the header and the test and training rows. */
    private record Study(String name, List<String> header, double[][] test, int[] labels, double[][] train) {
        int column(String c) {
            int i = header.indexOf(c);
            if (i < 0) {
                throw new IllegalArgumentException(c);
            }
            return i;
        }

        /** Column {@code c} of every row of {@code rows}. */
        double[] values(double[][] rows, String c) {
            int i = column(c);
            double[] out = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                out[r] = rows[r][i];
            }
            return out;
        }
    }

    public static void main(String[] args) throws IOException {
        List<Study> studies = new ArrayList<>();
        for (String a : args) {
            studies.add(read(Path.of(a)));
        }
        Map<String, Function<Study, double[]>> variants = new LinkedHashMap<>();
        variants.put("energy (ink)", s -> s.values(s.test, "energy"));
        int[] times = ImageScoreStudy.TIMES;
        for (int t : times) {
            variants.put("eps t" + t + " 1 draw", s -> s.values(s.test, "eps_t" + t + "_d0"));
            variants.put("eps t" + t + " 2 draws", s -> meanOver(s, s.test, List.of(t), false));
            variants.put("eps t" + t + " 2 draws / energy", s -> divide(meanOver(s, s.test, List.of(t), false),
                    s.values(s.test, "energy")));
        }
        for (int ds : ImageScoreStudy.DDIM_STARTS) {
            variants.put("ddim s" + ds + " 5 steps", s -> s.values(s.test, "ddim_s" + ds));
            variants.put("ddim s" + ds + " 5 steps / energy", s -> divide(s.values(s.test, "ddim_s" + ds),
                    s.values(s.test, "energy")));
        }
        List<List<Integer>> sets = List.of(List.of(500, 700, 900), List.of(600, 800, 999), List.of(700, 800, 900),
                List.of(800, 900, 999), List.of(300, 500, 700, 900), List.of(700, 900), List.of(500, 800),
                List.of(600, 900), List.of(300, 500, 600, 700, 800, 900, 999), List.of(700, 999), List.of(600, 999),
                List.of(500, 800, 999), List.of(500, 999));
        for (List<Integer> set : sets) {
            variants.put("geo mean " + set, s -> geoMean(s, s.test, set));
            variants.put("geo mean 1 draw " + set, s -> firstDrawGeoMean(s, set));
            variants.put("z sum " + set, s -> zSum(s, set, false));
            variants.put("z sum log " + set, s -> zSum(s, set, true));
            variants.put("z sum log / energy " + set, s -> zSum(s, set, true, true));
            variants.put("mean x0 error " + set, s -> x0Mean(s, set));
        }
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-45s", "variant"));
        for (Study s : studies) {
            head.append(String.format(Locale.ROOT, " %9s", s.name));
        }
        head.append("      mean");
        System.out.println(head);
        for (var v : variants.entrySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-45s", v.getKey()));
            double sum = 0;
            for (Study s : studies) {
                double auc = 100 * RankingMetrics.aucRoc(v.getValue().apply(s), s.labels);
                sum += auc;
                line.append(String.format(Locale.ROOT, " %9.2f", auc));
            }
            line.append(String.format(Locale.ROOT, " %9.2f", sum / studies.size()));
            System.out.println(line);
        }
    }

    /** The mean over {@code set} of the one-step x0 error, {@code (1 - alphaBar_t) / alphaBar_t} times the noise error. */
    private static double[] x0Mean(Study s, List<Integer> set) {
        dtad.diffusion.NoiseSchedule schedule = dtad.diffusion.NoiseSchedule.linear(1000);
        double[] out = new double[s.test.length];
        for (int t : set) {
            double factor = (1 - schedule.alphaBar(t)) / schedule.alphaBar(t);
            double[] v = meanOver(s, s.test, List.of(t), false);
            for (int i = 0; i < out.length; i++) {
                out[i] += factor * v[i];
            }
        }
        return out;
    }

    private static double[] firstDrawGeoMean(Study s, List<Integer> set) {
        double[] out = new double[s.test.length];
        for (int t : set) {
            double[] v = s.values(s.test, "eps_t" + t + "_d0");
            for (int i = 0; i < out.length; i++) {
                out[i] += Math.log(v[i]);
            }
        }
        return out;
    }

    private static double[] divide(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / b[i];
        }
        return out;
    }

    private static double[] meanOver(Study s, double[][] rows, List<Integer> set, boolean log) {
        double[] out = new double[rows.length];
        for (int t : set) {
            for (int d = 0; d < ImageScoreStudy.DRAWS; d++) {
                double[] v = s.values(rows, "eps_t" + t + "_d" + d);
                for (int i = 0; i < out.length; i++) {
                    out[i] += (log ? Math.log(v[i]) : v[i]) / ImageScoreStudy.DRAWS;
                }
            }
        }
        return out;
    }

    private static double[] geoMean(Study s, double[][] rows, List<Integer> set) {
        return meanOver(s, rows, set, true);
    }

    private static double[] zSum(Study s, List<Integer> set, boolean log) {
        return zSum(s, set, log, false);
    }

    /** The sum over {@code t} of the draws' mean error standardised by its mean and deviation over the training rows. */
    private static double[] zSum(Study s, List<Integer> set, boolean log, boolean perEnergy) {
        double[] out = new double[s.test.length];
        double[] testEnergy = s.values(s.test, "energy");
        double[] trainEnergy = s.values(s.train, "energy");
        for (int t : set) {
            double[] test = meanOver(s, s.test, List.of(t), false);
            double[] train = meanOver(s, s.train, List.of(t), false);
            if (perEnergy) {
                test = divide(test, testEnergy);
                train = divide(train, trainEnergy);
            }
            if (log) {
                for (int i = 0; i < test.length; i++) {
                    test[i] = Math.log(test[i]);
                }
                for (int i = 0; i < train.length; i++) {
                    train[i] = Math.log(train[i]);
                }
            }
            double mean = 0;
            for (double v : train) {
                mean += v / train.length;
            }
            double var = 0;
            for (double v : train) {
                var += (v - mean) * (v - mean) / (train.length - 1);
            }
            double sd = Math.sqrt(var);
            for (int i = 0; i < out.length; i++) {
                out[i] += (test[i] - mean) / sd;
            }
        }
        return out;
    }

    private static Study read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        List<double[]> test = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<double[]> train = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double[] row = new double[header.size()];
            for (int i = 2; i < f.length; i++) {
                row[i] = Double.parseDouble(f[i]);
            }
            if (f[0].equals("test")) {
                test.add(row);
                labels.add(Integer.parseInt(f[1]));
            } else {
                train.add(row);
            }
        }
        String name = file.getFileName().toString().replace("study-", "").replace(".csv", "");
        return new Study(name.length() > 9 ? name.substring(name.length() - 9) : name, header,
                test.toArray(double[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                train.toArray(double[][]::new));
    }
}
