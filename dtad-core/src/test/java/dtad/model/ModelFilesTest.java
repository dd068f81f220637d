package dtad.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.classical.KNN;
import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model directories: the manifest's checksum, replacing without a window where the name is empty, leftovers. */
class ModelFilesTest {
    private static final Matrix TRAIN = TestData.gaussian(50, 4, 1, 0);
    private static final Matrix TEST = TestData.withPlantedOutlier(20, 4, 3);
    /** A process id that no process has (Linux caps them far below). */
    private static final long DEAD_PID = Integer.MAX_VALUE - 1;

    @TempDir
    Path dir;

    @AfterEach
    void resetSeam() {
        ModelFiles.betweenRenames = () -> { };
    }

    private static DetectorModel fit(int k) {
        return new KNN(k, KNN.Score.LARGEST).fit(TRAIN);
    }

    private Path saved(int k) throws IOException {
        Path model = dir.resolve("model");
        try (DetectorModel m = fit(k)) {
            m.save(model);
        }
        return model;
    }

    private static void edit(Path model, String from, String to) throws IOException {
        Path manifest = model.resolve(ModelFiles.MANIFEST);
        String text = Files.readString(manifest);
        assertTrue(text.contains(from), text);
        Files.writeString(manifest, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    @Test
    void writesTheCurrentFormatWithAManifestChecksum() throws IOException {
        Path model = saved(5);
        assertTrue(Files.readString(model.resolve(ModelFiles.MANIFEST)).contains("\"formatVersion\" : 2"));
        String line = Files.readString(model.resolve(ModelFiles.MANIFEST_CHECKSUM));
        assertTrue(line.matches("[0-9a-f]{64}  manifest\\.json\\n"), line);
    }

    @Test
    void refusesAChangedParameter() throws IOException {
        Path model = saved(5);
        edit(model, "\"k\" : \"5\"", "\"k\" : \"6\"");
        InputException e = assertThrows(InputException.class, () -> ModelFiles.load(model));
        assertTrue(e.getMessage().contains("manifest.json was changed or damaged"), e.getMessage());
    }

    @Test
    void refusesAChangedScalingMean() throws IOException {
        Path model = saved(5);
        String text = Files.readString(model.resolve(ModelFiles.MANIFEST));
        int at = text.indexOf("\"mean\" : [ ") + "\"mean\" : [ ".length();
        Files.writeString(model.resolve(ModelFiles.MANIFEST), text.substring(0, at) + "1" + text.substring(at));
        assertThrows(InputException.class, () -> ModelFiles.load(model));
    }

    @Test
    void refusesAFieldAddedByHand() throws IOException {
        Path model = saved(5);
        edit(model, "{", "{\n  \"featureNames\" : [ \"a\", \"b\", \"c\", \"d\" ],");
        assertThrows(InputException.class, () -> ModelFiles.load(model));
    }

    @Test
    void refusesAFormat2ModelWithoutManifestChecksum() throws IOException {
        Path model = saved(5);
        Files.delete(model.resolve(ModelFiles.MANIFEST_CHECKSUM));
        InputException e = assertThrows(InputException.class, () -> ModelFiles.load(model));
        assertTrue(e.getMessage().contains("manifest.sha256 is missing"), e.getMessage());
    }

    @Test
    void refusesAJsonNullManifestInOneLine() throws IOException {
        Path model = saved(5);
        Files.writeString(model.resolve(ModelFiles.MANIFEST), "null");
        InputException e = assertThrows(InputException.class, () -> ModelFiles.load(model));
        assertEquals(model + ": damaged manifest.json (JSON null, not an object)", e.getMessage());
    }

    /** The process dies between the two renames of a replacement: the next load finds the old model. */
    @Test
    void aReplacementKilledBetweenTheRenamesLeavesTheOldModelRecoverable() throws Exception {
        Path model = saved(5);
        double[] before;
        try (DetectorModel m = fit(5)) {
            before = m.score(TEST);
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SaveCrash.class.getName(), model.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(SaveCrash.CRASHED, child.exitValue(), "the child died between the renames");
        // The window the issue describes: no model under the name, the old one aside, the new one partial.
        assertFalse(Files.exists(model));
        assertEquals(1, leftovers(".model.old-").size());
        assertEquals(1, leftovers(".model.partial-").size());

        try (DetectorModel recovered = ModelFiles.load(model)) {
            assertArrayEquals(before, recovered.score(TEST));
        }
        assertEquals(List.of(), leftovers(".model."));
    }

    /** A save that crashes there and is followed by another save (not a load) also recovers first. */
    @Test
    void aSaveAfterAKilledReplacementRestoresTheOldModelFirst() throws Exception {
        Path model = saved(5);
        Path aside = dir.resolve(".model.old-" + DEAD_PID + "-1");
        Files.move(model, aside);
        Files.createDirectory(dir.resolve(".model.partial-" + DEAD_PID + "-2"));
        try (DetectorModel other = fit(7)) {
            InputException e = assertThrows(InputException.class, () -> ModelFiles.save(other, model, false));
            assertTrue(e.getMessage().contains("already exists"), e.getMessage());
            ModelFiles.save(other, model, true);
        }
        try (DetectorModel loaded = ModelFiles.load(model)) {
            assertEquals(new KNN(7, KNN.Score.LARGEST), loaded.detector());
        }
        assertEquals(List.of(), leftovers(".model."));
    }

    @Test
    void aFailedRenameInPutsTheOldModelBack() throws Exception {
        Path model = saved(5);
        ModelFiles.betweenRenames = () -> {
            throw new IllegalStateException("disk trouble");
        };
        try (DetectorModel other = fit(7)) {
            assertThrows(IllegalStateException.class, () -> ModelFiles.save(other, model, true));
        }
        try (DetectorModel loaded = ModelFiles.load(model)) {
            assertEquals(new KNN(5, KNN.Score.LARGEST), loaded.detector());
        }
        assertEquals(List.of(), leftovers(".model."));
    }

    @Test
    void leftoversOfDeadProcessesAndEarlierVersionsAreCleanedButLiveOnesKept() throws Exception {
        Path model = saved(5);
        Path dead = Files.createDirectory(dir.resolve(".model.partial-" + DEAD_PID + "-3"));
        Path deadOld = Files.createDirectory(dir.resolve(".model.old-" + DEAD_PID + "-4"));
        Path legacy = Files.createDirectory(dir.resolve(".model.partial-123456"));
        Path legacyOld = Files.createDirectory(dir.resolve(".model.old-987654"));
        Files.setLastModifiedTime(legacy, FileTime.fromMillis(0));
        Files.setLastModifiedTime(legacyOld, FileTime.fromMillis(0));
        Path live = Files.createDirectory(dir.resolve(".model.partial-" + ProcessHandle.current().pid() + "-5"));
        Path unrelated = Files.createDirectory(dir.resolve(".modelx.partial-" + DEAD_PID + "-6"));
        try (DetectorModel loaded = ModelFiles.load(model)) {
            assertEquals(TEST.rows(), loaded.score(TEST).length);
        }
        for (Path p : List.of(dead, deadOld, legacy, legacyOld)) {
            assertFalse(Files.exists(p), p + " should be cleaned");
        }
        assertTrue(Files.exists(live), "a live process's work is left alone");
        assertTrue(Files.exists(unrelated), "another name's leftovers are left alone");
    }

    private List<String> leftovers(String prefix) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().forEach(out::add);
        }
        return out;
    }
}
