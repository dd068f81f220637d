package dtad.io;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The temporary files and directories a writer keeps next to its target while it works
 * ({@code .NAME.partial-PID-N}, {@code .NAME.old-PID-N}, {@code .NAME.tmp-PID-N.tmp}), named with the id
 * of the writing process, so that a later run can tell what a killed process left behind from the work
 * of a live one. Names without a process id (written by earlier versions) count as left behind when
 * they are older than this process.
 */
public final class Leftovers {
    private static final long PID = ProcessHandle.current().pid();
    private static final FileTime STARTED = FileTime.fromMillis(ManagementFactory.getRuntimeMXBean().getStartTime());

    private Leftovers() {
    }

    /** The name prefix of a new leftover of {@code kind} (a word) for {@code target}, owned by this process. */
    public static String prefix(Path target, String kind) {
        return "." + target.getFileName() + "." + kind + "-" + PID + "-";
    }

    /**
     * The leftovers of {@code kind} next to {@code target} whose writer is gone (a process that no longer
     * runs, or an earlier version's file older than this process), newest first.
     */
    public static List<Path> abandoned(Path target, String kind) throws IOException {
        String name = Pattern.quote(target.getFileName().toString());
        String suffix = kind.equals("tmp") ? "\\.tmp" : "";
        Pattern current = Pattern.compile("\\." + name + "\\." + kind + "-(\\d+)-\\d+" + suffix);
        Pattern legacy = kind.equals("tmp") ? Pattern.compile("\\." + name + "\\.\\d+\\.tmp")
                : Pattern.compile("\\." + name + "\\." + kind + "-\\d+");
        Path parent = target.toAbsolutePath().getParent();
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "." + target.getFileName() + ".*")) {
            for (Path entry : entries) {
                String file = entry.getFileName().toString();
                Matcher m = current.matcher(file);
                if (m.matches() ? !running(Long.parseLong(m.group(1)))
                        : legacy.matcher(file).matches() && modified(entry).compareTo(STARTED) < 0) {
                    found.add(entry);
                }
            }
        }
        found.sort(Comparator.comparing(Leftovers::modified).reversed());
        return found;
    }

    /** Deletes the leftovers of each kind next to {@code target} whose writer is gone. */
    public static void clean(Path target, String... kinds) throws IOException {
        for (String kind : kinds) {
            for (Path p : abandoned(target, kind)) {
                deleteRecursively(p);
            }
        }
    }

    /** Deletes a file or a directory tree, if it exists. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // Another process cleaned it meanwhile.
        }
    }

    private static boolean running(long pid) {
        return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE); // gone meanwhile: never older than this process
        }
    }
}
