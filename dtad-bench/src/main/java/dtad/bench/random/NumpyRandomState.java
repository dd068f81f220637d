package dtad.bench.random;

import java.util.Arrays;
import java.util.List;

/**
 * A re-implementation of numpy's legacy {@code numpy.random.RandomState} (the {@code mtrand} module, i.e.
 * what the global {@code np.random.seed(...)} / {@code np.random.choice(...)} functions use) that yields
 * the very same draws, so that the ADBench / DTE data protocol picks the very same rows as the Python
 * reference.
 *
 * <p>What is reproduced, draw for draw:
 * <ul>
 *   <li>Seeding with a 32-bit unsigned integer: MT19937 {@code init_genrand(seed)} (numpy's legacy integer
 *       seeding path), which also forgets any cached Gaussian.</li>
 *   <li>{@link #nextUint32()}: MT19937 {@code genrand_int32}; {@link #nextUint64()}: two of them, the
 *       first as the high word.</li>
 *   <li>{@link #random()}: {@code random_sample}, the 53-bit double {@code ((a >>> 5) * 2^26 + (b >>> 6)) / 2^53}.</li>
 *   <li>{@link #randint(long, long)}: legacy {@code randint} with the default int64 dtype, which uses masked
 *       rejection sampling: 32-bit draws when {@code high - 1 - low} fits in 32 bits, 64-bit draws otherwise,
 *       and no draw at all when the range holds a single value.</li>
 *   <li>{@link #randomInterval(long)}, {@link #shuffle(int[])}, {@link #permutation(int)}: the legacy
 *       Fisher-Yates shuffle from the last element down, each swap partner drawn by
 *       {@code random_interval(i)} (masked rejection as above).</li>
 *   <li>{@link #choice(int, int, boolean)}: with replacement it is {@code randint(0, n, size)}; without
 *       replacement (and no {@code p}) it is {@code permutation(n)[:size]}, so even a zero-size draw
 *       consumes a full permutation of {@code n}.</li>
 *   <li>{@link #standardNormal()} / {@link #normal(double, double)}: legacy {@code gauss}, the polar
 *       Box-Muller method which returns one value of each accepted pair and caches the other for the next
 *       call. The draws consumed and the accept/reject decisions are exactly numpy's; the values agree
 *       bit for bit except that, about once in a few thousand pairs, numpy's result is one ulp away because
 *       the C library's {@code log} (glibc) is not correctly rounded there, while this class uses a
 *       correctly rounded logarithm (see {@code CorrectlyRoundedLog}). numpy's own normals are likewise
 *       platform-dependent in the last bit.</li>
 * </ul>
 *
 * <p>Array-returning methods consume the generator exactly like the numpy call with {@code size=...}, which
 * is the same as the scalar call repeated. Argument errors follow numpy's checks and are reported as
 * {@link IllegalArgumentException}.
 *
 * <p><b>Not thread-safe</b>: an instance holds mutable generator state and no lock (unlike numpy, which
 * locks internally). Confine each instance to one thread, or use one instance per thread.
 */
public final class NumpyRandomState {
    /** The largest seed numpy's legacy integer seeding accepts, {@code 2**32 - 1}. */
    public static final long MAX_SEED = 0xFFFF_FFFFL;

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908_B0DF;
    private static final int UPPER_MASK = 0x8000_0000;
    private static final int LOWER_MASK = 0x7FFF_FFFF;
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    private final int[] mt = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    /** Same as numpy's {@code RandomState(seed)}; {@code seed} must lie in {@code [0, 2**32 - 1]}. */
    public NumpyRandomState(long seed) {
        seed(seed);
    }

