package dtad.bench.runner;

import dtad.data.Dataset;
import dtad.data.SyntheticData;
import dtad.io.NpzReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The data sets available to a benchmark, by name: the {@code .npz} files of a folder and its
 * sub-folders (named after the file, without {@code .npz}), or the embedded synthetic suite. Names are
 * listed in natural order, so {@code 4_breastw} comes before {@code 10_cover}.
 */
public final class DatasetCatalog {
    /** The seed of the embedded synthetic suite. */
    public static final long SYNTHETIC_SEED = 0;
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)(.*)$");

    private final Map<String, DatasetSource> byName;

    private DatasetCatalog(List<DatasetSource> sources) {
        Map<String, DatasetSource> map = new LinkedHashMap<>();
        sources.stream().sorted(Comparator.comparing(DatasetSource::name, DatasetCatalog::naturalOrder))
                .forEach(s -> map.put(s.name(), s));
        this.byName = map;
    }

    /** Every {@code .npz} file under {@code dir}; two files of the same name are refused, naming both. */
    public static DatasetCatalog scan(Path dir) {
        if (!Files.exists(dir)) {
            throw new UncheckedIOException(new NoSuchFileException(dir.toString()));
        }
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new NotDirectoryException(dir + " (--data-dir must be a folder)"));
        }
        Map<String, Path> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(".npz")) {
                    continue;
                }
                String name = fileName.substring(0, fileName.length() - 4);
                Path before = found.put(name, file);
                if (before != null) {
                    throw new IllegalArgumentException("Two data sets are named " + name + ": " + before + " and "
                            + file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No .npz data sets in " + dir + " or its sub-folders");
        }
        List<DatasetSource> sources = new ArrayList<>();
        found.forEach((name, file) -> sources.add(new DatasetSource(name, file.toString(), () -> {
            Dataset d = NpzReader.readDataset(file);
            return new Dataset(name, d.x(), d.labels());
        }, () -> headerSize(file))));
        return new DatasetCatalog(sources);
    }

    /**
     * The rows of a file's {@code X} from its header alone. A shape that loading refuses (not 2-D) still
     * gives a size here; its cells fail at loading all the same.
     */
    private static DatasetSize headerSize(Path file) {
        int[] shape = NpzReader.featuresShape(file);
        return DatasetSize.ofRows(shape.length == 0 ? 1 : shape[0]);
    }

    /** The embedded default suite of {@link SyntheticData#defaultSuite}, generated when used. */
    public static DatasetCatalog synthetic() {
        List<DatasetSource> sources = new ArrayList<>();
        for (Dataset d : SyntheticData.defaultSuite(SYNTHETIC_SEED)) {
            sources.add(new DatasetSource(d.name(), "synthetic suite, seed " + SYNTHETIC_SEED, () -> d,
                    () -> DatasetSize.of(d.x().rows(), d.anomalies())));
        }
        return new DatasetCatalog(sources);
    }

    /** A catalog of the given sources (e.g. generated data in tests). */
    public static DatasetCatalog of(List<DatasetSource> sources) {
        return new DatasetCatalog(sources);
    }

    /** The names, in natural order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * The data sets named in a comma-separated list, in the list's order, or every one for
     * {@code all} (or null); an unknown name is refused with the list of available names.
     */
    public List<DatasetSource> select(String names) {
        if (names == null || names.isBlank() || names.strip().equalsIgnoreCase("all")) {
            return List.copyOf(byName.values());
        }
        List<DatasetSource> out = new ArrayList<>();
        for (String raw : names.split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            DatasetSource source = byName.get(name.endsWith(".npz") ? name.substring(0, name.length() - 4) : name);
            if (source == null) {
                throw new IllegalArgumentException("Unknown data set '" + name + "'; available: "
                        + String.join(", ", byName.keySet()));
            }
            if (!out.contains(source)) {
                out.add(source);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("No data set named in '" + names + "'");
        }
        return out;
    }

    /** Compares names by their leading number, if both have one, then as text. */
    static int naturalOrder(String a, String b) {
        Matcher ma = LEADING_NUMBER.matcher(a);
        Matcher mb = LEADING_NUMBER.matcher(b);
        if (ma.matches() && mb.matches()) {
            int c = new java.math.BigInteger(ma.group(1)).compareTo(new java.math.BigInteger(mb.group(1)));
            if (c != 0) {
                return c;
            }
        }
        int c = a.compareToIgnoreCase(b);
        return c != 0 ? c : a.compareTo(b);
    }

    @Override
    public String toString() {
        return byName.keySet().stream().collect(Collectors.joining(", ", "DatasetCatalog[", "]"));
    }
}
