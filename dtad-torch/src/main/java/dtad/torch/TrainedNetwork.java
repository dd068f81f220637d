package dtad.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dtad.data.Matrix;
import java.util.stream.IntStream;

/**
 * A trained network ready to score: its own native manager holding the parameters (no gradients),
 * and the batched evaluation every network model uses. Thread-safe: parameters are only read, and
 * each block works in its own sub-manager, so memory stays flat however many rows are scored.
 *
 * <p><b>Batch independence.</b> Matrix products on the CPU do not round alike for every number of rows
 * (with MKL, a product of 1 to 3 rows takes another kernel than a product of more rows, and the last
 * bits of a row's output change). So rows always go through the network in blocks of exactly
 * {@link #blockRows} rows (a function of the row width alone: {@value #BLOCK}, fewer for rows of more than
 * {@value #BLOCK_VALUES} / {@value #BLOCK} values, such as large images), the last block padded with zeros: a
 * row then gets the same bits whatever else is scored with it, as the detector contract requires.
 *
 * <p><b>Speed.</b> Blocks are independent, so they run in parallel on the common fork-join pool (each
 * with PyTorch's one intra-op thread); the result does not depend on the number of threads.
 *
 * <p>Closing releases the native memory; using a closed network is an {@link IllegalStateException}.
 */
public final class TrainedNetwork implements AutoCloseable {
    /** Rows per block: big enough for fast matrix products, small enough to pad a few rows cheaply. */
    public static final int BLOCK = 256;
    /**
     * The most values a block holds: a network's activations grow with it (a U-Net keeps dozens of feature maps of
     * the block's pixels), so blocks of wide rows get fewer rows, and memory stays bounded at any image size
     * (224 x 224 RGB images: blocks of 8).
     */
    static final int BLOCK_VALUES = 1 << 21;
    /** The fewest rows a block has, however wide the rows: below 4, matrix products take other kernels. */
    static final int MIN_BLOCK = 4;

    private final NDManager manager;
    private final Network network;
    private final ParameterVector parameters;
    private final NDList weights;

    /** Takes ownership of {@code manager}, which holds {@code parameters}. */
    TrainedNetwork(NDManager manager, Network network, ParameterVector parameters) {
        this.manager = manager;
        this.network = network;
        this.parameters = parameters;
        this.weights = parameters.tensors();
    }

    /** A network with parameters read from a model file payload, in a new manager. */
    public static TrainedNetwork load(Network network, byte[] parameterBytes) {
        NDManager manager = TorchEngine.newManager();
        try {
            return new TrainedNetwork(manager, network, ParameterVector.fromBytes(manager, network.layout().state(),
                    parameterBytes));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** What a model computes from the network for a batch of rows: {@code [rows]} or {@code [rows, k]}. */
    @FunctionalInterface
    public interface Head {
        NDArray apply(Network network, NDList weights, NDArray rows);
    }

    /** One value per row: {@code head} must give {@code [rows]} or {@code [rows, 1]}. */
    public double[] evaluate(Matrix rows, Head head) {
        return evaluate(rows, 1, head).values();
    }

    /** {@code width} values per row: {@code head} gives {@code [rows, width]} (or {@code [rows]} if 1). */
    public Matrix evaluate(Matrix rows, int width, Head head) {
        requireOpen();
        double[] out = new double[Math.multiplyExact(rows.rows(), width)];
        int size = blockRows(rows.columns());
        int blocks = (rows.rows() + size - 1) / size;
        IntStream.range(0, blocks).parallel().forEach(b -> evaluateBlock(rows, b * size, size, width, head, out));
        return Matrix.wrap(rows.rows(), width, out);
    }

    /**
     * The rows of every block for rows of {@code features} values: {@value #BLOCK}, halved while a block would
     * hold more than {@value #BLOCK_VALUES} values, but at least {@value #MIN_BLOCK}.
     */
    public static int blockRows(int features) {
        int rows = BLOCK;
        while (rows > MIN_BLOCK && (long) rows * features > BLOCK_VALUES) {
            rows /= 2;
        }
        return rows;
    }

    private void evaluateBlock(Matrix rows, int from, int size, int width, Head head, double[] out) {
        int to = Math.min(rows.rows(), from + size);
        int d = rows.columns();
        float[] block = new float[size * d];
        double[] values = rows.values();
        for (int i = from * d, j = 0; i < to * d; i++, j++) {
            block[j] = (float) values[i];
        }
        try (NDManager manager = this.manager.newSubManager()) {
            NDArray y = head.apply(network, weights, Tensors.floats(manager, block, new Shape(size, d)));
            if (y.size() != (long) size * width) {
                throw new IllegalStateException("The network head gave shape " + y.getShape() + " for "
                        + size + " rows of width " + width);
            }
            float[] result = y.toFloatArray();
            for (int i = 0, n = (to - from) * width; i < n; i++) {
                out[from * width + i] = result[i];
            }
        }
    }

    /**
     * The gradient of {@code head}'s value at each of the {@value #BLOCK} points of {@code block}
     * ({@code BLOCK x columns} values, row-major) with respect to that point: {@code BLOCK x columns} values.
     * The head must give one value per point that depends on that point only (no batch statistics), so
     * that the gradient of the sum is each point's own gradient. Thread-safe, like {@link #evaluate}.
     *
     * <p>Autograd runs without DJL's gradient collector, which is global to the JVM (and held by every
     * fit, {@link TorchEngine#exclusively}): libtorch's grad mode is per thread, so this thread switches
     * it on for the block and back to what it was afterwards; the parameters record no gradient, so the
     * graph reaches only the points, and everything it makes lives in the block's sub-manager.
     */
    public float[] gradientOfBlock(float[] block, int columns, Head head) {
        requireOpen();
        boolean gradMode = JniUtils.isGradMode();
        try (NDManager local = this.manager.newSubManager()) {
            JniUtils.setGradMode(true);
            NDArray points = Tensors.floats(local, block, new Shape(BLOCK, columns));
            points.setRequiresGradient(true);
            NDArray y = Tensors.withInputGradients(() -> head.apply(network, weights, points));
            if (y.size() != BLOCK) {
                throw new IllegalStateException("The network head gave shape " + y.getShape() + " for "
                        + BLOCK + " points, not one value per point");
            }
            NDArray total = y.sum();
            JniUtils.backward((PtNDArray) total, (PtNDArray) local.ones(total.getShape()), false, false);
            return points.getGradient().toFloatArray();
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    public Network network() {
        return network;
    }

    /** The parameters as model file bytes (see {@link ParameterVector#toBytes}). */
    public byte[] parameterBytes() {
        requireOpen();
        return parameters.toBytes();
    }

    /** The number of native arrays this network holds (for leak checks). */
    public int nativeArrays() {
        return manager.getManagedArrays().size();
    }

    private void requireOpen() {
        if (!manager.isOpen()) {
            throw new IllegalStateException("The model is closed");
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
