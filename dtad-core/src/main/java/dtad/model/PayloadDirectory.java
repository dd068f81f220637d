package dtad.model;

import dtad.InputException;
import dtad.data.Matrix;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.io.NpyArray;
import dtad.io.NpyReader;
import dtad.io.NpyWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The payload files of one model directory, with their checksums. */
final class PayloadDirectory implements PayloadWriter, PayloadReader {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    private final Path directory;
    private final Map<String, Manifest.Payload> entries;

    private PayloadDirectory(Path directory, Map<String, Manifest.Payload> entries) {
        this.directory = directory;
        this.entries = entries;
    }

    static PayloadDirectory forWriting(Path directory) {
        return new PayloadDirectory(directory, new LinkedHashMap<>());
    }

    static PayloadDirectory forReading(Path directory, Map<String, Manifest.Payload> entries) {
        return new PayloadDirectory(directory, Map.copyOf(entries));
    }

    Map<String, Manifest.Payload> entries() {
        return Map.copyOf(entries);
    }

    /** Checks that every payload is there, whole and unchanged, before anything is loaded. */
    void verifyAll() throws IOException {
        for (Map.Entry<String, Manifest.Payload> e : entries.entrySet()) {
            Manifest.Payload p = e.getValue();
            if (p == null || p.file() == null || !NAME.matcher(p.file().replaceFirst("\\.(npy|bin)$", "")).matches()) {
                throw new InputException(directory + ": damaged manifest.json (bad payload entry '" + e.getKey() + "')");
            }
            Path file = directory.resolve(p.file());
            if (!Files.isRegularFile(file)) {
                throw new InputException(directory + ": payload " + p.file() + " is missing");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != p.bytes()) {
                throw new InputException(directory + ": payload " + p.file() + " is truncated or damaged ("
                        + bytes.length + " bytes, the manifest says " + p.bytes() + ")");
            }
            if (!sha256(bytes).equals(p.sha256())) {
                throw new InputException(directory + ": payload " + p.file() + " is damaged (checksum mismatch)");
            }
        }
    }

    @Override
    public void matrix(String name, Matrix value) throws IOException {
        NpyWriter.write(newFile(name, ".npy"), value, false);
        record(name, ".npy");
    }

    @Override
    public void doubles(String name, double[] value) throws IOException {
        NpyWriter.write(newFile(name, ".npy"), value, false);
        record(name, ".npy");
    }

    @Override
    public void ints(String name, int[] value) throws IOException {
        double[] exact = new double[value.length];
        for (int i = 0; i < value.length; i++) {
            exact[i] = value[i]; // every int is exact in a double
        }
        doubles(name, exact);
    }

    @Override
    public void bytes(String name, byte[] value) throws IOException {
        Files.write(newFile(name, ".bin"), value);
        record(name, ".bin");
    }

    @Override
    public Matrix matrix(String name) throws IOException {
        NpyArray array = array(name);
        if (array.shape().length != 2) {
            throw new InputException(directory + ": payload " + name + " should be a matrix, has rank "
                    + array.shape().length);
        }
        return array.toMatrix();
    }

    @Override
    public double[] doubles(String name) throws IOException {
        NpyArray array = array(name);
        if (array.shape().length != 1) {
            throw new InputException(directory + ": payload " + name + " should be a vector, has rank "
                    + array.shape().length);
        }
        return array.values();
    }

    @Override
    public int[] ints(String name) throws IOException {
        double[] values = doubles(name);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
            if (out[i] != values[i]) {
                throw new InputException(directory + ": payload " + name + " should hold integers, has " + values[i]);
            }
        }
        return out;
    }

    @Override
    public byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(existing(name, ".bin"));
    }

    private NpyArray array(String name) throws IOException {
        return NpyReader.read(existing(name, ".npy"));
    }

    private Path existing(String name, String suffix) {
        Manifest.Payload p = entries.get(name);
        if (p == null || !p.file().equals(name + suffix)) {
            throw new InputException(directory + ": payload " + name + suffix + " is missing from the manifest");
        }
        return directory.resolve(p.file());
    }

    private Path newFile(String name, String suffix) {
        if (!NAME.matcher(name).matches() || entries.containsKey(name)) {
            throw new IllegalArgumentException("Invalid or repeated payload name: " + name);
        }
        return directory.resolve(name + suffix);
    }

    private void record(String name, String suffix) throws IOException {
        byte[] bytes = Files.readAllBytes(directory.resolve(name + suffix));
        entries.put(name, new Manifest.Payload(name + suffix, bytes.length, sha256(bytes)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
