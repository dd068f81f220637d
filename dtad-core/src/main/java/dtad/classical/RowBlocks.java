package dtad.classical;

import java.util.stream.IntStream;

/**
 * Splits per-row work into blocks and runs them on the common fork-join pool when the batch is big
 * enough to pay for it. Each block writes only its own rows of the output, so the result is the same
 * whatever the number of threads or their scheduling.
 */
final class RowBlocks {
    /** Below this many arithmetic operations in all, one thread is faster than several. */
    private static final long PARALLEL_WORK = 2_000_000;
    private static final int BLOCK_ROWS = 64;

    /** The work on rows {@code [from, to)}. */
    @FunctionalInterface
    interface Body {
        void run(int from, int to);
    }

    private RowBlocks() {
    }

    /**
     * Runs {@code body} over rows {@code [0, rows)}.
     *
     * @param costPerRow a rough count of the operations one row needs, to decide on threads
     */
    static void run(int rows, long costPerRow, Body body) {
        if (rows <= BLOCK_ROWS || (long) rows * costPerRow < PARALLEL_WORK) {
            body.run(0, rows);
            return;
        }
        int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
        IntStream.range(0, blocks).parallel()
                .forEach(b -> body.run(b * BLOCK_ROWS, Math.min(rows, (b + 1) * BLOCK_ROWS)));
    }
}
