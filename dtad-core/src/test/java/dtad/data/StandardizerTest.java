package dtad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardizerTest {

    @ParameterizedTest
    @ValueSource(doubles = {1e10, 1e200, 1.5e308 / 2, 8.9e307})
    void hugeValuesScaleWithoutOverflow(double magnitude) {
        Matrix x = Matrix.of(new double[][] {{magnitude}, {-magnitude}, {magnitude / 2}, {-magnitude / 2}});
        Standardizer s = Standardizer.fit(x);
        assertEquals(0, s.means()[0], 1e-300 * magnitude + Math.ulp(magnitude));
        // population std of {1, -1, 1/2, -1/2} is sqrt(5/8)
        assertEquals(Math.sqrt(5.0 / 8) * magnitude, s.scales()[0], 1e-14 * magnitude);
        double[] z = s.transform(x).values();
        assertArrayEquals(new double[] {1 / Math.sqrt(5.0 / 8), -1 / Math.sqrt(5.0 / 8), 0.5 / Math.sqrt(5.0 / 8),
                -0.5 / Math.sqrt(5.0 / 8)}, z, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e200, 1.5e308})
    void columnsBeyondTheSquareRootOfTheLargestDoubleGiveFiniteStatistics(double magnitude) {
        Matrix x = Matrix.of(new double[][] {{magnitude, 1}, {magnitude, 2}, {-magnitude, 3}, {0, 4}});
        Standardizer s = Standardizer.fit(x);
        for (double v : s.transform(x).values()) {
            assertTrue(Double.isFinite(v), "scaled value " + v);
        }
        // The model file's loader accepts what the fit produced.
        Standardizer.of(s.means(), s.scales());
        // The ordinary column keeps exactly the statistics it had before.
        assertEquals(2.5, s.means()[1]);
        assertEquals(Math.sqrt(1.25), s.scales()[1]);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e200, 1.5e308})
    void constantHugeColumnKeepsScaleOne(double magnitude) {
        Standardizer s = Standardizer.fit(Matrix.of(new double[][] {{magnitude}, {magnitude}, {magnitude}}));
        assertEquals(1.0, s.scales()[0]);
        assertArrayEquals(new double[] {0, 0, 0}, s.transform(Matrix.of(new double[][] {{magnitude}, {magnitude},
                {magnitude}})).values());
    }
}
