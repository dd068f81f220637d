package dtad.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PixelScoresTest {

    private static PixelScores one(double[] map, double[] mask, int height, int width) {
        PixelScores scores = new PixelScores();
        scores.add(map, 0, mask, 0, height, width);
        return scores;
    }

    @Test
    void handComputedAucAndProOfOneRegion() {
        // Defect pixels score 0.9 and 0.2, normal ones 0.5 and 0.1: 3 of 4 pairs ranked right.
        PixelScores scores = one(new double[] {0.9, 0.2, 0.5, 0.1}, new double[] {1, 1, 0, 0}, 1, 4);
        assertEquals(0.75, scores.aucRoc(), 1e-12);
        // Curve (0,0) (0,.5) (.5,.5) (.5,1) (1,1): area .25 + .5.
        assertEquals(0.75, scores.pro(1.0), 1e-12);
        // Up to FPR 0.3 the overlap stays at 0.5: area 0.15, normalised 0.5.
        assertEquals(0.5, scores.pro(), 1e-12);
        assertEquals(1, scores.regions());
    }

    @Test
    void proWeighsEveryRegionAlikeWhateverItsSize() {
        // Region A = pixel 0 (size 1), region B = pixels 2 and 3 (size 2); normal pixels 1 and 4.
        PixelScores scores = one(new double[] {0.9, 0.1, 0.8, 0.3, 0.5}, new double[] {1, 0, 1, 1, 0}, 1, 5);
        assertEquals(2, scores.regions());
        // Pairs: 0.9 and 0.8 beat both normals, 0.3 beats one: 5 of 6.
        assertEquals(5.0 / 6, scores.aucRoc(), 1e-12);
        // Curve (0,0) (0,.5) (0,.75) (.5,.75) (.5,1) (1,1): area .375 + .5.
        assertEquals(0.875, scores.pro(1.0), 1e-12);
        assertEquals(0.75, scores.pro(), 1e-12);
    }

    @Test
    void regionsAreEightConnected() {
        // Mask 3x3 with (0,0), (1,1), (1,2): one region of 3 pixels when diagonal neighbours touch
        // (two regions, of 1 and 2 pixels, with 4-connectivity).
        double[] mask = {1, 0, 0, 0, 1, 1, 0, 0, 0};
        double[] map = {0.9, 0.5, 0.5, 0.5, 0.2, 0.2, 0.5, 0.5, 0.5};
        PixelScores scores = one(map, mask, 3, 3);
        assertEquals(1, scores.regions());
        // Curve (0,0) (0,1/3) (1,1/3) (1,1): area 1/3 (it would be 1/2 with two regions).
        assertEquals(1.0 / 3, scores.pro(1.0), 1e-12);
    }

    @Test
    void regionsDoNotSpanImagesAndMaskFractionsAreThresholdedAtOneHalf() {
        PixelScores scores = new PixelScores();
        // Two 1x2 images, each with one defect pixel; a mask value 0.4 is normal, 0.6 a defect.
        scores.add(new double[] {0.9, 0.1}, 0, new double[] {0.6, 0.4}, 0, 1, 2);
        scores.add(new double[] {0.2, 0.3}, 0, new double[] {0, 1}, 0, 1, 2);
        assertEquals(2, scores.regions());
        assertEquals(2, scores.images());
        // Defects 0.9 and 0.3, normals 0.1 and 0.2: all 4 pairs right.
        assertEquals(1.0, scores.aucRoc(), 1e-12);
        assertEquals(1.0, scores.pro(), 1e-12);
    }

    @Test
    void pixelAucEqualsTheImageLevelAucOnTheSameNumbers() {
        SplittableRandom random = new SplittableRandom(3);
        int images = 6;
        int plane = 8 * 9;
        double[] maps = new double[images * plane];
        double[] masks = new double[images * plane];
        int[] labels = new int[maps.length];
        for (int i = 0; i < maps.length; i++) {
            labels[i] = random.nextInt(10) < 2 ? 1 : 0;
            masks[i] = labels[i];
            // Multiples of 1/16 are exact floats and give many ties.
            maps[i] = (random.nextInt(16) + 6 * labels[i]) / 16.0;
        }
        PixelScores scores = PixelScores.of(Matrix.wrap(images, plane, maps), Matrix.wrap(images, plane, masks), 8, 9);
        double expected = RankingMetrics.aucRoc(maps, labels);
        assertEquals(expected, scores.aucRoc(), 1e-12);
        assertTrue(expected > 0.7 && expected < 1, "the example has ties and errors: " + expected);
    }

    @Test
    void resultsDoNotDependOnTheOrderOfImagesOrOnRepeatedCalls() {
        double[] a = {0.9, 0.2, 0.5, 0.1};
        double[] maskA = {1, 1, 0, 0};
        double[] b = {0.3, 0.7, 0.6, 0.0};
        double[] maskB = {0, 1, 0, 1};
        PixelScores ab = new PixelScores();
        ab.add(a, 0, maskA, 0, 2, 2);
        ab.add(b, 0, maskB, 0, 2, 2);
        PixelScores ba = new PixelScores();
        ba.add(b, 0, maskB, 0, 2, 2);
        ba.add(a, 0, maskA, 0, 2, 2);
        assertEquals(ab.aucRoc(), ba.aucRoc(), 0);
        assertEquals(ab.pro(), ba.pro(), 0);
        assertEquals(ab.pro(), ab.pro(), 0);
        assertEquals(ab.aucRoc(), ab.aucRoc(), 0);
    }

    @Test
    void refusesNanScoresMissingClassesAndBadLimits() {
        PixelScores scores = new PixelScores();
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> scores.add(new double[] {0, Double.NaN, 0, 0}, 0, new double[4], 0, 2, 2));
        assertEquals("Anomaly map of image 0: NaN at row 0, column 1", nan.getMessage());
        PixelScores normalOnly = one(new double[] {0.1, 0.2}, new double[] {0, 0}, 1, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, normalOnly::aucRoc).getMessage()
                .contains("no defect pixel"));
        PixelScores fine = one(new double[] {0.1, 0.2}, new double[] {0, 1}, 1, 2);
        assertThrows(IllegalArgumentException.class, () -> fine.pro(0));
        assertThrows(IllegalArgumentException.class, () -> fine.pro(1.5));
    }
}
