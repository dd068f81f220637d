package dtad.bench.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@code results.csv} that survives being killed: rows are only ever appended, each in a single
 * write of one complete line that is forced to disk before {@link #append} returns. A process killed
 * at any moment therefore leaves the rows appended before, plus at most an unterminated remnant of the
 * row being written. {@link #open} cuts such a remnant off (and writes the header into a new or empty
 * file), so the file always ends with a complete line before anything is appended.
 *
 * <p>The file is locked while open, so that two runs cannot interleave rows in one file; a second
 * opener is refused with a message naming the file. The operating system drops the lock when the
 * process dies, also under {@code kill -9}.
 */
public final class ResultsLog implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<ResultRow> existing;
    private final boolean repaired;

    private ResultsLog(Path file, FileChannel channel, FileLock lock, List<ResultRow> existing, boolean repaired) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.existing = existing;
        this.repaired = repaired;
    }

    /**
     * Opens (or creates) a results file for appending: locks it, cuts off an unterminated last line,
     * writes the header into an empty file and reads the rows already there.
     *
     * @throws IllegalArgumentException when another run holds the file
     * @throws dtad.InputException   when the file is not a results file
     */
    public static ResultsLog open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel, file);
            long size = channel.size();
            byte[] bytes = new byte[Math.toIntExact(size)];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
                // read all
            }
            int complete = bytes.length;
            while (complete > 0 && bytes[complete - 1] != '\n') {
                complete--;
            }
            boolean repaired = complete < bytes.length;
            if (repaired) {
                channel.truncate(complete);
            }
            List<ResultRow> rows;
            if (complete == 0) {
                writeFully(channel, (ResultRow.HEADER + "\n").getBytes(StandardCharsets.UTF_8), 0);
                rows = List.of();
            } else {
                rows = ResultsCsv.parse(new String(bytes, 0, complete, StandardCharsets.UTF_8), file.toString());
            }
            channel.force(true);
            return new ResultsLog(file, channel, lock, Collections.unmodifiableList(new ArrayList<>(rows)), repaired);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The rows that were in the file when it was opened, in file order. */
    public List<ResultRow> existingRows() {
        return existing;
    }

    /** Whether {@link #open} cut off an unterminated last line left by an interrupted run. */
    public boolean repaired() {
        return repaired;
    }

    public Path file() {
        return file;
    }

    /** Appends one row as one complete line and forces it to disk before returning. */
    public synchronized void append(ResultRow row) throws IOException {
        byte[] line = (ResultsCsv.format(row) + "\n").getBytes(StandardCharsets.UTF_8);
        writeFully(channel, line, channel.size());
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }

    private static FileLock tryLock(FileChannel channel, Path file) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalArgumentException(file + " is in use by another benchmark run");
        }
        return lock;
    }

    private static void writeFully(FileChannel channel, byte[] bytes, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }
}
