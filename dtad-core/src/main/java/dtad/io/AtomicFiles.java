package dtad.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes an output file so that it is never seen half-written: the content goes to a temporary file
 * in the target's directory, is forced to disk and then renamed to the target. An existing target is
 * replaced only when asked. Temporary files that a killed run left behind (see {@link Leftovers}) are
 * deleted when the same target is written again.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code file} through {@code content}; refuses an existing file unless {@code overwrite}. */
    public static void write(Path file, boolean overwrite, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(file.toString(), null, "exists and overwriting was not asked");
        }
        Files.createDirectories(target.getParent());
        Leftovers.clean(target, "tmp"); // what a killed run left behind
        Path temporary = Files.createTempFile(target.getParent(), Leftovers.prefix(target, "tmp"), ".tmp");
        try {
            shareable(temporary, target);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (overwrite) {
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                // Without REPLACE_EXISTING the rename refuses a file that appeared meanwhile.
                Files.move(temporary, target);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Gives the temporary file (created owner-only) the permissions of the file it replaces, or
     * {@code rw-r--r--} for a new file, as an ordinary write would.
     */
    private static void shareable(Path temporary, Path target) throws IOException {
        if (!Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temporary, permissions);
    }

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
