package dtad.neighbors;

import dtad.data.Matrix;

/**
 * Query rows against reference rows, one batch of query rows per task: for each reference block in
 * turn, the queries of the batch screen the whole block, four at a time
 * ({@link ReferenceBlocks#partialDistances}), and each examines exactly the rows that pass
 * ({@link Screen}). A batch writes only its own rows' lists.
 */
final class QuerySearch {
    private final ReferenceBlocks blocks;
    private final Screen screen;
    private final Matrix queries;
    private final Matrix references;
    private final NeighborLists lists;

    QuerySearch(ReferenceBlocks blocks, Screen screen, Matrix queries, Matrix references, NeighborLists lists) {
        this.blocks = blocks;
        this.screen = screen;
        this.queries = queries;
        this.references = references;
        this.lists = lists;
    }

    /** Searches query rows {@code [from, to)}. */
    void run(int from, int to) {
        int d = queries.columns();
        float[] rows = screen.rounded(queries, from, to);
        double[] norms = screen.squaredNorms(queries, from, to);
        float[][] partial = new float[4][blocks.width()];
        Candidates candidates = new Candidates();
        for (int b = 0; b < blocks.blockCount(); b++) {
            int i = from;
            // Four query rows per pass over the block, then the rest one by one (same values).
            for (; i + 4 <= to; i += 4) {
                int offset = (i - from) * d;
                blocks.partialDistances(rows, offset, offset + d, offset + 2 * d, offset + 3 * d, b, partial);
                for (int j = 0; j < 4; j++) {
                    examine(i + j, norms[i + j - from], b, partial[j], candidates);
                }
            }
            for (; i < to; i++) {
                blocks.partialDistances(rows, (i - from) * d, b, partial[0]);
                examine(i, norms[i - from], b, partial[0], candidates);
            }
        }
    }

    /**
     * Offers query row {@code i} every row of block {@code b} whose screen {@code partial} passes,
     * four at a time ({@link Screen#distances}). A candidate may have been taken under a bound that the
     * previous ones of its four have tightened since: its offer then fails, which changes nothing, since
     * the lists do not depend on the order or number of offers.
     */
    private void examine(int i, double norm, int b, float[] partial, Candidates candidates) {
        int first = blocks.first(b);
        int size = blocks.size(b);
        double error = screen.error(norm, blocks.maxSquaredNorm(b));
        float bound = Screen.partialBound(Screen.threshold(lists.worst(i), error), norm);
        int[] found = candidates.rows;
        int count = 0;
        for (int r = 0; r < size; r++) {
            if (partial[r] < bound) {
                found[count++] = first + r;
                if (count == found.length) {
                    offer(i, candidates, count);
                    count = 0;
                    bound = Screen.partialBound(Screen.threshold(lists.worst(i), error), norm);
                }
            }
        }
        if (count > 0) {
            offer(i, candidates, count);
        }
    }

    private void offer(int i, Candidates candidates, int count) {
        screen.distances(queries.values(), i, references.values(), candidates.rows, count, candidates.distances);
        for (int c = 0; c < count; c++) {
            lists.offer(i, candidates.distances[c], candidates.rows[c]);
        }
    }

    /** Up to four reference rows that passed the screen, and their exact distances (one per task). */
    static final class Candidates {
        final int[] rows = new int[4];
        final double[] distances = new double[4];
    }
}
