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
        float[][] partial = new float[4][blocks.width()];
        int firstA = blocks.first(a);
        int endA = firstA + blocks.size(a);
        int firstB = blocks.first(b);
        int sizeB = blocks.size(b);
        double maxB = blocks.maxSquaredNorm(b);
        // Valid for every pair of the tile; the thresholds of b's rows only fall while it runs.
        double tileError = screen.error(blocks.maxSquaredNorm(a), maxB);
        double others = 0;
        for (int r = 0; r < sizeB; r++) {
            others = Math.max(others, Screen.threshold(lists.worst(firstB + r), tileError));
        }
        QuerySearch.Candidates candidates = new QuerySearch.Candidates();
        int i = firstA;
        // Four rows of block a per pass over block b, then the rest one by one (same values).
        for (; i + 4 <= endA; i += 4) {
            blocks.partialDistances(rounded, i * d, (i + 1) * d, (i + 2) * d, (i + 3) * d, b, partial);
            for (int j = 0; j < 4; j++) {
                examine(i + j, a == b ? i + j - firstB + 1 : 0, b, partial[j], tileError, others, candidates);
            }
        }
        for (; i < endA; i++) {
            blocks.partialDistances(rounded, i * d, b, partial[0]);
            examine(i, a == b ? i - firstB + 1 : 0, b, partial[0], tileError, others, candidates);
        }
    }

    /**
     * Offers each pair (row {@code i}, row {@code r >= start} of block {@code b}) whose screen passes to
     * both rows, four pairs at a time ({@link Screen#distances}; a pair taken under thresholds that have
     * fallen since fails its offers, which changes nothing).
     */
    private void examine(int i, int start, int b, float[] partial, double tileError, double others,
                         QuerySearch.Candidates candidates) {
        int firstB = blocks.first(b);
        int sizeB = blocks.size(b);
        double norm = norms[i];
        double error = screen.error(norm, blocks.maxSquaredNorm(b));
        double own = Screen.threshold(lists.worst(i), error);
        float bound = Screen.partialBound(Math.max(own, others), norm);
        int[] found = candidates.rows;
        int count = 0;
        for (int r = start; r < sizeB; r++) {
            if (partial[r] < bound) {
                int j = firstB + r;
                double screened = norm + partial[r];
                if (screened < own || screened < Screen.threshold(lists.worst(j), tileError)) {
                    found[count++] = j;
                    if (count == found.length) {
                        offer(i, candidates, count);
                        count = 0;
                        own = Screen.threshold(lists.worst(i), error);
                        bound = Screen.partialBound(Math.max(own, others), norm);
                    }
                }
            }
        }
        if (count > 0) {
            offer(i, candidates, count);
        }
    }

    private void offer(int i, QuerySearch.Candidates candidates, int count) {
        screen.distances(values, i, values, candidates.rows, count, candidates.distances);
        for (int c = 0; c < count; c++) {
            int j = candidates.rows[c];
            lists.offer(j, candidates.distances[c], i);
            lists.offer(i, candidates.distances[c], j);
        }
    }
}
