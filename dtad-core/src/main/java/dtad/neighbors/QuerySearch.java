package dtad.neighbors;

import dtad.data.Matrix;

/**
 * Query rows against reference rows, one batch of query rows per task: for each reference block in
 * turn, each query of the batch screens the whole block ({@link ReferenceBlocks#partialDistances}) and
 * examines exactly the rows that pass ({@link Screen}). A batch writes only its own rows' lists.
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
        float[] partial = new float[blocks.width()];
        double[] q = queries.values();
        double[] ref = references.values();
        for (int b = 0; b < blocks.blockCount(); b++) {
            int first = blocks.first(b);
            int size = blocks.size(b);
            for (int i = from; i < to; i++) {
                double norm = norms[i - from];
                blocks.partialDistances(rows, (i - from) * d, b, partial);
                double error = screen.error(norm, blocks.maxSquaredNorm(b));
                float bound = Screen.partialBound(Screen.threshold(lists.worst(i), error), norm);
                for (int r = 0; r < size; r++) {
                    if (partial[r] < bound) {
                        int j = first + r;
                        if (lists.offer(i, screen.distance(q, i, ref, j), j)) {
                            bound = Screen.partialBound(Screen.threshold(lists.worst(i), error), norm);
                        }
                    }
                }
            }
        }
    }
}
