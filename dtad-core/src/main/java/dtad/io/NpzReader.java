package dtad.io;

import dtad.InputException;
import dtad.data.Dataset;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads NPZ data files, numpy's zip archives of NPY entries ({@code numpy.savez} and
 * {@code numpy.savez_compressed}, entries stored or deflated), in the ADBench layout: features in
 * {@code X.npy}, optional 0/1 labels in {@code y.npy}; other entries are ignored. Each entry is unpacked
 * into one array of its known size and decoded by {@link NpyReader}.
 *
 * <p>Refused with a one-line {@link InputException}: a file that is not a zip archive, a damaged archive,
 * a missing {@code X}, and everything {@link NpyReader} and {@link NpzArrays#toDataset()} refuse.
 */
public final class NpzReader {
    /** The entry of the features. */
    public static final String FEATURES = "X";
    /** The entry of the labels. */
    public static final String LABELS = "y";

    private NpzReader() {
    }

    /** Reads an NPZ data file as a data set named after the file. */
    public static Dataset readDataset(Path file) {
        return read(file).toDataset();
    }

    /** Reads the arrays {@code X} and (if present) {@code y} of an NPZ file as stored. */
    public static NpzArrays read(Path file) {
        try (ZipFile zip = open(file)) {
            NpyArray x = read(file, zip, features(file, zip));
            ZipEntry labels = entry(zip, LABELS);
            NpyArray y = labels == null ? null : read(file, zip, labels);
            return new NpzArrays(file, x, y);
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    /**
     * The shape of {@code X} as its NPY header states it, reading only that header: no data is unpacked,
     * so sizing a large data set costs a few hundred bytes. The data itself is checked only by
     * {@link #read}.
     */
    public static int[] featuresShape(Path file) {
        try (ZipFile zip = open(file)) {
            ZipEntry features = features(file, zip);
            String source = entrySource(file, features);
            try (InputStream in = zip.getInputStream(features)) {
                return NpyHeader.read(in, source).shape().clone();
            } catch (IOException e) {
                throw new InputException(source + ": damaged zip entry, cannot unpack its header: "
                        + Messages.of(e), e);
            }
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    private static ZipFile open(Path file) {
        InputFiles.requireFile(file);
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw notZip(file, e);
        } catch (IOException e) {
            throw InputFiles.cannotRead(file, e);
        }
    }

    private static ZipEntry features(Path file, ZipFile zip) {
        ZipEntry features = entry(zip, FEATURES);
        if (features == null) {
            throw new InputException(file + ": no entry " + FEATURES + ".npy (the features); entries: "
                    + entryNames(zip));
        }
        return features;
    }

    private static ZipEntry entry(ZipFile zip, String name) {
        ZipEntry entry = zip.getEntry(name + ".npy");
        return entry != null ? entry : zip.getEntry(name);
    }

    private static NpyArray read(Path file, ZipFile zip, ZipEntry entry) {
        String source = entrySource(file, entry);
        long size = entry.getSize();
        if (size > InputFiles.MAX_BYTES) {
            throw new InputException(source + ": too large (" + size + " bytes), at most " + InputFiles.MAX_BYTES
                    + " bytes are supported");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            if (size < 0) {
                bytes = in.readAllBytes();
            } else {
                bytes = new byte[(int) size];
                if (in.readNBytes(bytes, 0, bytes.length) < bytes.length || in.read() >= 0) {
                    throw new InputException(source + ": damaged zip entry (its length differs from the zip "
                            + "directory's " + size + " bytes)");
                }
            }
        } catch (EOFException e) {
            throw new InputException(source + ": damaged or truncated zip entry (" + Messages.of(e) + ")", e);
        } catch (IOException e) {
            throw new InputException(source + ": damaged zip entry, cannot unpack it: " + Messages.of(e), e);
        }
        return NpyReader.read(ByteBuffer.wrap(bytes), source);
    }

    /** How messages name an entry of the file. */
    private static String entrySource(Path file, ZipEntry entry) {
        return file + ": entry " + Messages.clip(entry.getName());
    }

    private static String entryNames(ZipFile zip) {
        List<String> names = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (names.size() == 10) {
                names.add("...");
                break;
            }
            names.add(Messages.clip(entry.getName()));
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** Why a file that {@link ZipFile} cannot open is no NPZ file, judged from its first bytes. */
    private static InputException notZip(Path file, ZipException e) {
        byte[] start = new byte[NpyHeader.MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(start.length);
        } catch (IOException ignored) {
            // Judge from what was read, if anything.
        }
        if (ByteBuffer.wrap(start).equals(ByteBuffer.wrap(NpyHeader.MAGIC))) {
            return new InputException(file + ": is an NPY file, not an NPZ archive", e);
        }
        if (start.length >= 2 && start[0] == 'P' && start[1] == 'K') {
            return new InputException(file + ": damaged or truncated zip archive (" + Messages.of(e) + ")", e);
        }
        return new InputException(file + ": not an NPZ file (not a zip archive)", e);
    }
}
