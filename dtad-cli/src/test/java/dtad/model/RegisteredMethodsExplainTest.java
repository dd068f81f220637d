package dtad.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.Explainable;
import dtad.io.NpyReader;
import dtad.method.Method;
import dtad.method.Methods;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every registered method's model explains its scores ({@link Explainable}), checked on the method's format-2
 * model fixture: its contributions have one value per fixture row and feature.
 */
class RegisteredMethodsExplainTest {
    /**
     * The network methods, whose explanations come from the explain-torch branch; when it is merged, this set
     * empties and every registered method is checked.
     */
    static final Set<String> EXPLAINED_ON_ANOTHER_BRANCH = Set.of("DTE-C", "DTE-IG", "DTE-G", "DDPM", "DiT",
            "ImageDDPM", "ImageDiT", "ImageDTE-C");

    @Test
    void everyRegisteredMethodsModelExplainsItsScores() throws Exception {
        List<String> registered = Methods.all().stream().map(Method::name).toList();
        assertTrue(registered.containsAll(EXPLAINED_ON_ANOTHER_BRANCH), "unknown names in the set: "
                + EXPLAINED_ON_ANOTHER_BRANCH.stream().filter(n -> !registered.contains(n)).collect(Collectors.toList()));
        int checked = 0;
        for (String method : registered) {
            if (EXPLAINED_ON_ANOTHER_BRANCH.contains(method)) {
                continue;
            }
            Path fixture = ModelFormatFixturesTest.FIXTURES.resolve("format-2").resolve(method);
            Matrix rows = NpyReader.read(fixture.resolve("test.npy")).toMatrix();
            try (DetectorModel model = ModelFiles.load(fixture.resolve("model"))) {
                assertTrue(model instanceof Explainable, method + " models do not implement Explainable");
                double[][] contributions = ((Explainable) model).contributions(rows);
                assertEquals(rows.rows(), contributions.length, method);
                assertEquals(model.features(), contributions[0].length, method);
                assertTrue(((Explainable) model).contributionMeaning().endsWith("."), method);
            }
            checked++;
        }
        assertEquals(registered.size() - EXPLAINED_ON_ANOTHER_BRANCH.size(), checked);
    }
}
