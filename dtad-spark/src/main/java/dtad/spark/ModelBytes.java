package dtad.spark;

import dtad.detect.DetectorModel;
import dtad.io.Leftovers;
import dtad.model.ModelFiles;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a dtad model directory held in memory, by path relative to the directory: what a
 * {@link DtadModel} broadcasts to the executors and writes through Hadoop's FileSystem. The directory
 * is treated as an opaque set of files, so this class does not depend on the model format: whatever
 * {@link ModelFiles#save} writes comes back byte for byte before {@link ModelFiles#load} reads it.
 */
public final class ModelBytes implements Serializable {
    private static final long serialVersionUID = 1L;
    private final TreeMap<String, byte[]> files;
    private final String digest;

    private ModelBytes(TreeMap<String, byte[]> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("A model directory without files");
        }
        this.files = files;
        this.digest = digest(files);
    }

    /** The files of a model: relative path (with '/') to content; the map is copied. */
    public static ModelBytes of(Map<String, byte[]> files) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        return new ModelBytes(copy);
    }

    /** Saves a fitted model with {@link ModelFiles#save} and keeps its files. */
    public static ModelBytes of(DetectorModel model) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dtad-spark-save-");
            Path target = dir.resolve("model");
            ModelFiles.save(model, target);
            return read(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the model files: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Reads every file under a local model directory. */
    public static ModelBytes read(Path directory) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                out.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return new ModelBytes(out);
    }

    /** The relative paths and contents, in name order (shared arrays: read them, never write them). */
    public Map<String, byte[]> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    /** SHA-256 over names and contents: equal digests mean the same model files. */
    public String digest() {
        return digest;
    }

    /** The total size of the files. */
    public long size() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    /** Writes the files under a new local directory. */
    public void writeTo(Path directory) throws IOException {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = directory.resolve(e.getKey()).normalize();
            if (!file.startsWith(directory)) {
                throw new IOException("A model file name leaves the model directory: " + e.getKey());
            }
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }

    /** Builds the model with {@link ModelFiles#load}; the caller closes it. */
    public DetectorModel load() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dtad-spark-load-");
            Path model = dir.resolve("model");
            writeTo(model);
            return ModelFiles.load(model);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the model files: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String digest(TreeMap<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                sha.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Leftovers.deleteRecursively(path);
        } catch (IOException e) {
            // A temporary directory left behind is harmless; the model itself was built or refused.
        }
    }
}
