package dtad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    /** Temporary files of a killed run (this version's, named by a dead process, or an earlier version's) go. */
    @Test
    void writingATargetAgainDeletesTheTemporaryFilesAKilledRunLeft(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("scores.csv");
        Path dead = Files.writeString(dir.resolve(".scores.csv.tmp-" + (Integer.MAX_VALUE - 1) + "-42.tmp"), "half");
        Path legacy = Files.writeString(dir.resolve(".scores.csv.8812345.tmp"), "half");
        Files.setLastModifiedTime(legacy, FileTime.fromMillis(0));
        Path live = Files.writeString(dir.resolve(".scores.csv.tmp-" + ProcessHandle.current().pid() + "-7.tmp"), "x");
        AtomicFiles.write(target, false, out -> out.write("score\n1\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("score\n1\n", Files.readString(target));
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(legacy));
        assertTrue(Files.exists(live), "a running process's temporary file is left alone");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count());
        }
    }
}
