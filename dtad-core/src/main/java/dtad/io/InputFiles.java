package dtad.io;

import dtad.InputException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens the user's data files: refuses a missing file, a directory or an empty file with a one-line
 * {@link InputException}, and turns I/O errors into one too.
 */
public final class InputFiles {
    /** The largest file read into memory at once (a Java array's limit). */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private InputFiles() {
    }

    /** Checks that {@code file} is a readable, non-empty regular file and returns its size. */
    public static long requireFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file + ": is a directory, not a data file");
        }
        if (!Files.exists(file)) {
            throw new InputException(file + ": file not found");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (size == 0) {
            throw new InputException(file + ": file is empty");
        }
        return size;
    }

    /** The whole content of {@code file} in a heap buffer, position 0; too large a file is refused. */
    public static ByteBuffer readAll(Path file) {
        long size = requireFile(file);
        if (size > MAX_BYTES) {
            throw new InputException(file + ": file too large (" + size + " bytes), at most " + MAX_BYTES
                    + " bytes are supported");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) size);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (bytes.hasRemaining()) {
                if (channel.read(bytes) < 0) {
                    throw new EOFException("the file shrank while being read");
                }
            }
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        return bytes.flip();
    }

    /**
     * The whole content of {@code file}, mapped into memory rather than copied onto the heap (so that a
     * reader holds only what it decodes), position 0; too large a file is refused.
     */
    static ByteBuffer map(Path file) {
        long size = requireFile(file);
        if (size > MAX_BYTES) {
            throw new InputException(file + ": file too large (" + size + " bytes), at most " + MAX_BYTES
                    + " bytes are supported");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (UnsupportedOperationException e) {
            return readAll(file); // a file system that cannot map
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /** An I/O error reading {@code file} as a one-line refusal. */
    public static InputException cannotRead(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException(file + ": file not found", e);
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(file + ": permission denied", e);
        }
        return new InputException(file + ": cannot read: " + Messages.of(e), e);
    }

    /** The file name without its extension, e.g. {@code 38_thyroid} for {@code data/38_thyroid.npz}. */
    public static String baseName(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
