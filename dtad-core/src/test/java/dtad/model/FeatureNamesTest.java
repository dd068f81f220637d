package dtad.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.classical.HBOS;
import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feature names are an optional part of a model file: stored when known, absent otherwise. */
class FeatureNamesTest {
    @TempDir
    Path dir;

    private static final Matrix TRAIN = Matrix.of(new double[][] {{1, 2}, {2, 1}, {3, 5}, {4, 4}, {0, 1}});

    @Test
    void namesGivenAtSaveAreLoadedBack() throws Exception {
        Path out = dir.resolve("m");
        try (DetectorModel model = new HBOS().fit(TRAIN)) {
            assertNull(model.trainingInfo().featureNames());
            ModelFiles.save(model, out, false, List.of("amount", "age"));
        }
        try (DetectorModel loaded = ModelFiles.load(out)) {
            assertEquals(List.of("amount", "age"), loaded.trainingInfo().featureNames());
        }
    }

    @Test
    void aModelWithoutNamesHasNoFieldAndLoadsAsUnnamed() throws Exception {
        Path out = dir.resolve("m");
        try (DetectorModel model = new HBOS().fit(TRAIN)) {
            ModelFiles.save(model, out);
        }
        assertFalse(Files.readString(out.resolve("manifest.json")).contains("featureNames"));
        try (DetectorModel loaded = ModelFiles.load(out)) {
            assertNull(loaded.trainingInfo().featureNames());
        }
    }

    @Test
    void refusesNamesThatDoNotMatchTheFeatures() throws Exception {
        try (DetectorModel model = new HBOS().fit(TRAIN)) {
            assertThrows(IllegalArgumentException.class, () -> ModelFiles.save(model, dir.resolve("m"), false, List.of("a")));
        }
        Path out = dir.resolve("n");
        try (DetectorModel model = new HBOS().fit(TRAIN)) {
            ModelFiles.save(model, out, false, List.of("a", "b"));
        }
        Path manifest = out.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"b\"", "\"b\", \"c\""));
        InputException e = assertThrows(InputException.class, () -> ModelFiles.load(out));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }
}
