package dtad.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.method.Methods;
import dtad.model.ModelFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Training values beyond 1e154 used to overflow the scaling: every method fitted constant scores and
 * saved a model its own build refused; near 1.5e308 networks "diverged" and HBOS threw an index error.
 * Now such a column scales like any other, for a classical, a histogram and a network method.
 */
class HugeValuesTest {

    @ParameterizedTest
    @CsvSource({"KNN, 1e200", "KNN, 1.5e308", "HBOS, 1e200", "HBOS, 1.5e308", "DTE-C, 1e200", "DTE-C, 1.5e308"})
    void columnOfHugeValuesFitsScoresAndReloads(String method, double magnitude, @TempDir Path dir) throws Exception {
        Matrix train = TestData.gaussian(120, 3, 1, 0);
        Matrix test = TestData.withPlantedOutlier(40, 3, 2);
        scaleColumn(train, 1, magnitude);
        scaleColumn(test, 1, magnitude);
        Map<String, String> small = method.equals("DTE-C") ? Map.of("hidden", "8,8", "epochs", "2") : Map.of();
        try (DetectorModel model = Methods.find(method).configure(small).fit(train)) {
            double[] scores = model.score(test);
            assertTrue(Arrays.stream(scores).allMatch(Double::isFinite), Arrays.toString(scores));
            assertTrue(Arrays.stream(scores).distinct().count() > 1, "constant scores " + scores[0]);
            model.save(dir.resolve("model"));
            try (DetectorModel loaded = ModelFiles.load(dir.resolve("model"))) {
                assertArrayEquals(scores, loaded.score(test));
            }
        }
    }

    /** Multiplies column {@code j} by {@code magnitude / max|column|}, so its largest value is {@code magnitude}. */
    private static void scaleColumn(Matrix x, int j, double magnitude) {
        double[] v = x.values();
        double largest = 0;
        for (int r = 0; r < x.rows(); r++) {
            largest = Math.max(largest, Math.abs(v[r * x.columns() + j]));
        }
        for (int r = 0; r < x.rows(); r++) {
            v[r * x.columns() + j] = v[r * x.columns() + j] / largest * magnitude;
        }
    }
}
