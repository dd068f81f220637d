package dtad.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * The random draws of one training step (diffusion times, noise, dropout masks), made in Java from the
 * fit's seeded {@link SplittableRandom} and written straight into new tensors of the step's manager.
 *
 * <p>Why not torch's generator: it is global to the JVM (so any other torch code running at the same
 * time would shift a fit's draws), and its per-element Bernoulli sampling made dropout the most
 * expensive part of a DTE step after the matrix products (about 0.9 ms of masks per step at batch 64
 * for the 256-512-256 MLP, measured; about a tenth of that here). Drawing in Java makes a seeded fit
 * repeat exactly whatever else the JVM does.
 */
public final class StepRandom {
    private static final double TWO_TO_32 = 4294967296.0;

    private final SplittableRandom random;
    private final NDManager manager;
    private final Scratch scratch;

    /** Draws from {@code random} into tensors of {@code manager}. */
    StepRandom(SplittableRandom random, NDManager manager) {
        this(random, manager, new Scratch());
    }

    /**
     * As above, drawing into {@code scratch}: one per fit, passed to the step random of each step in
     * turn (the draws of a step live in it until the next step starts).
     */
    StepRandom(SplittableRandom random, NDManager manager, Scratch scratch) {
        this.random = random;
        this.manager = manager;
        this.scratch = scratch;
        scratch.reset();
    }

    /**
     * The memory that a fit's draws go through, reused from step to step so that steps allocate
     * nothing: a Java array the draws are written into, and a direct buffer (an arena) that the draws'
     * tensors alias (no native allocation or copy). The arena is handed out from its start again when
     * the next step begins; by then the previous step's tensors are closed and its autograd graph,
     * which is the only other holder of them, has been freed by the backward pass. Not thread-safe.
     */
    public static final class Scratch {
        private static final int ALIGNMENT = 64;

        private float[] values = new float[0];
        private ByteBuffer arena = ByteBuffer.allocateDirect(0);
        private int used;

        float[] values(int n) {
            if (values.length < n) {
                values = new float[n];
            }
            return values;
        }

        /** The next {@code bytes} of the arena, 64-byte aligned; a full arena is replaced by a bigger one. */
        ByteBuffer take(int bytes) {
            int size = (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
            if (used + size > arena.capacity()) {
                // The old arena stays alive as long as tensors of this step alias it.
                int capacity = Math.max(2 * arena.capacity(), size);
                arena = ByteBuffer.allocateDirect(capacity + ALIGNMENT).alignedSlice(ALIGNMENT);
                used = 0;
            }
            ByteBuffer slice = arena.slice(used, bytes).order(ByteOrder.nativeOrder());
            used += size;
            return slice;
        }

        void reset() {
            used = 0;
        }
    }

    /** Fills the first {@code n} values of an array (which may hold anything beyond and before). */
    @FunctionalInterface
    public interface Filler {
        void fill(float[] values, int n);
    }

    /**
     * A new float32 tensor of {@code shape} in the step's manager, its values written by
     * {@code filler} into a reused Java array and copied once into the scratch arena, which the tensor
     * aliases. The tensor must not outlive the step.
     */
    public NDArray floats(Shape shape, Filler filler) {
        int n = Math.toIntExact(shape.size());
        float[] values = scratch.values(n);
        filler.fill(values, n);
        ByteBuffer memory = scratch.take(4 * n);
        memory.asFloatBuffer().put(0, values, 0, n);
        return manager.create(memory, shape, DataType.FLOAT32);
    }

    /** A new int64 tensor of {@code shape} holding {@code values}, aliasing the scratch arena as {@link #floats}. */
    public NDArray longs(Shape shape, long[] values) {
        if (shape.size() != values.length) {
            throw new IllegalArgumentException(values.length + " values for shape " + shape);
        }
        ByteBuffer memory = scratch.take(8 * values.length);
        memory.asLongBuffer().put(0, values);
        return manager.create(memory, shape, DataType.INT64);
    }

    /** The step's manager, where every tensor made here lives. */
    public NDManager manager() {
        return manager;
    }

    /** Uniform in {@code 0..bound-1}. */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Standard normal. */
    public double nextGaussian() {
        return random.nextGaussian();
    }

    /**
     * An inverted-dropout mask {@code [rows, columns]}: each value independently {@code 0} with
     * probability {@code p}, else {@code 1 / (1 - p)} (as {@code torch.nn.Dropout}, so that
     * {@code x * mask} is the dropped-out activation). Each value takes 32 random bits, so {@code p} is
     * honoured to {@code 2^-32}; for {@code p = 0.5} each value is a fair coin exactly.
     */
    public NDArray dropoutMask(long rows, long columns, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Invalid dropout probability: " + p);
        }
        long threshold = Math.round(p * TWO_TO_32);
        float scale = (float) (1 / (1 - p));
        return floats(new Shape(rows, columns), (mask, n) -> {
            int i = 0;
            for (; i + 1 < n; i += 2) {
                long bits = random.nextLong();
                // (u - threshold) >>> 63 is 1 exactly when u < threshold: dropped. No branch, so random
                // bits cost no mispredictions.
                mask[i] = (((bits & 0xFFFFFFFFL) - threshold) >>> 63 ^ 1) * scale;
                mask[i + 1] = (((bits >>> 32) - threshold) >>> 63 ^ 1) * scale;
            }
            if (i < n) {
                mask[i] = (((random.nextLong() >>> 32) - threshold) >>> 63 ^ 1) * scale;
            }
        });
    }
}
