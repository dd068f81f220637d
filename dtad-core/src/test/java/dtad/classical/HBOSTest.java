package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorContract;
import dtad.metrics.RankingMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HBOSTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return new HBOS();
    }

    /**
     * A numpy re-implementation of PyOD 1.x's HBOS ({@code np.histogram(..., density=True)}, then
     * {@code _calculate_outlier_scores}) on the standardized {@link ParityData}: rows 0, 1, 7, 59 and
     * the AUC, which is also the golden value.
     */
    @Test
    void matchesPyod() {
        double[] scores = new HBOS().fit(ParityData.train()).score(ParityData.test());
        assertEquals(9.11145180302999, scores[0], 1e-12);
        assertEquals(9.836368743047478, scores[1], 1e-12);
        assertEquals(6.026628517888566, scores[7], 1e-12);
        assertEquals(11.484345729596283, scores[59], 1e-12);
        assertEquals(0.748, RankingMetrics.aucRoc(scores, ParityData.testLabels()), 1e-12);
    }

    /**
     * PyOD's rules on a constant training column (standardized to 0, bins from -0.5 to 0.5): training
     * counts put every value into the bin right of the edge at 0, but scoring places 0 in the bin left
     * of it, of density 0, so the column adds {@code -log2(alpha)} to every row; so do values in empty
     * bins, values at the outer edges, and values too far out (the lowest density). Values from the
     * same numpy re-implementation of PyOD.
     */
    @Test
    void matchesPyodOnAConstantColumn() {
        Matrix train = withColumn(ParityData.train(), r -> 5);
        Matrix test = withColumn(ParityData.test(), r -> r == 6 ? 7 : r == 11 ? 5.6 : 5 + (r % 5 - 2) * 0.25);
        double[] scores = new HBOS().fit(train).score(test);
        double[] expected = {12.433379897917352, 13.15829683793484, 15.046965087157364, 12.57315269484873,
            14.1713383387394};
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r], scores[r], 1e-12, "row " + r);
        }
        assertEquals(11.0708143835549, scores[6], 1e-12);
        assertEquals(10.434188058286932, scores[11], 1e-12);
    }

    @Test
    void parameterTableGivesPyodDefaultsAndNamesBadValues() {
        assertEquals(new HBOS(10, 0.1, 0.5), HBOS.METHOD.defaults());
        assertEquals(new HBOS(20, 0.2, 0.1), HBOS.METHOD.configure(Map.of("bins", "20", "alpha", "0.2", "tol", "0.1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HBOS.METHOD.configure(Map.of("bins", "1")));
        assertTrue(e.getMessage().contains("Invalid bins: 1 (at least 2)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HBOS(10, 0, 0.5));
    }

    private static Matrix withColumn(Matrix x, java.util.function.IntToDoubleFunction value) {
        int d = x.columns();
        double[] out = new double[x.rows() * (d + 1)];
        for (int r = 0; r < x.rows(); r++) {
            System.arraycopy(x.values(), r * d, out, r * (d + 1), d);
            out[r * (d + 1) + d] = value.applyAsDouble(r);
        }
        return Matrix.wrap(x.rows(), d + 1, out);
    }
}
