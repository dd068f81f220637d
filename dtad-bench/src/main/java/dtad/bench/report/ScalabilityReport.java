package dtad.bench.report;

import dtad.InputException;
import dtad.bench.results.CellDetails;
import dtad.bench.results.CellDetailsCsv;
import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import dtad.io.AtomicFiles;
import dtad.torch.image.ImageSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The image scalability table and plots from benchmark folders of one image size each (as
 * {@code docs/image-scalability/run.sh} writes them: {@code ROOT/<size>/results.csv} and {@code details.csv}):
 * per size and detector, the training images, fit time, scoring throughput, the peak resident memory of the
 * cell's process, and image- and pixel-level AUC-ROC and PRO (means over the seeds that finished).
 *
 * <pre>java -cp dtad.jar dtad.bench.report.ScalabilityReport ROOT OUT_DIR</pre>
 * writes {@code OUT_DIR/table.md} and {@code OUT_DIR/plots/*.png}.
 */
public final class ScalabilityReport {
    static {
        Headless.ensure();
    }

    /** One detector at one image size: means over its finished seeds. */
    record Entry(int side, String method, int seeds, int train, int test, double fitSeconds, double fitCpuSeconds,
                 double imagesPerSecond, double imagesPerCpuSecond, double peakMib, double aucRoc, double pixelAucRoc,
                 double pro, String failure) {
    }

    private ScalabilityReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("Usage: ScalabilityReport ROOT OUT_DIR (ROOT holds one benchmark folder per image size)");
            System.exit(2);
        }
        List<Entry> entries = read(Path.of(args[0]));
        write(entries, Path.of(args[1]));
        System.out.print(table(entries));
    }

    /** The entries of every benchmark folder under {@code root}, by image side, then in the order of methods run. */
    static List<Entry> read(Path root) throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(root)) {
            folders = list.filter(p -> Files.isRegularFile(p.resolve(Reports.RESULTS))).toList();
        }
        if (folders.isEmpty()) {
            throw new InputException(root + ": no benchmark folders (with results.csv) in it");
        }
        TreeMap<Integer, List<Entry>> bySide = new TreeMap<>();
        for (Path folder : folders) {
            List<ResultRow> rows = ResultsCsv.latestPerCell(ResultsCsv.read(folder.resolve(Reports.RESULTS)));
            Map<String, CellDetails> details = CellDetailsCsv.read(folder.resolve(CellDetailsCsv.FILE));
            Map<String, List<ResultRow>> byMethod = new LinkedHashMap<>();
            for (ResultRow row : rows) {
                byMethod.computeIfAbsent(row.method(), m -> new ArrayList<>()).add(row);
            }
            int side = rows.stream().filter(r -> r.dim() > 0).findFirst()
                    .map(r -> ImageSize.INFERRED.resolve(r.dim()).height())
                    .orElseGet(() -> folder.getFileName().toString().matches("\\d+")
                            ? Integer.parseInt(folder.getFileName().toString()) : 0);
            for (List<ResultRow> cells : byMethod.values()) {
                Entry entry = entry(side, cells, details);
                bySide.computeIfAbsent(entry.side(), s -> new ArrayList<>()).add(entry);
            }
        }
        List<Entry> out = new ArrayList<>();
        bySide.values().forEach(out::addAll);
        return out;
    }

    private static Entry entry(int side, List<ResultRow> cells, Map<String, CellDetails> details) {
        List<ResultRow> ok = cells.stream().filter(ResultRow::ok).toList();
        ResultRow first = ok.isEmpty() ? cells.get(0) : ok.get(0);
        if (ok.isEmpty()) {
            return new Entry(side, first.method(), 0, first.nTrain(), first.nTest(), Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, first.error());
        }
        double fit = 0;
        double fitCpu = 0;
        double rate = 0;
        double cpuRate = 0;
        double auc = 0;
        double peak = 0;
        double pixel = 0;
        double pro = 0;
        for (ResultRow r : ok) {
            CellDetails d = details.getOrDefault(r.key(), CellDetails.none(r.key()));
            fit += r.fitSeconds() / ok.size();
            rate += r.nTest() / r.scoreSeconds() / ok.size();
            fitCpu += d.fitCpuSeconds() / ok.size();
            cpuRate += r.nTest() / d.scoreCpuSeconds() / ok.size();
            auc += r.aucRoc() / ok.size();
            peak += d.peakRssMib() / ok.size();
            pixel += d.pixelAucRoc() / ok.size();
            pro += d.pro() / ok.size();
        }
        return new Entry(side, first.method(), ok.size(), first.nTrain(), first.nTest(), fit, fitCpu, rate, cpuRate, peak,
                auc, pixel, pro, "");
    }

    /** The table in Markdown. */
    static String table(List<Entry> entries) {
        StringBuilder out = new StringBuilder();
        out.append("| image | detector | train / test images | fit (s) | fit CPU (s) | scoring (images/s) "
                + "| scoring (images/CPU-s) | peak RSS (MiB) | image AUC-ROC | pixel AUC-ROC | PRO |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Entry e : entries) {
            if (!e.failure().isEmpty()) {
                out.append(String.format(Locale.ROOT, "| %d px | %s | %d / %d | failed: %s | | | | | | | |%n", e.side(),
                        e.method(), e.train(), e.test(), e.failure().replace("|", "/")));
                continue;
            }
            out.append(String.format(Locale.ROOT, "| %d px | %s | %d / %d | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    e.side(), e.method(), e.train(), e.test(), fixed(e.fitSeconds(), 1), fixed(e.fitCpuSeconds(), 1),
                    fixed(e.imagesPerSecond(), 1), fixed(e.imagesPerCpuSecond(), 1), fixed(e.peakMib(), 0), fixed(e.aucRoc(), 3), fixed(e.pixelAucRoc(), 3), fixed(e.pro(), 3)));
        }
        return out.toString();
    }

    private static String fixed(double v, int digits) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** Writes {@code table.md} and the plots into {@code outDir}. */
    static void write(List<Entry> entries, Path outDir) throws IOException {
        Files.createDirectories(outDir.resolve(Reports.PLOTS));
        AtomicFiles.write(outDir.resolve("table.md"), true,
                out -> out.write(table(entries).getBytes(StandardCharsets.UTF_8)));
        int[] sides = entries.stream().mapToInt(Entry::side).distinct().sorted().toArray();
        List<String> methods = entries.stream().map(Entry::method).distinct().toList();
        Plots plots = new Plots(Palette.of(methods), methods);
        List<Plot> drawn = List.of(
                plots.bySize("fit-seconds", "Fit time", "seconds (log)", "Wall time of the fit, including the "
                        + "training scores.", true, sides, values(entries, sides, methods, Entry::fitSeconds)),
                plots.bySize("fit-cpu-seconds", "Fit CPU time", "CPU seconds (log)", "CPU time of the process during "
                        + "the fit (all threads).", true, sides, values(entries, sides, methods, Entry::fitCpuSeconds)),
                plots.bySize("scoring-rate", "Scoring throughput", "test images per second (log)", "Test images "
                        + "scored per second.", true, sides, values(entries, sides, methods, Entry::imagesPerSecond)),
                plots.bySize("peak-memory", "Peak memory", "peak RSS of the cell's JVM (MiB, log)", "VmHWM of the "
                        + "worker process that ran the cell alone.", true, sides,
                        values(entries, sides, methods, Entry::peakMib)),
                plots.bySize("image-aucroc", "Image-level AUC-ROC", "AUC-ROC", "Image-level AUC-ROC on the "
                        + "test images.", false, sides, values(entries, sides, methods, Entry::aucRoc)));
        for (Plot plot : drawn) {
            AtomicFiles.write(outDir.resolve(Reports.PLOTS).resolve(plot.fileName()), true, out -> out.write(plot.png()));
        }
    }

    private static Map<String, double[]> values(List<Entry> entries, int[] sides, List<String> methods,
                                                 java.util.function.ToDoubleFunction<Entry> measure) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String method : methods) {
            double[] v = new double[sides.length];
            java.util.Arrays.fill(v, Double.NaN);
            for (Entry e : entries) {
                if (e.method().equals(method) && e.failure().isEmpty()) {
                    v[java.util.Arrays.binarySearch(sides, e.side())] = measure.applyAsDouble(e);
                }
            }
            out.put(method, v);
        }
        return out;
    }
}
