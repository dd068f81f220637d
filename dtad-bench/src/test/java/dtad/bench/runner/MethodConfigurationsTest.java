package dtad.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A results folder recorded before a parameter was added resumes when the key's older value is the run's. */
class MethodConfigurationsTest {

    private static void record(Path dir, String line) throws IOException {
        Files.writeString(dir.resolve(MethodConfigurations.FILE_NAME), "DiT\t" + line + "\n", StandardCharsets.UTF_8);
    }

    /** DiT's configuration now, without {@code train_t}: what a folder made before the key recorded. */
    private static String withoutTrainTimes(MethodSpec spec) {
        return spec.configurationText().replace(" train_t=all", "");
    }

    @Test
    void aKeyAddedSinceResumesAtItsOlderValueAndIsRecorded(@TempDir Path dir) throws IOException {
        List<MethodSpec> defaults = MethodSpec.parse(List.of("DiT"), List.of(), false);
        String older = withoutTrainTimes(defaults.get(0));
        assertTrue(!older.contains("train_t") && defaults.get(0).configurationText().contains("train_t=all"), older);
        record(dir, older);
        MethodConfigurations.checkAndRecord(dir, defaults);
        assertEquals("DiT\t" + defaults.get(0).configurationText() + "\n",
                Files.readString(dir.resolve(MethodConfigurations.FILE_NAME)));
    }

    @Test
    void aKeyAddedSinceRefusesAnotherValue(@TempDir Path dir) throws IOException {
        record(dir, withoutTrainTimes(MethodSpec.parse(List.of("DiT"), List.of(), false).get(0)));
        List<MethodSpec> scored = MethodSpec.parse(List.of("DiT"), List.of("DiT.train_t=scored"), false);
        String message = assertThrows(IllegalArgumentException.class,
                () -> MethodConfigurations.checkAndRecord(dir, scored)).getMessage();
        assertTrue(message.contains("holds results of DiT made with other parameters"), message);
        List<MethodSpec> otherDepth = MethodSpec.parse(List.of("DiT"), List.of("DiT.depth=3"), false);
        assertThrows(IllegalArgumentException.class, () -> MethodConfigurations.checkAndRecord(dir, otherDepth));
    }
}