    /**
     * Re-seeds in place, like {@code RandomState.seed(seed)} / {@code np.random.seed(seed)}; also drops a
     * cached Gaussian, as numpy does.
     */
    public void seed(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1, got " + seed);
        }
        // init_genrand; Java int arithmetic wraps modulo 2^32, exactly the uint32 arithmetic wanted.
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int prev = mt[i - 1];
            mt[i] = 1_812_433_253 * (prev ^ (prev >>> 30)) + i;
        }
        pos = N; // the first draw regenerates the whole block
        hasGauss = false;
        gauss = 0.0;
    }

    /** MT19937 {@code genrand_int32}: the next raw 32-bit output, as a value in {@code [0, 2**32)}. */
    public long nextUint32() {
        return nextInt() & UINT32_MAX;
    }

    /** Two 32-bit outputs joined as numpy's MT19937 {@code next_uint64} does: first draw = high word. */
    public long nextUint64() {
        long hi = nextInt() & UINT32_MAX;
        long lo = nextInt() & UINT32_MAX;
        return hi << 32 | lo;
    }

    /** {@code random_sample()}: a double in {@code [0, 1)} with 53 random bits from two 32-bit draws. */
    public double random() {
        long a = (nextInt() >>> 5) & 0x7FF_FFFFL; // top 27 bits
        long b = (nextInt() >>> 6) & 0x3FF_FFFFL; // top 26 bits
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0;
    }

    /** {@code random_sample(size)}. */
    public double[] random(int size) {
        double[] out = new double[requireSize(size)];
        for (int i = 0; i < out.length; i++) {
            out[i] = random();
        }
        return out;
    }

    /** {@code uniform(low, high)}: {@code low + (high - low) * random_sample()}. */
    public double uniform(double low, double high) {
        double range = high - low;
        if (!Double.isFinite(range)) {
            throw new IllegalArgumentException("Range exceeds valid bounds: [" + low + ", " + high + ")");
        }
        return low + range * random();
    }

    /**
     * {@code randint(low, high)} with numpy's default int64 dtype: a value in {@code [low, high)}. A range
     * holding a single value consumes no draw.
     */
    public long randint(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("low >= high: " + low + " >= " + high);
        }
        return low + boundedMasked((high - 1) - low);
    }

    /**
     * {@code randint(low, high, size)} with the default int64 dtype. As in numpy, a zero {@code size}
     * returns an empty array without checking the bounds.
     */
    public long[] randint(long low, long high, int size) {
        long[] out = new long[requireSize(size)];
        if (size == 0) {
            return out;
        }
        if (low >= high) {
            throw new IllegalArgumentException("low >= high: " + low + " >= " + high);
        }
        long rng = (high - 1) - low; // unsigned 64-bit; may exceed Long.MAX_VALUE for extreme bounds
        for (int i = 0; i < size; i++) {
            out[i] = low + boundedMasked(rng);
        }
        return out;
    }

    /**
     * Legacy {@code random_interval(max)}: a value in {@code [0, max]} by masked rejection, with 32-bit draws
     * when {@code max} fits in 32 bits and 64-bit draws otherwise. {@code max} is read as an unsigned 64-bit
     * integer, like numpy's {@code uint64_t}; {@code 0} consumes no draw.
     */
    public long randomInterval(long max) {
        return boundedMasked(max);
    }

    /**
     * Legacy {@code shuffle}: for {@code i} from {@code length - 1} down to 1, swap element {@code i} with
     * element {@code random_interval(i)}.
     */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = (int) randomInterval(i);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** Legacy {@code shuffle} of a {@code long} array; same draws as {@link #shuffle(int[])}. */
    public void shuffle(long[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = (int) randomInterval(i);
            long t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** Legacy {@code shuffle} of a {@code double} array; same draws as {@link #shuffle(int[])}. */
    public void shuffle(double[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = (int) randomInterval(i);
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /**
     * Legacy {@code shuffle} of an object array, e.g. the rows of a 2-D array (numpy shuffles an n-d array
     * along its first axis with the same draws).
     */
    public void shuffle(Object[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = (int) randomInterval(i);
            Object t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** Legacy {@code shuffle} of a mutable list, in place; same draws as {@link #shuffle(int[])}. */
    public void shuffle(List<?> values) {
        shuffleList(values);
    }

    private <T> void shuffleList(List<T> values) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = (int) randomInterval(i);
            values.set(i, values.set(j, values.get(i)));
        }
    }

    /** {@code permutation(n)}: {@code arange(n)} shuffled by {@link #shuffle(int[])}. */
    public int[] permutation(int n) {
        int[] out = new int[requireSize(n)];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        shuffle(out);
        return out;
    }

    /**
     * {@code choice(n, size, replace)} without probabilities: indices into {@code arange(n)}. With
     * replacement this is {@code randint(0, n, size)}; without, {@code permutation(n)[:size]}, which draws a
     * full permutation of {@code n} whatever {@code size} is (also for {@code size == 0}).
     */
    public int[] choice(int n, int size, boolean replace) {
        requireSize(size);
        if (n < 0 || (n == 0 && size != 0)) {
            throw new IllegalArgumentException("a must be greater than 0 unless no samples are taken, got " + n);
        }
        if (replace) {
            int[] out = new int[size];
            if (size == 0) {
                return out; // randint with size 0 draws nothing
            }
            long rng = n - 1L;
            for (int i = 0; i < size; i++) {
                out[i] = (int) boundedMasked(rng);
            }
            return out;
        }
        if (size > n) {
            throw new IllegalArgumentException(
                    "Cannot take a larger sample than population when replace=false: " + size + " > " + n);
        }
        int[] perm = permutation(n);
        return size == n ? perm : Arrays.copyOf(perm, size);
    }

    /**
     * Legacy {@code standard_normal()} ({@code gauss}): polar Box-Muller. Each accepted pair yields two
     * normals; this returns one and caches the other for the next call (re-seeding drops the cache).
     */
    public double standardNormal() {
        if (hasGauss) {
            hasGauss = false;
            double cached = gauss;
            gauss = 0.0;
            return cached;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * random() - 1.0;
            x2 = 2.0 * random() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        // numpy calls the C library's log. A correctly rounded log is portable across JVMs and equals
        // glibc's except in its rare misrounded cases (one ulp); Math.log would differ more and vary by JVM.
        double f = Math.sqrt(-2.0 * CorrectlyRoundedLog.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code standard_normal(size)}. */
    public double[] standardNormal(int size) {
        double[] out = new double[requireSize(size)];
        for (int i = 0; i < out.length; i++) {
            out[i] = standardNormal();
        }
        return out;
    }

    /**
     * Legacy {@code normal(loc, scale)}: {@code loc + scale * gauss}. Like numpy, a negative scale (including
     * {@code -0.0}) is refused and NaN is let through.
     */
    public double normal(double loc, double scale) {
        if (!Double.isNaN(scale) && Double.doubleToRawLongBits(scale) < 0) {
            throw new IllegalArgumentException("scale < 0: " + scale);
        }
        return loc + scale * standardNormal();
    }

    /**
     * Masked rejection sampling of a value in {@code [0, rng]} ({@code rng} unsigned): draw, keep the bits
     * under the smallest all-ones mask covering {@code rng}, retry while above it. This is the bounded draw
     * behind legacy {@code randint} (int64 dtype) and {@code random_interval} alike.
     */
    private long boundedMasked(long rng) {
        if (rng == 0) {
            return 0; // single-valued range: numpy draws nothing
        }
        long mask = rng;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        long value;
        if (Long.compareUnsigned(rng, UINT32_MAX) <= 0) {
            do {
                value = nextUint32() & mask;
            } while (value > rng); // both below 2^32, so a signed compare is exact
        } else {
            do {
                value = nextUint64() & mask;
            } while (Long.compareUnsigned(value, rng) > 0);
        }
        return value;
    }

    /** MT19937 genrand_int32 as raw int bits. */
    private int nextInt() {
        if (pos >= N) {
            regenerate();
        }
        int y = mt[pos++];
        // Tempering.
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C_5680;
        y ^= (y << 15) & 0xEFC6_0000;
        y ^= y >>> 18;
        return y;
    }

    /** Refills the whole 624-word block (the standard MT19937 twist). */
    private void regenerate() {
        int k = 0;
        for (; k < N - M; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (; k < N - 1; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        pos = 0;
    }

    private static int requireSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative dimensions are not allowed: " + size);
        }
        return size;
    }

    @Override
    public String toString() {
        return "NumpyRandomState[MT19937, pos=" + pos + ", hasGauss=" + hasGauss + "]";
    }
}
