package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dtad score} refuses a model whose manifest was edited or is JSON null (it used to score, exit 0). */
class ModelIntegrityCommandTest {

    private static Path fitted(Path dir) {
        assertEquals(0, CommandRun.of("generate", "--rows", "1000", "--features", "3", "--out", dir.toString())
                .exitCode());
        Path model = dir.resolve("model");
        CommandRun fit = CommandRun.of("fit", "--method", "KNN", "--train", dir.resolve("train.csv").toString(),
                "--label-column", "label", "--out", model.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        return model;
    }

    private static CommandRun score(Path dir, Path model) {
        return CommandRun.of("score", "--model", model.toString(), "--data", dir.resolve("test.csv").toString(),
                "--label-column", "label", "--out", dir.resolve("scores.csv").toString(), "--force");
    }

    @Test
    void refusesAModelWhoseParameterWasEdited(@TempDir Path dir) throws Exception {
        Path model = fitted(dir);
        assertEquals(0, score(dir, model).exitCode());
        Path manifest = model.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"k\" : \"5\"", "\"k\" : \"9\""));
        CommandRun run = score(dir, model);
        assertTrue(run.isOneLineUserError(), run.err());
        assertTrue(run.err().contains("manifest.json was changed or damaged after the model was saved"), run.err());
    }

    @Test
    void refusesAJsonNullManifestInOneLine(@TempDir Path dir) throws Exception {
        Path model = fitted(dir);
        Files.writeString(model.resolve("manifest.json"), "null\n");
        CommandRun run = score(dir, model);
        assertTrue(run.isOneLineUserError(), run.err());
        assertTrue(run.err().contains("damaged manifest.json (JSON null, not an object)"), run.err());
    }
}
