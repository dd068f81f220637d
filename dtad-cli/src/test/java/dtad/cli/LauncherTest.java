package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./dtad} launcher, run by bash on a copy of the repository layout with stand-ins for mvn
 * and java: it rebuilds when a source is newer than the jar, and keeps Maven's output off the terminal.
 */
class LauncherTest {
    private static final Path ROOT = Path.of("..");

    @TempDir
    Path dir;

    private Path executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private String[] run(Path launcher, Path bin) throws Exception {
        return run(launcher, bin, null);
    }

    /** Runs the launcher with {@code THP_MEM_ALLOC_ENABLE} set to {@code hugePages}, or unset if null. */
    private String[] run(Path launcher, Path bin, String hugePages) throws Exception {
        return run(launcher, bin, hugePages, null);
    }

    /**
     * Runs the launcher with {@code THP_MEM_ALLOC_ENABLE} set to {@code hugePages} and
     * {@code MALLOC_TRIM_THRESHOLD_} to {@code trim}, each unset if null ({@code MALLOC_MMAP_THRESHOLD_} and
     * {@code MALLOC_ARENA_MAX} unset).
     */
    private String[] run(Path launcher, Path bin, String hugePages, String trim) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString(), "--version");
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().remove("THP_MEM_ALLOC_ENABLE");
        builder.environment().remove("MALLOC_MMAP_THRESHOLD_");
        builder.environment().remove("MALLOC_TRIM_THRESHOLD_");
        builder.environment().remove("MALLOC_ARENA_MAX");
        if (hugePages != null) {
            builder.environment().put("THP_MEM_ALLOC_ENABLE", hugePages);
        }
        if (trim != null) {
            builder.environment().put("MALLOC_TRIM_THRESHOLD_", trim);
        }
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new String[] {new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
            new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)};
    }

    @Test
    void rebuildsWhenASourceIsNewerThanTheJarAndShowsNoMavenOutput() throws Exception {
        Path launcher = Files.copy(ROOT.resolve("dtad"), dir.resolve("dtad"));
        Path jar = Files.createDirectories(dir.resolve("dtad-cli/target")).resolve("dtad.jar");
        Path source = Files.createDirectories(dir.resolve("dtad-core/src/main/java")).resolve("A.java");
        Files.writeString(source, "class A {}");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // mvn prints colour codes as the real one can, and writes the jar; java says it ran.
        executable(bin.resolve("mvn"), "#!/usr/bin/env bash\nprintf '\\033[0m\\033[0m'\ntouch '" + jar + "'\n");
        executable(bin.resolve("java"), "#!/usr/bin/env bash\necho ran\n");

        String[] first = run(launcher, bin);
        assertEquals("ran\n", first[0]);
        assertTrue(first[1].contains("building") && first[1].contains("first run"), first[1]);
        assertFalse(first[1].contains("\u001b") || first[0].contains("\u001b"), "raw escape codes: " + List.of(first));

        String[] upToDate = run(launcher, bin);
        assertEquals("", upToDate[1]);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        String[] stale = run(launcher, bin);
        assertTrue(stale[1].contains("sources changed"), stale[1]);
    }

    /** libtorch's large tensors on huge pages unless the user says otherwise (docs/image-scalability). */
    @Test
    void startsJavaWithLibtorchOnHugePagesUnlessTheUserChoseOtherwise() throws Exception {
        Path launcher = Files.copy(ROOT.resolve("dtad"), dir.resolve("dtad"));
        Files.createDirectories(dir.resolve("dtad-cli/target")).resolve("dtad.jar").toFile().createNewFile();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("java"), "#!/usr/bin/env bash\necho \"thp=${THP_MEM_ALLOC_ENABLE:-unset}\"\n");
        assertEquals("thp=1\n", run(launcher, bin)[0]);
        assertEquals("thp=0\n", run(launcher, bin, "0")[0]);
    }

    /** glibc keeps freed tensors' memory for the next step unless the user says otherwise (docs/benchmarks.md). */
    @Test
    void startsJavaWithGlibcKeepingFreedMemoryUnlessTheUserChoseOtherwise() throws Exception {
        Path launcher = Files.copy(ROOT.resolve("dtad"), dir.resolve("dtad"));
        Files.createDirectories(dir.resolve("dtad-cli/target")).resolve("dtad.jar").toFile().createNewFile();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("java"), "#!/usr/bin/env bash\n"
                + "echo \"mmap=${MALLOC_MMAP_THRESHOLD_:-unset} trim=${MALLOC_TRIM_THRESHOLD_:-unset}"
                + " arenas=${MALLOC_ARENA_MAX:-unset}\"\n");
        assertEquals("mmap=33554432 trim=268435456 arenas=1\n", run(launcher, bin)[0]);
        assertEquals("mmap=33554432 trim=1000 arenas=1\n", run(launcher, bin, null, "1000")[0]);
    }

    @Test
    void gitIgnoresTheFoldersTheReadmeCommandsWrite() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".gitignore"));
        assertTrue(ignored.contains("/example/") && ignored.contains("dtad-bench-results/"), ignored.toString());
    }
}
