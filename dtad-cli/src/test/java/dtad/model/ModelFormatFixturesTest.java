package dtad.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.io.NpyReader;
import dtad.io.NpyWriter;
import dtad.method.Family;
import dtad.method.Method;
import dtad.method.Methods;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Model files that last: a small model of every registered method, written by an earlier build, must
 * load and score the same in every later build.
 *
 * <p>{@code src/test/resources/model-fixtures/format-N/METHOD/} holds a model directory ({@code model/})
 * and the scores it gave on {@code test.npy} when it was written ({@code scores.npy}). Classical models
 * must give the same scores to {@value #CLASSICAL_TOLERANCE} of the score range: a later build may sum in
 * another order (OCSVM's kernel moved to the norm form, a change in the 16th digit), never compute another
 * score. Network models may differ in the last bits on another CPU (libtorch picks
 * its matrix kernels by the instruction set), so they are compared within {@value #NETWORK_TOLERANCE}
 * relative to the score range.
 *
 * <p>To add the fixtures of a new format, run once (the writer never overwrites):
 * <pre>mvn -B -o -pl dtad-cli -am test -Dtest=ModelFormatFixturesTest#write -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddtad.fixtures.write=dtad-cli/src/test/resources/model-fixtures</pre>
 */
class ModelFormatFixturesTest {
    static final Path FIXTURES = Path.of("src/test/resources/model-fixtures");
    static final double NETWORK_TOLERANCE = 1e-5;
    static final double CLASSICAL_TOLERANCE = 1e-12;

    /** Tiny settings per method, so that each fixture is a few kilobytes and fits in a moment. */
    static final Map<String, Map<String, String>> SMALL = Map.ofEntries(
            Map.entry("DTE-NP", Map.of()),
            Map.entry("DTE-C", Map.of("hidden", "8,8", "epochs", "2", "batch", "16")),
            Map.entry("DTE-IG", Map.of("hidden", "8,8", "epochs", "2", "batch", "16")),
            Map.entry("DTE-G", Map.of("hidden", "8,8", "epochs", "2", "batch", "16")),
            Map.entry("DDPM", Map.of("width", "8", "block_width", "16", "blocks", "1", "time_dim", "8",
                    "steps", "100", "rec_t", "20", "epochs", "2", "batch", "16")),
            Map.entry("DiT", Map.of("hidden", "8", "depth", "1", "heads", "2", "mlp_ratio", "2", "time_dim", "8",
                    "steps", "100", "rec_t", "20", "epochs", "2", "batch", "16")),
            Map.entry("IForest", Map.of("trees", "10", "max_samples", "32")),
            Map.entry("OCSVM", Map.of()),
            Map.entry("COPOD", Map.of()),
            Map.entry("ECOD", Map.of()),
            Map.entry("KNN", Map.of()),
            Map.entry("LOF", Map.of("k", "10")),
            Map.entry("HBOS", Map.of()),
            Map.entry("PCA", Map.of()),
            Map.entry("ImageDDPM", Map.of("base", "4", "time_dim", "8", "steps", "100", "rec_t", "10",
                    "epochs", "2", "batch", "16")),
            Map.entry("ImageDiT", Map.of("hidden", "8", "depth", "1", "heads", "2", "mlp_ratio", "2", "time_dim", "8",
                    "steps", "100", "rec_t", "10", "epochs", "2", "batch", "16")),
            Map.entry("ImageDTE-C", Map.of("widths", "4,8", "epochs", "2", "batch", "16")));

    /** Methods whose rows are images: their fixtures are fitted on 8 x 8 grey images (64 values a row). */
    static final java.util.Set<String> IMAGE_METHODS = java.util.Set.of("ImageDDPM", "ImageDiT", "ImageDTE-C");

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> formats = Files.list(FIXTURES)) {
            return formats.filter(Files::isDirectory).sorted().toList().stream().flatMap(format -> {
                try (Stream<Path> methods = Files.list(format)) {
                    return methods.filter(Files::isDirectory).sorted().toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void savedModelLoadsAndScoresAsWhenItWasWritten(Path fixture) throws IOException {
        Matrix test = NpyReader.read(fixture.resolve("test.npy")).toMatrix();
        double[] expected = NpyReader.read(fixture.resolve("scores.npy")).values();
        try (DetectorModel model = ModelFiles.load(fixture.resolve("model"))) {
            double[] actual = model.score(test);
            assertEquals(expected.length, actual.length);
            String name = model.detector().method();
            boolean network = Methods.find(name).family() != Family.CLASSICAL && !name.equals("DTE-NP");
            double tolerance = (network ? NETWORK_TOLERANCE : CLASSICAL_TOLERANCE) * range(expected);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], tolerance, fixture + " row " + (i + 1));
            }
        }
    }

    @Test
    void everyRegisteredMethodHasAFixtureOfTheCurrentFormat() throws IOException {
        Path current = FIXTURES.resolve("format-" + ModelFiles.FORMAT_VERSION);
        TreeSet<String> registered = new TreeSet<>();
        for (Method<?> m : Methods.all()) {
            registered.add(m.name());
        }
        TreeSet<String> present = new TreeSet<>();
        try (Stream<Path> methods = Files.list(current)) {
            methods.filter(Files::isDirectory).forEach(p -> present.add(p.getFileName().toString()));
        }
        assertEquals(registered, present);
        assertEquals(registered, new TreeSet<>(SMALL.keySet()));
    }

    /**
     * Writes the fixtures of the current format that are missing under the folder the property names
     * (a method registered after the format's first fixtures gets its own; existing ones are kept).
     */
    @Test
    @EnabledIfSystemProperty(named = "dtad.fixtures.write", matches = ".+")
    void write() throws IOException {
        Path root = Path.of(System.getProperty("dtad.fixtures.write")).toAbsolutePath();
        if (!Files.isDirectory(root)) {
            // Surefire runs in the module folder; the documented command names the path from the project root.
            root = Path.of("..").resolve(System.getProperty("dtad.fixtures.write")).toAbsolutePath().normalize();
        }
        Path format = root.resolve("format-" + ModelFiles.FORMAT_VERSION);
        for (Method<?> method : Methods.all()) {
            Path out = format.resolve(method.name());
            if (Files.exists(out)) {
                continue; // fixtures are never overwritten
            }
            int d = IMAGE_METHODS.contains(method.name()) ? 64 : 3;
            Matrix train = rows(60, d, 1);
            Matrix test = rows(12, d, 2);
            Files.createDirectories(out);
            try (DetectorModel model = method.configure(SMALL.get(method.name())).fit(train)) {
                model.save(out.resolve("model"));
                NpyWriter.write(out.resolve("test.npy"), test, false);
                NpyWriter.write(out.resolve("scores.npy"), model.score(test), false);
            }
        }
    }

    /** Gaussian rows with the last two rows moved far out (planted outliers). */
    static Matrix rows(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            v[i] = Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2) + (i >= (n - 2) * d ? 4 : 0);
        }
        return Matrix.wrap(n, d, v);
    }

    private static double range(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return Math.max(hi - lo, Math.abs(hi));
    }
}
