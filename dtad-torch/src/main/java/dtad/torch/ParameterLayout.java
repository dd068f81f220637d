package dtad.torch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Where a network's parameter tensors live in its one flat parameter vector, and how each is
 * initialised. Keeping every parameter in one vector is what makes a training step cheap on the CPU:
 * the optimizer updates all of them in one vectorised pass and writes them back with one copy, and the
 * model file stores one payload. A network declares its tensors in order with {@link Builder#add} and
 * receives, at each forward pass, the tensors in the same order (see {@link ParameterVector}).
 *
 * <p><b>Buffers.</b> A network may also declare non-trainable state with {@link Builder#addBuffer}, such
 * as BatchNorm's running statistics: its forward pass updates them in place while training, the
 * optimizer never sees them, and they are saved with the parameters. A forward pass receives the
 * trainable tensors first, then the buffers ({@link #state()}); {@link #size()}, {@link #tensors()} and
 * {@link #initialValues} cover the trainable tensors only.
 */
public final class ParameterLayout {

    /** How a tensor's initial values are drawn. */
    public sealed interface Init {
        /** Uniform in {@code [-bound, bound)}. */
        record Uniform(double bound) implements Init {
            public Uniform {
                if (!(bound >= 0) || Double.isInfinite(bound)) {
                    throw new IllegalArgumentException("Invalid uniform bound: " + bound);
                }
            }
        }

        /** Every value the same (e.g. zero). */
        record Constant(double value) implements Init {
        }

        /**
         * PyTorch's default for {@code nn.Linear} weights and biases: kaiming-uniform with
         * {@code a = sqrt(5)} gives {@code bound = 1 / sqrt(fanIn)}, and the bias uses the same bound.
         */
        static Init linearDefault(long fanIn) {
            return new Uniform(1 / Math.sqrt(fanIn));
        }
    }

    /** One tensor: its name (for messages), shape and initialisation. */
    public record Tensor(String name, long[] shape, Init init) {
        public Tensor {
            shape = shape.clone();
            for (long s : shape) {
                if (s < 1) {
                    throw new IllegalArgumentException("Invalid shape for " + name + ": " + Arrays.toString(shape));
                }
            }
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        public long size() {
            long size = 1;
            for (long s : shape) {
                size = Math.multiplyExact(size, s);
            }
            return size;
        }
    }

    private final List<Tensor> tensors;
    private final List<Tensor> buffers;
    private final long[] sizes;
    private final long size;

    private ParameterLayout(List<Tensor> tensors) {
        this(tensors, List.of());
    }

    private ParameterLayout(List<Tensor> tensors, List<Tensor> buffers) {
        this.tensors = List.copyOf(tensors);
        this.buffers = List.copyOf(buffers);
        this.sizes = new long[tensors.size()];
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = tensors.get(i).size();
            total = Math.addExact(total, sizes[i]);
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Too many parameters: " + total);
        }
        this.size = total;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Tensor> tensors() {
        return tensors;
    }

    /** The non-trainable tensors (e.g. running statistics), in declaration order; empty for most networks. */
    public List<Tensor> buffers() {
        return buffers;
    }

    /** The buffers as a layout of their own (to hold them in a {@link ParameterVector}), if there are any. */
    public Optional<ParameterLayout> bufferLayout() {
        return buffers.isEmpty() ? Optional.empty() : Optional.of(new ParameterLayout(buffers));
    }

    /**
     * The whole state a forward pass reads and a model file stores: the trainable tensors, then the
     * buffers. Without buffers, this layout itself.
     */
    public ParameterLayout state() {
        if (buffers.isEmpty()) {
            return this;
        }
        List<Tensor> all = new ArrayList<>(tensors);
        all.addAll(buffers);
        return new ParameterLayout(all);
    }

    /** The number of values of each tensor, in order. */
    public long[] sizes() {
        return sizes.clone();
    }

    /** The total number of parameters. */
    public int size() {
        return (int) size;
    }

    /** Initial values for the flat vector, drawn in tensor order from {@code random}. */
    public float[] initialValues(SplittableRandom random) {
        float[] values = new float[(int) size];
        int offset = 0;
        for (Tensor t : tensors) {
            int n = (int) t.size();
            if (t.init() instanceof Init.Uniform u) {
                for (int i = 0; i < n; i++) {
                    values[offset + i] = (float) ((2 * random.nextDouble() - 1) * u.bound());
                }
            } else if (t.init() instanceof Init.Constant c) {
                Arrays.fill(values, offset, offset + n, (float) c.value());
            }
            offset += n;
        }
        return values;
    }

    /** Declares tensors in order. */
    public static final class Builder {
        private final List<Tensor> tensors = new ArrayList<>();
        private final List<Tensor> buffers = new ArrayList<>();

        private Builder() {
        }

        /** Adds a tensor and returns its index among the tensors a forward pass receives. */
        public int add(String name, Init init, long... shape) {
            tensors.add(new Tensor(name, shape, init));
            return tensors.size() - 1;
        }

        /**
         * Adds a non-trainable buffer and returns its index among the buffers; a forward pass finds it
         * at {@code tensors().size() + index} of its tensor list.
         */
        public int addBuffer(String name, Init init, long... shape) {
            buffers.add(new Tensor(name, shape, init));
            return buffers.size() - 1;
        }

        public ParameterLayout build() {
            if (tensors.isEmpty()) {
                throw new IllegalArgumentException("A network needs at least one parameter tensor");
            }
            return new ParameterLayout(tensors, buffers);
        }
    }
}
