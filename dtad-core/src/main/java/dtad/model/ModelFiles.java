package dtad.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dtad.InputException;
import dtad.Version;
import dtad.data.Standardizer;
import dtad.detect.DetectorModel;
import dtad.detect.TrainingInfo;
import dtad.method.Method;
import dtad.method.Methods;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Model files: a directory holding {@code manifest.json} (format version, dtad version, method,
 * hyperparameters, feature count, scaling statistics, seed, training data hash, creation time and a
 * SHA-256 per payload) and the payload files the method writes (NPY arrays, raw bytes).
 *
 * <p>Saving writes a sibling temporary directory and renames it, so an interrupted save never leaves
 * a half-written model under the final name, and never replaces an existing directory. Loading
 * dispatches on the format version and refuses a damaged, truncated or foreign directory with one
 * line that says what is wrong.
 */
public final class ModelFiles {
    /** The newest format this version writes and reads. */
    public static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";
    private static final String TRAINING_SCORES = "training_scores";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelFiles() {
    }

    /** Writes a model to {@code directory}, which must not exist yet (or be empty). */
    public static void save(DetectorModel model, Path directory) throws IOException {
        save(model, directory, false);
    }

    /**
     * Writes a model to {@code directory}. An existing model directory is replaced only if
     * {@code replace}; a directory that is not a dtad model is never replaced.
     */
    public static void save(DetectorModel model, Path directory, boolean replace) throws IOException {
        saveNamed(model, directory, replace, model.trainingInfo().featureNames());
    }

    private static void saveNamed(DetectorModel model, Path directory, boolean replace, List<String> featureNames)
            throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        boolean occupied = Files.exists(target) && !isEmptyDirectory(target);
        if (occupied && !replace) {
            throw new InputException(directory + ": already exists; choose a new directory or use --force to replace it");
        }
        if (occupied && !Files.isRegularFile(target.resolve(MANIFEST))) {
            throw new InputException(directory + ": exists and is not a dtad model directory; refusing to replace it");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            // Temporary directories are owner-only; a saved model is an ordinary, shareable directory.
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path old = parent.resolve("." + target.getFileName() + ".old-" + System.nanoTime());
        try {
            PayloadDirectory payloads = PayloadDirectory.forWriting(temp);
            payloads.doubles(TRAINING_SCORES, model.trainingScores());
            model.writePayloads(payloads);
            Files.writeString(temp.resolve(MANIFEST), JSON.writeValueAsString(manifest(model, payloads.entries(), featureNames)));
            if (Files.exists(target)) {
                // The old model (or empty directory) steps aside only once the new one is complete.
                Files.move(target, old);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
        } finally {
            deleteRecursively(temp);
            deleteRecursively(old);
        }
    }

    /**
     * Writes a model as {@link #save(DetectorModel, Path, boolean)} does, recording the names of its
     * features ({@code null}: the model's own, if any), so that scoring can match columns by name.
     */
    public static void save(DetectorModel model, Path directory, boolean replace, List<String> featureNames)
            throws IOException {
        if (featureNames != null && featureNames.size() != model.features()) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for a model of "
                    + model.features() + " features");
        }
        saveNamed(model, directory, replace, featureNames != null ? featureNames : model.trainingInfo().featureNames());
    }

    /** Loads a model directory written by {@link #save}. */
    public static DetectorModel load(Path directory) throws IOException {
        Manifest manifest = readManifest(directory);
        if (manifest.formatVersion() < 1 || manifest.formatVersion() > FORMAT_VERSION) {
            throw new InputException(directory + ": model format " + manifest.formatVersion()
                    + " is not supported (this dtad " + Version.get() + " reads format 1 to " + FORMAT_VERSION + ")");
        }
        return loadV1(directory, manifest);
    }

    private static DetectorModel loadV1(Path directory, Manifest m) throws IOException {
        if (m.method() == null || m.scaling() == null || m.payloads() == null || m.parameters() == null
                || m.scaling().mean() == null || m.scaling().scale() == null) {
            throw new InputException(directory + ": damaged manifest.json (required fields are missing)");
        }
        PayloadDirectory payloads = PayloadDirectory.forReading(directory, m.payloads());
        payloads.verifyAll();
        Method<?> method;
        try {
            method = Methods.find(m.method());
        } catch (IllegalArgumentException e) {
            throw new InputException(directory + ": " + e.getMessage());
        }
        try {
            Standardizer scaler = Standardizer.of(m.scaling().mean(), m.scaling().scale());
            if (scaler.features() != m.features()) {
                throw new InputException(directory + ": damaged manifest.json (" + scaler.features()
                        + " scaling columns for " + m.features() + " features)");
            }
            TrainingInfo info = new TrainingInfo(scaler, m.trainingRows(), m.dataHash(), Instant.parse(m.createdAt()),
                    m.featureNames());
            return load(method, m.parameters(), info, payloads.doubles(TRAINING_SCORES), payloads);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InputException(directory + ": damaged manifest.json (" + e.getMessage() + ")");
        } catch (InputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InputException(directory + ": damaged model: " + e.getMessage());
        }
    }

    private static <D extends dtad.detect.Detector<?>> DetectorModel load(Method<D> method, Map<String, String> parameters,
            TrainingInfo info, double[] trainingScores, PayloadReader payloads) throws IOException {
        return method.loader().load(method.configure(parameters), info, trainingScores, payloads);
    }

    private static Manifest readManifest(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new InputException(directory + ": not a model directory (" + (Files.exists(directory)
                    ? "a file" : "does not exist") + ")");
        }
        Path file = directory.resolve(MANIFEST);
        try {
            return JSON.readValue(Files.readString(file), Manifest.class);
        } catch (NoSuchFileException e) {
            throw new InputException(directory + ": not a dtad model (no " + MANIFEST + ")");
        } catch (JsonProcessingException e) {
            throw new InputException(directory + ": damaged " + MANIFEST + " (" + e.getOriginalMessage() + ")");
        }
    }

    private static Manifest manifest(DetectorModel model, Map<String, Manifest.Payload> payloads,
            List<String> featureNames) {
        Method<?> method = Methods.find(model.detector().method());
        Map<String, String> parameters = new LinkedHashMap<>(method.format(model.detector()));
        TrainingInfo info = model.trainingInfo();
        return new Manifest(FORMAT_VERSION, Version.get(), method.name(), parameters, info.features(), info.rows(),
                new Manifest.Scaling(info.scaler().means(), info.scaler().scales()), parameters.get("seed"),
                info.dataHash(), info.fittedAt().toString(), payloads, featureNames);
    }

    private static boolean isEmptyDirectory(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
