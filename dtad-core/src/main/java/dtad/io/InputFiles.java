package dtad.io;

import dtad.InputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

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

    /**
     * The whole content of a text file as UTF-8, decompressed first when it is gzip (by its magic bytes,
     * whatever its name). A file that is not UTF-8 text (a NUL byte, an invalid byte sequence) is refused
     * with the offset of the first bad byte, never echoed.
     */
    static String readText(Path file) {
        ByteBuffer bytes = readUnzipped(file);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = utf8.decode(bytes.duplicate()).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not a UTF-8 text file (invalid bytes near byte "
                    + (firstInvalid(bytes) + 1) + ", counted from 1)");
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new InputException(file + ": not a text file (a NUL character at character " + (nul + 1)
                    + ", counted from 1); binary formats are read by their extension: " + String.join(", ",
                    DataFiles.EXTENSIONS));
        }
        return text;
    }

    /**
     * The whole content of {@code file}, gunzipped when it starts with gzip's magic bytes (whatever its name);
     * a name ending in {@code .gz} whose content is not gzip, a truncated or damaged stream, and more than
     * {@link #MAX_BYTES} unpacked are refused naming the file.
     */
    public static ByteBuffer readUnzipped(Path file) {
        ByteBuffer raw = readAll(file);
        boolean gzip = raw.limit() >= 2 && (raw.get(0) & 0xff) == 0x1f && (raw.get(1) & 0xff) == 0x8b;
        if (!gzip) {
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
                throw new InputException(file + ": not a gzip file (the name ends in .gz, the content does not start "
                        + "with the gzip bytes 1f 8b)");
            }
            return raw;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw.array(), 0, raw.limit()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.limit() * 4));
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_BYTES) {
                    throw new InputException(file + ": decompresses to more than " + MAX_BYTES
                            + " bytes, the most that is supported");
                }
                out.write(buffer, 0, n);
            }
            return ByteBuffer.wrap(out.toByteArray());
        } catch (EOFException e) {
            throw new InputException(file + ": truncated gzip stream (the file ends before the compressed data does)", e);
        } catch (IOException e) {
            throw new InputException(file + ": damaged gzip stream (" + Messages.of(e) + ")", e);
        }
    }

    /** The offset (from 0) of the first byte that does not start or continue valid UTF-8. */
    private static int firstInvalid(ByteBuffer bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = bytes.duplicate();
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = utf8.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return in.position();
            }
            out.clear();
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

    /**
     * The file name without its extension (and without {@code .gz} before it), e.g. {@code 38_thyroid} for
     * {@code data/38_thyroid.npz} or {@code data/38_thyroid.csv.gz}.
     */
    public static String baseName(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? file.toString() : fileName.toString();
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
