package dtad.bench.runner;

import dtad.data.Matrix;
import dtad.io.NpyArray;
import dtad.io.NpyReader;
import dtad.io.NpyWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where a benchmark cell keeps its test scores and anomaly maps for the report's image section:
 * {@code OUTDIR/maps/<dataset>/<method>-seed<seed>.npy} (float32, one row of {@code height x width} values per test
 * image, in the order of the test rows) and {@code ...-scores.npy} (float64, one score per test image). Written by
 * whichever process runs the cell (one file per cell, so workers never share a file); read by the parent.
 */
public final class CellMaps {
    static final String FOLDER = "maps";

    private CellMaps() {
    }

    /** The maps file of a cell. */
    public static Path mapsFile(Path outDir, String dataset, String method, int seed) {
        return outDir.resolve(FOLDER).resolve(safe(dataset)).resolve(safe(method) + "-seed" + seed + ".npy");
    }

    private static Path scoresFile(Path outDir, String dataset, String method, int seed) {
        return outDir.resolve(FOLDER).resolve(safe(dataset)).resolve(safe(method) + "-seed" + seed + "-scores.npy");
    }

    /** Writes a cell's maps and scores, replacing those of an earlier run of the cell. */
    static void write(Path outDir, Cell cell, Matrix maps, double[] scores) throws IOException {
        Path file = mapsFile(outDir, cell.dataset().name(), cell.method().name(), cell.seed());
        Files.createDirectories(file.getParent());
        NpyWriter.writeFloat32(file, new int[] {maps.rows(), maps.columns()}, maps.values(), 0, true);
        NpyWriter.write(scoresFile(outDir, cell.dataset().name(), cell.method().name(), cell.seed()), scores, true);
    }

    /** A cell's maps and scores, if it wrote them. */
    public static Optional<Stored> read(Path outDir, String dataset, String method, int seed) {
        if (!stored(outDir, dataset, method, seed)) {
            return Optional.empty();
        }
        NpyArray m = NpyReader.read(mapsFile(outDir, dataset, method, seed));
        NpyArray s = NpyReader.read(scoresFile(outDir, dataset, method, seed));
        return Optional.of(new Stored(m.toMatrix(), s.values()));
    }

    /**
     * Copies a cell's maps and scores from one results folder to another, replacing the target's (those of an
     * earlier, failed run of the cell); does nothing when the source has none.
     */
    static void copy(Path from, Path to, String dataset, String method, int seed) throws IOException {
        if (!stored(from, dataset, method, seed)) {
            return;
        }
        Path mapsTo = mapsFile(to, dataset, method, seed);
        Files.createDirectories(mapsTo.getParent());
        Files.copy(mapsFile(from, dataset, method, seed), mapsTo, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(scoresFile(from, dataset, method, seed), scoresFile(to, dataset, method, seed),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether a cell wrote both its maps and its scores into {@code outDir}. */
    private static boolean stored(Path outDir, String dataset, String method, int seed) {
        return Files.isRegularFile(mapsFile(outDir, dataset, method, seed))
                && Files.isRegularFile(scoresFile(outDir, dataset, method, seed));
    }

    /** A cell's stored maps (one row per test image) and scores. */
    public record Stored(Matrix maps, double[] scores) {
    }

    /** A name as a file name: letters, digits, '.', '-' and '_' kept, anything else '_'. */
    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
