package dtad.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.TestData;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KnnSearchTest {

    /** The k nearest by a plain loop: exact distances, sorted by (distance, index). */
    private static Neighbors bruteForce(Matrix queries, Matrix references, int k, boolean excludeSelf) {
        int n = queries.rows();
        double[] distances = new double[n * k];
        int[] indices = new int[n * k];
        for (int i = 0; i < n; i++) {
            int row = i;
            double[] all = new double[references.rows()];
            for (int j = 0; j < all.length; j++) {
                double sum = 0;
                for (int f = 0; f < queries.columns(); f++) {
                    double diff = queries.get(i, f) - references.get(j, f);
                    sum += diff * diff;
                }
                all[j] = sum;
            }
            Integer[] order = IntStream.range(0, all.length).filter(j -> !excludeSelf || j != row).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(j -> all[j]).thenComparingInt(j -> j))
                    .toArray(Integer[]::new);
            for (int r = 0; r < k; r++) {
                indices[i * k + r] = order[r];
                distances[i * k + r] = all[order[r]];
            }
        }
        return new Neighbors(n, k, distances, indices);
    }

    private static void assertSame(Neighbors expected, Neighbors actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.k(), actual.k());
        for (int i = 0; i < expected.rows(); i++) {
            assertArrayEquals(expected.indices(i), actual.indices(i), "neighbours of row " + i);
            assertArrayEquals(expected.squaredDistances(i), actual.squaredDistances(i), "distances of row " + i);
        }
    }

    private static Matrix gaussian(int rows, int columns, long seed) {
        return TestData.gaussian(rows, columns, seed, 0);
    }

    /** Rows of small integers: many exactly equal distances and duplicate rows. */
    private static Matrix integers(int rows, int columns, int levels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[rows * columns];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(levels);
        }
        return Matrix.wrap(rows, columns, v);
    }

    @Test
    void equalsBruteForceOnRandomDataAcrossBlockBoundaries() {
        // 600 references span three blocks; 150 queries span three query batches; 7 and 37 features
        // leave remainders after the groups of four.
        for (int d : new int[] {1, 3, 7, 37}) {
            Matrix references = gaussian(600, d, 1 + d);
            Matrix queries = gaussian(150, d, 100 + d);
            for (int k : new int[] {1, 5, 20}) {
                assertSame(bruteForce(queries, references, k, false), KnnSearch.of(k).search(queries, references));
            }
        }
    }

    @Test
    void equalsBruteForceWhenExcludingSelf() {
        Matrix rows = gaussian(400, 9, 3);
        assertSame(bruteForce(rows, rows, 6, true), KnnSearch.of(6).searchExcludingSelf(rows));
    }

    @Test
    void excludingSelfEqualsBruteForceAcrossBlocks() {
        // 1100 rows in 3 blocks of up to 512: the symmetric search pairs blocks over rounds.
        Matrix rows = gaussian(1100, 3, 18);
        assertSame(bruteForce(rows, rows, 4, true), KnnSearch.of(4).searchExcludingSelf(rows));
        // Small integers: ties and duplicates across blocks, ordered by index.
        Matrix ties = integers(1100, 2, 6, 19);
        assertSame(bruteForce(ties, ties, 9, true), KnnSearch.of(9).searchExcludingSelf(ties));
        assertSame(bruteForce(ties, ties, 9, true), KnnSearch.of(9).withThreads(3).searchExcludingSelf(ties));
    }

    @Test
    void symmetricRoundsCoverEveryPairOnceAndEachBlockOncePerRound() {
        for (int count = 1; count <= 9; count++) {
            int[][] seen = new int[count][count];
            for (int[][] round : SymmetricSearch.rounds(count)) {
                boolean[] busy = new boolean[count];
                for (int[] tile : round) {
                    assertTrue(tile[0] <= tile[1]);
                    assertTrue(!busy[tile[0]] && !busy[tile[1]], "a block twice in one round");
                    busy[tile[0]] = true;
                    busy[tile[1]] = true;
                    seen[tile[0]][tile[1]]++;
                }
            }
            for (int a = 0; a < count; a++) {
                for (int b = a; b < count; b++) {
                    assertEquals(1, seen[a][b], "tile " + a + ", " + b + " of " + count);
                }
            }
        }
    }

    @Test
    void breaksTiesByReferenceIndex() {
        Matrix references = integers(500, 3, 3, 4);
        Matrix queries = integers(90, 3, 3, 5);
        Neighbors found = KnnSearch.of(12).search(queries, references);
        assertSame(bruteForce(queries, references, 12, false), found);
        for (int i = 0; i < found.rows(); i++) {
            for (int r = 1; r < 12; r++) {
                if (found.squaredDistance(i, r) == found.squaredDistance(i, r - 1)) {
                    assertTrue(found.index(i, r) > found.index(i, r - 1), "row " + i + " rank " + r);
                }
            }
        }
    }

    @Test
    void duplicatesOfTheQueryAreAtDistanceZeroInIndexOrder() {
        double[][] rows = {{1, 2}, {5, 5}, {1, 2}, {0, 0}, {1, 2}};
        Neighbors found = KnnSearch.of(3).search(Matrix.of(new double[][] {{1, 2}}), Matrix.of(rows));
        assertArrayEquals(new int[] {0, 2, 4}, found.indices(0));
        assertArrayEquals(new double[] {0, 0, 0}, found.squaredDistances(0));
    }

    @Test
    void excludingSelfLeavesOutTheRowButKeepsItsDuplicates() {
        Matrix rows = Matrix.of(new double[][] {{1, 2}, {5, 5}, {1, 2}, {0, 0}, {1, 2}});
        Neighbors found = KnnSearch.of(2).searchExcludingSelf(rows);
        assertArrayEquals(new int[] {2, 4}, found.indices(0));
        assertArrayEquals(new int[] {0, 4}, found.indices(2));
        assertArrayEquals(new double[] {0, 0}, found.squaredDistances(2));
        for (int i = 0; i < rows.rows(); i++) {
            for (int r = 0; r < 2; r++) {
                assertTrue(found.index(i, r) != i, "row " + i + " is not its own neighbour");
            }
        }
    }

    @Test
    void staysExactWhereTheExpandedFormCancels() {
        // Features near 1e8 that differ by about 1e-3: |a|^2 + |b|^2 - 2 a.b loses every digit there.
        SplittableRandom random = new SplittableRandom(6);
        double[] ref = new double[300 * 4];
        double[] query = new double[40 * 4];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = 1e8 + 1e-3 * random.nextDouble();
        }
        for (int i = 0; i < query.length; i++) {
            query[i] = 1e8 + 1e-3 * random.nextDouble();
        }
        Matrix references = Matrix.wrap(300, 4, ref);
        Matrix queries = Matrix.wrap(40, 4, query);
        Neighbors found = KnnSearch.of(5).search(queries, references);
        assertSame(bruteForce(queries, references, 5, false), found);
        assertTrue(found.squaredDistance(0, 0) > 0 && found.squaredDistance(0, 0) < 4e-6);
    }

    @Test
    void equalsBruteForceInHighDimension() {
        Matrix references = gaussian(300, 512, 13);
        Matrix queries = gaussian(40, 512, 14);
        assertSame(bruteForce(queries, references, 5, false), KnnSearch.of(5).search(queries, references));
    }

    @Test
    void ordersNearlyEquidistantRowsExactly() {
        // Unit vectors plus noise of 1e-9: all distances are about 2 and differ far below float precision,
        // so the single-precision screen cannot order them; the exact comparison must.
        int d = 64;
        SplittableRandom random = new SplittableRandom(15);
        double[] ref = new double[200 * d];
        for (int i = 0; i < 200; i++) {
            ref[i * d + i % d] = 1;
            for (int f = 0; f < d; f++) {
                ref[i * d + f] += 1e-9 * random.nextDouble();
            }
        }
        Matrix references = Matrix.wrap(200, d, ref);
        assertSame(bruteForce(references, references, 7, true), KnnSearch.of(7).searchExcludingSelf(references));
    }

    @Test
    void handlesHugeAndTinyMagnitudesExactly() {
        for (double magnitude : new double[] {1e150, 1e-150}) {
            Matrix references = scaled(gaussian(200, 4, 16), magnitude);
            Matrix queries = scaled(gaussian(30, 4, 17), magnitude);
            Neighbors found = KnnSearch.of(3).search(queries, references);
            assertSame(bruteForce(queries, references, 3, false), found);
            assertTrue(found.squaredDistance(0, 0) > 0 && Double.isFinite(found.squaredDistance(0, 2)));
        }
    }

    private static Matrix scaled(Matrix x, double factor) {
        double[] v = x.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return Matrix.wrap(x.rows(), x.columns(), v);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        Matrix references = gaussian(700, 11, 7);
        Matrix queries = gaussian(500, 11, 8);
        Neighbors common = KnnSearch.of(7).search(queries, references);
        for (int threads : new int[] {1, 2, 3}) {
            assertSame(common, KnnSearch.of(7).withThreads(threads).search(queries, references));
        }
        assertSame(KnnSearch.of(7).searchExcludingSelf(references),
                KnnSearch.of(7).withThreads(3).searchExcludingSelf(references));
    }

    @Test
    void resultOfARowDoesNotDependOnTheOtherQueries() {
        Matrix references = gaussian(300, 5, 9);
        Matrix queries = gaussian(130, 5, 10);
        Neighbors all = KnnSearch.of(4).search(queries, references);
        Neighbors one = KnnSearch.of(4).search(queries.selectRows(new int[] {129}), references);
        assertArrayEquals(all.indices(129), one.indices(0));
        assertArrayEquals(all.squaredDistances(129), one.squaredDistances(0));
    }

    @Test
    void distanceIsTheSquareRootOfTheSquaredDistance() {
        Neighbors found = KnnSearch.of(1).search(Matrix.of(new double[][] {{0, 0}}),
                Matrix.of(new double[][] {{3, 4}, {6, 8}}));
        assertEquals(25, found.squaredDistance(0, 0));
        assertEquals(5, found.distance(0, 0));
        assertEquals(0, found.index(0, 0));
    }

    @Test
    void refusesMoreNeighboursThanReferenceRows() {
        Matrix rows = gaussian(5, 2, 11);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KnnSearch.of(6).search(rows, rows));
        assertEquals("k = 6 neighbours requested, but there are only 5 reference rows", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KnnSearch.of(5).searchExcludingSelf(rows));
        assertEquals("k = 5 neighbours requested, but each row has only 4 other rows", e.getMessage());
        assertEquals(5, KnnSearch.of(5).search(rows, rows).k());
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        assertEquals("Invalid number of neighbours: 0 (at least 1)",
                assertThrows(IllegalArgumentException.class, () -> KnnSearch.of(0)).getMessage());
        assertEquals("Invalid number of threads: 0 (at least 1)",
                assertThrows(IllegalArgumentException.class, () -> KnnSearch.of(1).withThreads(0)).getMessage());
        assertEquals("Queries have 2 features, references 3", assertThrows(IllegalArgumentException.class,
                () -> KnnSearch.of(1).search(Matrix.zeros(1, 2), Matrix.zeros(1, 3))).getMessage());
        Matrix bad = Matrix.of(new double[][] {{0, 0}, {0, Double.NaN}});
        assertEquals("Non-finite query value NaN at row 2, column 2", assertThrows(IllegalArgumentException.class,
                () -> KnnSearch.of(1).search(bad, Matrix.zeros(1, 2))).getMessage());
    }

    @Test
    void noQueryRowsGiveAnEmptyResult() {
        Neighbors found = KnnSearch.of(2).search(Matrix.zeros(0, 3), gaussian(4, 3, 12));
        assertEquals(0, found.rows());
        assertThrows(IndexOutOfBoundsException.class, () -> found.index(0, 0));
    }

    @Test
    void fourRowKernelGivesTheScreensOfTheOneRowKernelBitForBit() {
        for (int d : new int[] {1, 2, 7, 50}) {
            Matrix references = gaussian(100, d, 31);
            Screen screen = Screen.of(d, 4.0);
            ReferenceBlocks blocks = ReferenceBlocks.pack(references, screen.scale(), 48);
            float[] rows = screen.rounded(gaussian(4, d, 32), 0, 4);
            float[][] four = new float[4][48];
            float[] one = new float[48];
            for (int b = 0; b < blocks.blockCount(); b++) {
                blocks.partialDistances(rows, 0, d, 2 * d, 3 * d, b, four);
                for (int i = 0; i < 4; i++) {
                    blocks.partialDistances(rows, i * d, b, one);
                    assertArrayEquals(Arrays.copyOf(one, blocks.size(b)), Arrays.copyOf(four[i], blocks.size(b)),
                            "d = " + d + ", block " + b + ", row " + i);
                }
            }
        }
    }

    @Test
    void fourDistancesAtOnceEqualOneByOneBitForBit() {
        Matrix a = gaussian(3, 37, 41);
        Matrix b = gaussian(9, 37, 42);
        Screen screen = Screen.of(37, 8.0);
        double[] out = new double[4];
        for (int count = 1; count <= 4; count++) {
            int[] rows = {8, 0, 5, 3};
            screen.distances(a.values(), 2, b.values(), rows, count, out);
            for (int c = 0; c < count; c++) {
                assertEquals(screen.distance(a.values(), 2, b.values(), rows[c]), out[c], 0.0, count + " at once, #" + c);
            }
        }
    }

    @Test
    void blockWidthKeepsABlockNearHalfAMebibyte() {
        assertEquals(512, ReferenceBlocks.widthFor(5));
        assertEquals(512, ReferenceBlocks.widthFor(50));
        assertEquals(256, ReferenceBlocks.widthFor(512));
        assertEquals(16, ReferenceBlocks.widthFor(100_000));
        assertTrue(Arrays.stream(new int[] {1, 7, 300, 4096}).map(ReferenceBlocks::widthFor).allMatch(w -> w % 16 == 0));
    }
}
