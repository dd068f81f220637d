package dtad.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dtad.data.Matrix;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * Java values into new tensors, each copied once straight into the tensor's native memory (DJL's own
 * {@code create(float[])} copies twice, through a temporary direct buffer).
 *
 * <p><b>Scalars in training.</b> Multiply or divide a tensor that needs a gradient by
 * {@link #scalar}, never by a Java number: DJL's {@code mul(Number)} wraps the number in a tensor on a
 * Java direct buffer and closes it right after the product, but autograd keeps that tensor for the
 * backward pass, which then reads memory the garbage collector may already have freed. (Seen as seeded
 * DiT fits that differed between JVMs, and never with a collector that frees nothing.)
 */
public final class Tensors {
    /** Values converted at a time by {@link #rows}. */
    private static final int ROWS_CHUNK = 1 << 16;

    private Tensors() {
    }

    /** A float32 tensor of {@code shape} in {@code manager} holding {@code values}. */
    public static NDArray floats(NDManager manager, float[] values, Shape shape) {
        NDArray array = manager.create(shape, DataType.FLOAT32);
        FloatBuffer target = array.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
        if (target.remaining() != values.length) {
            array.close();
            throw new IllegalArgumentException(values.length + " values for shape " + shape);
        }
        target.put(values);
        return array;
    }

    /** Set on a thread while it computes gradients with respect to a network's input (see {@link #withInputGradients}). */
    private static final ThreadLocal<Boolean> INPUT_GRADIENTS = ThreadLocal.withInitial(() -> false);

    /**
     * Runs {@code pass} as a pass that needs gradients with respect to its input although the weights record
     * none (explanations): {@link #recordsGradient} answers true on this thread meanwhile, so the layers take
     * their training path (no in-place updates autograd would need, the padded convolution whose input
     * gradient is right).
     */
    public static <T> T withInputGradients(java.util.function.Supplier<T> pass) {
        boolean before = INPUT_GRADIENTS.get();
        INPUT_GRADIENTS.set(true);
        try {
            return pass.get();
        } finally {
            INPUT_GRADIENTS.set(before);
        }
    }

    /**
     * Whether one of these tensors needs a gradient: the weights of a network being trained (leaves marked by
     * {@link ParameterVector#recordGradients}), or an input that asks for its own. Layers ask it of their
     * weights to tell a training pass, whose temporaries autograd keeps for the backward pass, from a
     * scoring pass, which may update its own temporaries in place and skip what only the backward pass needs.
     * (Tensors computed from them do not answer reliably: libtorch reports {@code requires_grad} false for
     * results through DJL, and grad mode is off only on the thread that loaded the engine.)
     */
    public static boolean recordsGradient(NDArray... arrays) {
        if (INPUT_GRADIENTS.get()) {
            return true;
        }
        for (NDArray array : arrays) {
            if (JniUtils.requiresGrad((PtNDArray) array)) {
                return true;
            }
        }
        return false;
    }

    /** A float32 scalar tensor in {@code manager}, its memory owned by libtorch. */
    public static NDArray scalar(NDManager manager, float value) {
        return floats(manager, new float[] {value}, new Shape());
    }

    /** An int64 tensor of {@code shape} in {@code manager} holding {@code values}. */
    public static NDArray longs(NDManager manager, long[] values, Shape shape) {
        NDArray array = manager.create(shape, DataType.INT64);
        LongBuffer target = array.toByteBuffer(true).order(ByteOrder.nativeOrder()).asLongBuffer();
        if (target.remaining() != values.length) {
            array.close();
            throw new IllegalArgumentException(values.length + " values for shape " + shape);
        }
        target.put(values);
        return array;
    }

    /**
     * Rows as one float32 tensor {@code [rows, columns]}, converted chunk by chunk straight into the tensor's
     * memory: no float copy of the whole matrix on the Java heap (300 MB for 500 RGB images of 224 x 224).
     */
    public static NDArray rows(NDManager manager, Matrix rows) {
        double[] values = rows.values();
        NDArray array = manager.create(new Shape(rows.rows(), rows.columns()), DataType.FLOAT32);
        FloatBuffer target = array.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
        float[] chunk = new float[Math.min(values.length, ROWS_CHUNK)];
        for (int from = 0; from < values.length; from += chunk.length) {
            int n = Math.min(chunk.length, values.length - from);
            for (int i = 0; i < n; i++) {
                chunk[i] = (float) values[from + i];
            }
            target.put(chunk, 0, n);
        }
        return array;
    }
}
