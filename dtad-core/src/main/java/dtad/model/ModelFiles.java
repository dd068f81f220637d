package dtad.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dtad.InputException;
import dtad.Version;
import dtad.data.Standardizer;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.detect.PayloadReader;
import dtad.detect.TrainingInfo;
import dtad.io.Leftovers;
import dtad.method.Method;
import dtad.method.MethodCatalog;
import dtad.method.StandardParameters;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
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
 * SHA-256 per payload), {@code manifest.sha256} (the SHA-256 of {@code manifest.json}'s bytes, in
 * {@code sha256sum} format, so that every field, present or added later, is covered) and the payload
 * files the method writes (NPY arrays, raw bytes).
 *
 * <p><b>Formats.</b> Format 2 (this version) added {@code manifest.sha256} and self-describing network
 * parameter payloads; format 1 models (no manifest checksum) are still read.
 *
 * <p><b>Saving</b> writes a sibling temporary directory ({@code .NAME.partial-*}) and renames it, so an
 * interrupted save never leaves a half-written model under the final name. Replacing a model moves the
 * old one aside ({@code .NAME.old-*}) just before the new one is renamed in; if the process dies
 * between the two renames, the next save or load of NAME moves the old model back. Leftovers of killed
 * runs are deleted then too (see {@link Leftovers}). Loading dispatches on the format version and
 * refuses a damaged, changed, truncated or foreign directory with one line that says what is wrong.
 *
 * <p><b>Methods.</b> Saving asks the model's {@link Method} for the name and the parameters as text that
 * the manifest records; loading asks a {@link MethodCatalog} for the method the manifest names and lets
 * it parse the parameters and rebuild the model. The short forms use the installed methods
 * ({@link MethodCatalog#installed()}); the forms that take a {@link Method} or a {@link MethodCatalog}
 * need no registry, so a detector of your own saves and loads without a {@code META-INF/services} entry.
 */
public final class ModelFiles {
    /** The newest format this version writes and reads. */
    public static final int FORMAT_VERSION = 2;
    /** The oldest format this version reads. */
    public static final int OLDEST_FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_CHECKSUM = "manifest.sha256";
    private static final String TRAINING_SCORES = "training_scores";
    private static final String PARTIAL = "partial";
    private static final String OLD = "old";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Runs between moving the old model aside and moving the new one in (a test seam to simulate a crash there). */
    static volatile Runnable betweenRenames = () -> { };

    private ModelFiles() {
    }

    /**
     * Writes a model of an installed method to {@code directory}, which must not exist yet (or be empty).
     *
     * @throws IllegalArgumentException if the model's method is not installed (use
     *                                  {@link #save(DetectorModel, Method, Path)})
     */
    public static void save(DetectorModel model, Path directory) throws IOException {
        save(model, directory, false);
    }

    /**
     * Writes a model of an installed method to {@code directory}. An existing model directory is replaced
     * only if {@code replace}; a directory that is not a dtad model is never replaced.
     */
    public static void save(DetectorModel model, Path directory, boolean replace) throws IOException {
        save(model, directory, replace, null);
    }

    /**
     * Writes a model as {@link #save(DetectorModel, Path, boolean)} does, recording the names of its
     * features ({@code null}: the model's own, if any), so that scoring can match columns by name.
     */
    public static void save(DetectorModel model, Path directory, boolean replace, List<String> featureNames)
            throws IOException {
        save(model, installedMethod(model.detector()), directory, replace, featureNames);
    }

    /**
     * Writes a model of {@code method} (which need not be installed) to {@code directory}, which must not
     * exist yet (or be empty); {@link #load(Path, MethodCatalog)} with a catalog holding {@code method}
     * reads it back.
     *
     * @throws IllegalArgumentException if the model's configuration is not one of {@code method}
     */
    public static void save(DetectorModel model, Method<?> method, Path directory) throws IOException {
        save(model, method, directory, false, null);
    }

    /**
     * Writes a model of {@code method} as {@link #save(DetectorModel, Method, Path)} does; an existing
     * model directory is replaced only if {@code replace}; {@code featureNames} as in
     * {@link #save(DetectorModel, Path, boolean, List)}.
     */
    public static void save(DetectorModel model, Method<?> method, Path directory, boolean replace,
            List<String> featureNames) throws IOException {
        if (featureNames != null && featureNames.size() != model.features()) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for a model of "
                    + model.features() + " features");
        }
        // Before touching the disk: the method must be the model's (format refuses another's configuration).
        Map<String, String> parameters = new LinkedHashMap<>(method.format(model.detector()));
        saveNamed(model, method, parameters, directory, replace,
                featureNames != null ? featureNames : model.trainingInfo().featureNames());
    }

    private static Method<?> installedMethod(Detector<?> detector) {
        MethodCatalog installed = MethodCatalog.installed();
        if (!installed.contains(detector.method())) {
            throw new IllegalArgumentException("Method '" + detector.method() + "' is not installed (no "
                    + "META-INF/services/dtad.method.MethodProvider lists it); save its models with "
                    + "ModelFiles.save(model, method, directory) and load them with ModelFiles.load(directory, "
                    + "catalog)");
        }
        return installed.find(detector.method());
    }

    private static void saveNamed(DetectorModel model, Method<?> method, Map<String, String> parameters, Path directory,
            boolean replace, List<String> featureNames) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        recover(target);
        boolean occupied = Files.exists(target) && !isEmptyDirectory(target);
        if (occupied && !replace) {
            throw new InputException(directory + ": already exists; choose a new directory or use --force to replace it");
        }
        if (occupied && !Files.isRegularFile(target.resolve(MANIFEST))) {
            throw new InputException(directory + ": exists and is not a dtad model directory; refusing to replace it");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, Leftovers.prefix(target, PARTIAL));
        if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            // Temporary directories are owner-only; a saved model is an ordinary, shareable directory.
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path old = parent.resolve(Leftovers.prefix(target, OLD) + Long.toUnsignedString(System.nanoTime()));
        try (DetectorModel.Permit open = model.open()) {
            PayloadDirectory payloads = PayloadDirectory.forWriting(temp);
            payloads.doubles(TRAINING_SCORES, model.trainingScores());
            model.writePayloads(payloads);
            byte[] manifest = JSON.writeValueAsBytes(manifest(model, method, parameters, payloads.entries(),
                    featureNames));
            Files.write(temp.resolve(MANIFEST), manifest);
            Files.writeString(temp.resolve(MANIFEST_CHECKSUM), PayloadDirectory.sha256(manifest) + "  " + MANIFEST + "\n");
            boolean replacing = Files.exists(target);
            try {
                if (replacing) {
                    // The old model (or empty directory) steps aside only once the new one is complete;
                    // should the process die before the next rename, recover() moves it back.
                    Files.move(target, old);
                    betweenRenames.run();
                }
                move(temp, target);
            } catch (IOException | RuntimeException e) {
                if (Files.exists(old) && !Files.exists(target)) {
                    Files.move(old, target); // put the old model back before reporting the failure
                }
                throw e;
            }
        } finally {
            Leftovers.deleteRecursively(temp);
            Leftovers.deleteRecursively(old);
        }
    }

    /** Loads a model directory written by {@link #save}, of an installed method. */
    public static DetectorModel load(Path directory) throws IOException {
        return load(directory, MethodCatalog.installed());
    }

    /**
     * Loads a model directory written by {@link #save}, of a method in {@code methods} (e.g.
     * {@code MethodCatalog.installed().with(MyDetector.METHOD)}).
     */
    public static DetectorModel load(Path directory, MethodCatalog methods) throws IOException {
        try {
            recover(directory.toAbsolutePath().normalize());
        } catch (IOException e) {
            // Best effort: a folder this process cannot list or change holds nothing it could recover.
        }
        byte[] bytes = readManifestBytes(directory);
        Manifest manifest = parseManifest(directory, bytes);
        if (manifest.formatVersion() < OLDEST_FORMAT_VERSION || manifest.formatVersion() > FORMAT_VERSION) {
            throw new InputException(directory + ": model format " + manifest.formatVersion()
                    + " is not supported (this dtad " + Version.get() + " reads format " + OLDEST_FORMAT_VERSION
                    + " to " + FORMAT_VERSION + ")");
        }
        verifyManifest(directory, bytes, manifest.formatVersion());
        return load(directory, manifest, methods);
    }

    /**
     * Undoes what a process killed in the middle of {@link #save} left: if {@code target} is missing
     * and a complete old model of a dead process is beside it, moves that back; then deletes the
     * temporary directories of dead processes.
     */
    static void recover(Path target) throws IOException {
        if (target.getParent() == null) {
            return;
        }
        if (!Files.exists(target)) {
            for (Path old : Leftovers.abandoned(target, OLD)) {
                if (Files.isRegularFile(old.resolve(MANIFEST))) {
                    try {
                        Files.move(old, target);
                    } catch (FileAlreadyExistsException e) {
                        // Another process restored or saved it meanwhile.
                    }
                    break;
                }
            }
        }
        Leftovers.clean(target, PARTIAL, OLD);
    }

    /**
     * Checks {@code manifest.json} against {@code manifest.sha256}: required from format 2 on, and
     * checked whenever it is there.
     */
    private static void verifyManifest(Path directory, byte[] manifest, int formatVersion) throws IOException {
        Path file = directory.resolve(MANIFEST_CHECKSUM);
        if (!Files.isRegularFile(file)) {
            if (formatVersion >= 2) {
                throw new InputException(directory + ": " + MANIFEST_CHECKSUM + " is missing; the manifest cannot be "
                        + "checked");
            }
            return;
        }
        String line = Files.readString(file).trim();
        String expected = line.split("\\s+", 2)[0];
        if (!PayloadDirectory.sha256(manifest).equalsIgnoreCase(expected)) {
            throw new InputException(directory + ": " + MANIFEST + " was changed or damaged after the model was saved "
                    + "(its SHA-256 differs from " + MANIFEST_CHECKSUM + "); fit the model again");
        }
    }

    private static DetectorModel load(Path directory, Manifest m, MethodCatalog methods) throws IOException {
        if (m.method() == null || m.scaling() == null || m.payloads() == null || m.parameters() == null
                || m.scaling().mean() == null || m.scaling().scale() == null) {
            throw new InputException(directory + ": damaged manifest.json (required fields are missing)");
        }
        PayloadDirectory payloads = PayloadDirectory.forReading(directory, m.payloads());
        payloads.verifyAll();
        Method<?> method;
        try {
            method = methods.find(m.method());
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

    private static <D extends Detector<?>> DetectorModel load(Method<D> method, Map<String, String> parameters,
            TrainingInfo info, double[] trainingScores, PayloadReader payloads) throws IOException {
        return method.loader().load(method.configureSaved(parameters), info, trainingScores, payloads);
    }

    private static byte[] readManifestBytes(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new InputException(directory + ": not a model directory (" + (Files.exists(directory)
                    ? "a file" : "does not exist") + ")");
        }
        try {
            return Files.readAllBytes(directory.resolve(MANIFEST));
        } catch (NoSuchFileException e) {
            throw new InputException(directory + ": not a dtad model (no " + MANIFEST + ")");
        }
    }

    private static Manifest parseManifest(Path directory, byte[] bytes) throws IOException {
        Manifest manifest;
        try {
            manifest = JSON.readValue(bytes, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new InputException(directory + ": damaged " + MANIFEST + " (" + e.getOriginalMessage() + ")");
        }
        if (manifest == null) {
            throw new InputException(directory + ": damaged " + MANIFEST + " (JSON null, not an object)");
        }
        return manifest;
    }

    private static Manifest manifest(DetectorModel model, Method<?> method, Map<String, String> parameters,
            Map<String, Manifest.Payload> payloads, List<String> featureNames) {
        TrainingInfo info = model.trainingInfo();
        String seed = method.parameters().declares(StandardParameters.SEED)
                ? parameters.get(StandardParameters.SEED.name()) : null; // a seeded method's seed, by declaration
        return new Manifest(FORMAT_VERSION, Version.get(), method.name(), parameters, info.features(), info.rows(),
                new Manifest.Scaling(info.scaler().means(), info.scaler().scales()), seed,
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

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
