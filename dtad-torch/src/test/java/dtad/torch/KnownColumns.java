package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.Explainable;
import dtad.image.ImageShape;
import dtad.model.ModelFiles;
import dtad.torch.image.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Data whose anomalies differ from the normal rows only in known columns, and the checks every
 * explainable network model passes on it. Normal rows are independent standard Gaussians; an anomaly is
 * a normal row whose known columns are moved to {@code +-}(4 to 6) (sign and size drawn per value).
 */
public final class KnownColumns {
    /** The columns the anomalies differ in (of {@link #FEATURES}). */
    public static final int[] COLUMNS = {3, 8, 15};
    public static final int FEATURES = 20;

    private KnownColumns() {
    }

    public static Matrix normal(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * FEATURES];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Matrix.wrap(rows, FEATURES, values);
    }

    public static Matrix anomalies(int rows, long seed) {
        Matrix normal = normal(rows, seed);
        double[] values = normal.values().clone();
        SplittableRandom random = new SplittableRandom(~seed);
        for (int r = 0; r < rows; r++) {
            for (int c : COLUMNS) {
                values[r * FEATURES + c] = (random.nextBoolean() ? 1 : -1) * (4 + 2 * random.nextDouble());
            }
        }
        return Matrix.wrap(rows, FEATURES, values);
    }

    /** The pixels of the square defect of {@link #defective} in an image of {@code shape}: 2x2 at (2..3, 5..6). */
    public static int[] defectPixels(ImageShape shape) {
        return new int[] {shape.index(0, 2, 5), shape.index(0, 2, 6), shape.index(0, 3, 5), shape.index(0, 3, 6)};
    }

    /** Images of horizontal bars ({@link TestImages#normal}) with a bright 2x2 square at {@link #defectPixels}. */
    public static Matrix defective(int n, ImageShape shape, long seed) {
        Matrix images = TestImages.normal(n, shape, seed);
        double[] values = images.values().clone();
        for (int i = 0; i < n; i++) {
            for (int p : defectPixels(shape)) {
                values[i * shape.values() + p] = 1.6;
            }
        }
        return Matrix.wrap(n, shape.values(), values);
    }

    /** The share of rows whose {@code known.length} largest contributions are exactly the known columns. */
    public static double topHitRate(double[][] contributions, int[] known) {
        int hits = 0;
        for (double[] row : contributions) {
            Integer[] order = new Integer[row.length];
            for (int j = 0; j < row.length; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(row[b], row[a]));
            int[] top = new int[known.length];
            for (int k = 0; k < known.length; k++) {
                top[k] = order[k];
            }
            Arrays.sort(top);
            int[] expected = known.clone();
            Arrays.sort(expected);
            if (Arrays.equals(top, expected)) {
                hits++;
            }
        }
        return (double) hits / contributions.length;
    }

    /** The same values twice, from one thread and from four at once, and from the model after a save and load. */
    public static void assertRepeatableAndSaved(DetectorModel model, Matrix rows, Path dir) throws IOException {
        Explainable explainable = (Explainable) model;
        double[][] first = explainable.contributions(rows);
        assertEquals(rows.rows(), first.length);
        assertEquals(rows.columns(), first[0].length);
        assertDeepEquals(first, explainable.contributions(rows), "twice");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> explainable.contributions(rows)));
            }
            for (Future<double[][]> result : results) {
                assertDeepEquals(first, result.get(), "from four threads");
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
        model.save(dir.resolve("model"));
        try (DetectorModel loaded = ModelFiles.load(dir.resolve("model"))) {
            assertDeepEquals(first, ((Explainable) loaded).contributions(rows), "after save and load");
        }
    }

    private static void assertDeepEquals(double[][] expected, double[][] actual, String when) {
        assertEquals(expected.length, actual.length, when);
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], actual[r], 0.0, when + ", row " + r);
        }
    }

    /** Each row's contributions summed. */
    public static double[] rowSums(double[][] contributions) {
        double[] sums = new double[contributions.length];
        for (int r = 0; r < sums.length; r++) {
            sums[r] = Arrays.stream(contributions[r]).sum();
        }
        return sums;
    }
}
