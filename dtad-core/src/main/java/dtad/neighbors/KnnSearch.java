package dtad.neighbors;

import dtad.data.Matrix;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Exact k-nearest-neighbour search by squared Euclidean distance: the one place where dtad finds
 * neighbours (KNN, LOF, non-parametric DTE).
 *
 * <p><b>Algorithm.</b> Brute force, blocked, in two precisions. The reference rows are packed into
 * blocks in single precision ({@link ReferenceBlocks}); for a query row and a block, the expanded
 * form {@code |b|^2 - 2 a.b} is computed in {@code float} by a SIMD-friendly kernel. That value only
 * screens candidates ({@link Screen}): a reference row is examined only if the screen, widened by a
 * proven bound on its rounding error, could put it among the query's {@code k} best so far; then its
 * distance is computed exactly, in double precision, from the differences. Each query keeps its
 * {@code k} best in a small sorted array ({@link NeighborLists}; {@code O(k)} per insertion, meant for
 * the small {@code k} of anomaly detectors). {@link #search} runs batches of 64 query rows in
 * parallel ({@link QuerySearch}); {@link #searchExcludingSelf} screens each pair of rows once and
 * offers it to both ({@link SymmetricSearch}), half the work. Memory: a single-precision copy of the
 * rows involved (half their size), {@code k} distances and indices per query and a few KiB per
 * thread; never a query x reference array.
 *
 * <p><b>Exactness.</b> No row that belongs among the {@code k} nearest is ever skipped by the screen,
 * and every distance compared, kept or returned is the exact double-precision
 * {@code sum_f (a_f - b_f)^2} (bit for bit, unless it overflows or underflows). Where the expanded
 * form cancels (e.g. features near 1e8 that differ by 1e-3) the error bound is wide and most rows are
 * examined exactly: the search stays exact and becomes an exact brute force.
 *
 * <p><b>Ties and threads.</b> Equal distances are ordered by reference index (the lower index is the
 * nearer): the result is the unique set of {@code k} smallest (distance, index) pairs, so it is
 * identical whatever the number of threads, the order of the work and the other queries.
 *
 * <p>Inputs must be finite (a non-finite value is refused). Immutable and thread-safe.
 */
public final class KnnSearch {
    /** Query rows per parallel task of {@link #search}. */
    static final int QUERY_BLOCK = 64;

    private final int k;
    private final int threads;

    private KnnSearch(int k, int threads) {
        if (k < 1) {
            throw new IllegalArgumentException("Invalid number of neighbours: " + k + " (at least 1)");
        }
        this.k = k;
        this.threads = threads;
    }

    /** A search for the {@code k} nearest rows that runs on the common fork-join pool. */
    public static KnnSearch of(int k) {
        return new KnnSearch(k, 0);
    }

    /** The same search on its own pool of exactly {@code threads} threads (1 = the calling thread only). */
    public KnnSearch withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Invalid number of threads: " + threads + " (at least 1)");
        }
        return new KnnSearch(k, threads);
    }

    public int k() {
        return k;
    }

    /** The {@code k} nearest reference rows of every query row. */
    public Neighbors search(Matrix queries, Matrix references) {
        if (queries.columns() != references.columns()) {
            throw new IllegalArgumentException("Queries have " + queries.columns() + " features, references "
                    + references.columns());
        }
        if (k > references.rows()) {
            throw new IllegalArgumentException("k = " + k + " neighbours requested, but there are only "
                    + references.rows() + " reference rows");
        }
        Screen screen = Screen.of(queries.columns(),
                Math.max(largestMagnitude(queries, "query"), largestMagnitude(references, "reference")));
        int n = queries.rows();
        NeighborLists lists = new NeighborLists(n, k);
        if (n > 0) {
            QuerySearch search = new QuerySearch(ReferenceBlocks.pack(references, screen.scale()), screen, queries,
                    references, lists);
            int tasks = (n + QUERY_BLOCK - 1) / QUERY_BLOCK;
            forEach(tasks, t -> search.run(t * QUERY_BLOCK, Math.min(n, (t + 1) * QUERY_BLOCK)));
        }
        return lists.toNeighbors(screen.exponent());
    }

    /**
     * The {@code k} nearest other rows of every row of {@code rows}: each row is searched against all
     * rows but itself (by index; a duplicate of it still counts, at distance 0), as for leave-one-out
     * training scores.
     */
    public Neighbors searchExcludingSelf(Matrix rows) {
        if (k > rows.rows() - 1) {
            throw new IllegalArgumentException("k = " + k + " neighbours requested, but each row has only "
                    + Math.max(0, rows.rows() - 1) + " other rows");
        }
        Screen screen = Screen.of(rows.columns(), largestMagnitude(rows, "row"));
        NeighborLists lists = new NeighborLists(rows.rows(), k);
        ReferenceBlocks blocks = ReferenceBlocks.pack(rows, screen.scale());
        SymmetricSearch search = new SymmetricSearch(blocks, screen, rows, lists);
        for (int[][] round : SymmetricSearch.rounds(blocks.blockCount())) {
            forEach(round.length, t -> search.tile(round[t][0], round[t][1]));
        }
        return lists.toNeighbors(screen.exponent());
    }

    /** Runs {@code body} for tasks {@code 0 .. tasks-1}, in parallel as configured. */
    private void forEach(int tasks, IntConsumer body) {
        if (tasks == 1 || threads == 1) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
        } else if (threads == 0) {
            IntStream.range(0, tasks).parallel().forEach(body);
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.invoke(ForkJoinTask.adapt(() -> IntStream.range(0, tasks).parallel().forEach(body)));
            } finally {
                pool.shutdown();
            }
        }
    }

    /** The largest absolute value; a non-finite value is refused with its position. */
    private static double largestMagnitude(Matrix x, String what) {
        double[] v = x.values();
        double largest = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("Non-finite " + what + " value " + v[i] + " at row "
                        + (i / x.columns() + 1) + ", column " + (i % x.columns() + 1));
            }
            largest = Math.max(largest, Math.abs(v[i]));
        }
        return largest;
    }
}
