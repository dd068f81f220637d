package dtad.classical;

/**
 * A least-recently-used store of kernel-matrix rows for an SMO solver, bounded in bytes like
 * LIBSVM's {@code cache_size}. Row {@code i} is kept as a prefix {@code [0, length)} of single-precision
 * values (LIBSVM stores its Q matrix in floats too); a request for a longer prefix extends the row and
 * reports from where the caller must fill it. Rows are indexed by solver position: when the solver's
 * shrinking swaps two positions, {@link #swap} swaps their rows and the two entries inside every cached
 * row, and drops rows too short to hold both. Not thread-safe: one solver owns one cache.
 */
final class KernelCache {
    private final float[][] rows;
    private final int[] lengths;
    /** A doubly linked LRU ring over the cached rows; index {@code n} is the sentinel. */
    private final int[] previous;
    private final int[] next;
    private final int sentinel;
    private final long budget;
    private long freeFloats;

    /**
     * @param n     the number of rows (and the longest row)
     * @param bytes the budget in bytes; at least two full rows are always allowed, as in LIBSVM
     */
    KernelCache(int n, long bytes) {
        rows = new float[n][];
        lengths = new int[n];
        previous = new int[n + 1];
        next = new int[n + 1];
        sentinel = n;
        previous[sentinel] = sentinel;
        next[sentinel] = sentinel;
        budget = Math.max(bytes / Float.BYTES, 2L * n);
        freeFloats = budget;
    }

    /** How many rows of {@code length} entries fit in the budget (at least 2). */
    int capacity(int length) {
        return (int) Math.max(2, Math.min(Integer.MAX_VALUE, budget / Math.max(1, length)));
    }

    /** The stored row {@code i}, valid on the prefix returned by the last {@link #request}. */
    float[] row(int i) {
        return rows[i];
    }

    /**
     * Makes row {@code i} hold at least {@code length} entries, marks it most recently used, and
     * returns the position from which entries up to {@code length} still have to be computed
     * ({@code >= length} when the whole prefix is cached).
     */
    int request(int i, int length) {
        int cached = lengths[i];
        if (cached > 0) {
            unlink(i);
        }
        if (length > cached) {
            int more = length - cached;
            while (freeFloats < more) {
                evict(next[sentinel]);
            }
            float[] grown = new float[length];
            if (cached > 0) {
                System.arraycopy(rows[i], 0, grown, 0, cached);
            }
            rows[i] = grown;
            lengths[i] = length;
            freeFloats -= more;
        }
        linkLast(i);
        return cached;
    }

    /** Swaps positions {@code i} and {@code j}: their rows, and their entries in every cached row. */
    void swap(int i, int j) {
        if (i == j) {
            return;
        }
        if (lengths[i] > 0) {
            unlink(i);
        }
        if (lengths[j] > 0) {
            unlink(j);
        }
        float[] row = rows[i];
        rows[i] = rows[j];
        rows[j] = row;
        int length = lengths[i];
        lengths[i] = lengths[j];
        lengths[j] = length;
        if (lengths[i] > 0) {
            linkLast(i);
        }
        if (lengths[j] > 0) {
            linkLast(j);
        }
        int low = Math.min(i, j);
        int high = Math.max(i, j);
        for (int h = next[sentinel]; h != sentinel; ) {
            int following = next[h];
            if (lengths[h] > low) {
                if (lengths[h] > high) {
                    float[] r = rows[h];
                    float t = r[low];
                    r[low] = r[high];
                    r[high] = t;
                } else {
                    evict(h); // the row covers one of the two positions only: cheaper to recompute
                }
            }
            h = following;
        }
    }

    private void evict(int h) {
        unlink(h);
        freeFloats += lengths[h];
        rows[h] = null;
        lengths[h] = 0;
    }

    private void unlink(int h) {
        next[previous[h]] = next[h];
        previous[next[h]] = previous[h];
    }

    private void linkLast(int h) {
        next[h] = sentinel;
        previous[h] = previous[sentinel];
        next[previous[h]] = h;
        previous[sentinel] = h;
    }
}
