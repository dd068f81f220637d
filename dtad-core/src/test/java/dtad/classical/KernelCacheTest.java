package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KernelCacheTest {
    @Test
    void extendsACachedPrefixAndReportsWhereToFill() {
        KernelCache cache = new KernelCache(4, 1 << 20);
        assertEquals(0, cache.request(1, 2));
        cache.row(1)[0] = 10;
        cache.row(1)[1] = 11;
        assertEquals(2, cache.request(1, 2), "nothing to fill");
        assertEquals(2, cache.request(1, 4), "fill from the cached length");
        assertEquals(10, cache.row(1)[0]);
        assertEquals(11, cache.row(1)[1]);
    }

    @Test
    void evictsTheLeastRecentlyUsedRowBeyondTheBudget() {
        KernelCache cache = new KernelCache(4, 8 * Float.BYTES); // two full rows
        cache.request(0, 4);
        cache.request(1, 4);
        cache.request(0, 4); // row 0 is now the most recent
        assertEquals(0, cache.request(2, 4));
        assertNull(cache.row(1), "row 1 was the least recently used");
        assertEquals(4, cache.request(0, 4), "row 0 kept");
    }

    @Test
    void swapMovesRowsAndTheirEntriesAndDropsRowsCoveringOnlyOne() {
        KernelCache cache = new KernelCache(4, 1 << 20);
        cache.request(0, 4);
        float[] full = cache.row(0);
        for (int k = 0; k < 4; k++) {
            full[k] = k;
        }
        cache.request(2, 2); // covers position 1 but not 3
        cache.request(3, 1);
        cache.row(3)[0] = 30;
        cache.swap(1, 3);
        assertArrayEquals(new float[] {0, 3, 2, 1}, cache.row(0));
        assertNull(cache.row(2), "a row holding only one of the swapped entries is dropped");
        assertEquals(30, cache.row(1)[0], "row 3 moved to position 1");
        assertNull(cache.row(3));
    }
}
