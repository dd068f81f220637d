package dtad.neighbors;

import dtad.data.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Every row against all the other rows of the same matrix, each pair screened once: since the
 * distance from row {@code i} to row {@code j} is the distance from {@code j} to {@code i}, a pair
 * found in a tile (query block {@code a} x reference block {@code b}, {@code a <= b}) is offered to
 * both rows' lists, which halves the work of a leave-one-out search. Tiles run in rounds
 * ({@link #rounds}) in which every block appears at most once, so that the tiles of a round, run in
 * parallel, never touch the same row's list; since the lists keep the unique {@code k} smallest
 * (distance, index) pairs whatever the order of offers ({@link NeighborLists}), the result equals
 * that of the one-sided search, whatever the number of threads.
 */
final class SymmetricSearch {
    private final ReferenceBlocks blocks;
    private final Screen screen;
    private final double[] values;
    private final int d;
    private final NeighborLists lists;
    private final float[] rounded;
    private final double[] norms;

    SymmetricSearch(ReferenceBlocks blocks, Screen screen, Matrix rows, NeighborLists lists) {
        this.blocks = blocks;
        this.screen = screen;
        this.values = rows.values();
        this.d = rows.columns();
        this.lists = lists;
        this.rounded = screen.rounded(rows, 0, rows.rows());
        this.norms = screen.squaredNorms(rows, 0, rows.rows());
    }

    /**
     * The tiles {@code {a, b}} ({@code a <= b}) of each round: first every block with itself, then the
     * pairs of distinct blocks by the circle method, each block at most once per round.
     */
    static List<int[][]> rounds(int count) {
        List<int[][]> rounds = new ArrayList<>();
        int[][] diagonal = new int[count][];
        for (int a = 0; a < count; a++) {
            diagonal[a] = new int[] {a, a};
        }
        rounds.add(diagonal);
        int m = count % 2 == 0 ? count : count + 1;
        for (int r = 0; r < m - 1; r++) {
            List<int[]> pairs = new ArrayList<>();
            addPair(pairs, r, m - 1, count);
            for (int i = 1; i < m / 2; i++) {
                addPair(pairs, (r + i) % (m - 1), (r - i + m - 1) % (m - 1), count);
            }
            if (!pairs.isEmpty()) {
                rounds.add(pairs.toArray(new int[0][]));
            }
        }
        return rounds;
    }

    private static void addPair(List<int[]> pairs, int a, int b, int count) {
        if (a < count && b < count) {
            pairs.add(new int[] {Math.min(a, b), Math.max(a, b)});
        }
    }

    /** Screens every pair (i in block a, j in block b, i < j) and offers each close one to both rows. */
    void tile(int a, int b) {
        float[] partial = new float[blocks.width()];
        int firstA = blocks.first(a);
        int firstB = blocks.first(b);
        int sizeB = blocks.size(b);
        double maxB = blocks.maxSquaredNorm(b);
        // Valid for every pair of the tile; the thresholds of b's rows only fall while it runs.
        double tileError = screen.error(blocks.maxSquaredNorm(a), maxB);
        double others = 0;
        for (int r = 0; r < sizeB; r++) {
            others = Math.max(others, Screen.threshold(lists.worst(firstB + r), tileError));
        }
        for (int i = firstA; i < firstA + blocks.size(a); i++) {
            double norm = norms[i];
            blocks.partialDistances(rounded, i * d, b, partial);
            double error = screen.error(norm, maxB);
            double own = Screen.threshold(lists.worst(i), error);
            float bound = Screen.partialBound(Math.max(own, others), norm);
            for (int r = a == b ? i - firstB + 1 : 0; r < sizeB; r++) {
                if (partial[r] < bound) {
                    int j = firstB + r;
                    double screened = norm + partial[r];
                    if (screened < own || screened < Screen.threshold(lists.worst(j), tileError)) {
                        double distance = screen.distance(values, i, values, j);
                        lists.offer(j, distance, i);
                        if (lists.offer(i, distance, j)) {
                            own = Screen.threshold(lists.worst(i), error);
                            bound = Screen.partialBound(Math.max(own, others), norm);
                        }
                    }
                }
            }
        }
    }
}
