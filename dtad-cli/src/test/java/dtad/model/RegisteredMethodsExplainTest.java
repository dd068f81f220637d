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
import org.junit.jupiter.api.Test;

/**
 * Every registered method's model explains its scores ({@link Explainable}), checked on the method's format-2
 * model fixture: its contributions have one value per fixture row and feature.
 */
class RegisteredMethodsExplainTest {
    @Test
    void everyRegisteredMethodsModelExplainsItsScores() throws Exception {
        List<String> registered = Methods.all().stream().map(Method::name).toList();
        int checked = 0;
        for (String method : registered) {
            Path fixture = ModelFormatFixturesTest.FIXTURES.resolve("format-2").resolve(method);
            Matrix rows = NpyReader.read(fixture.resolve("test.npy")).toMatrix();
            try (DetectorModel model = ModelFiles.load(fixture.resolve("model"))) {
                assertTrue(model instanceof Explainable, method + " models do not implement Explainable");
                double[][] contributions = ((Explainable) model).contributions(rows);
                assertEquals(rows.rows(), contributions.length, method);
                assertEquals(model.features(), contributions[0].length, method);
                assertTrue(java.util.Arrays.stream(contributions).flatMapToDouble(java.util.Arrays::stream)
                        .allMatch(Double::isFinite), method + ": a contribution is not finite");
                assertTrue(((Explainable) model).contributionMeaning().endsWith("."), method);
            }
            checked++;
        }
        assertEquals(17, checked, "registered methods: " + registered);
    }
}
