package dtad.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * A network's parameters laid out by a {@link ParameterLayout}: one flat float32 vector in a direct
 * buffer owned by this object, and one shaped tensor per layout entry that <em>aliases</em> its slice
 * of the buffer (no copy). Writing the vector ({@link #write}) therefore updates every tensor at once,
 * with one memory copy and no native call, which is how the optimizer applies a step; and each tensor
 * is an ordinary autograd leaf, so back-propagation writes its gradient straight into that tensor's
 * gradient with no gather or split in between.
 *
 * <p>The tensors belong to the manager given at creation; the buffer lives as long as this object
 * (the tensors keep it reachable too). Read-only use is thread-safe; training (gradients, writes) is
 * single-threaded.
 */
public final class ParameterVector {
    private final ParameterLayout layout;
    private final ByteBuffer storage;
    private final NDList tensors;
    /** Views of the gradients' native memory, once training has produced them (see {@link #takeGradient}). */
    private FloatBuffer[] gradients;

    private ParameterVector(ParameterLayout layout, ByteBuffer storage, NDList tensors) {
        this.layout = layout;
        this.storage = storage;
        this.tensors = tensors;
    }

    /** A vector holding a copy of {@code values}, its tensors in {@code manager}. */
    public static ParameterVector of(NDManager manager, ParameterLayout layout, float[] values) {
        if (values.length != layout.size()) {
            throw new IllegalArgumentException("The network has " + layout.size() + " parameters, got "
                    + values.length + " values");
        }
        // 64-byte aligned, as libtorch's own allocations, so that MKL's matrix products cannot take
        // alignment-dependent paths from one fit to the next. (DiT fits that did not repeat were later
        // traced to scalar factors on freed Java memory, see Tensors#scalar, not to this.)
        // (alignedSlice also rounds the end down to a multiple of 64, hence the rounding up.)
        ByteBuffer storage = ByteBuffer.allocateDirect((4 * values.length + 63) / 64 * 64 + 64).alignedSlice(64)
                .order(ByteOrder.nativeOrder());
        storage.asFloatBuffer().put(values);
        List<ParameterLayout.Tensor> entries = layout.tensors();
        NDList tensors = new NDList(entries.size());
        int offset = 0;
        for (ParameterLayout.Tensor entry : entries) {
            int bytes = 4 * (int) entry.size();
            ByteBuffer slice = storage.slice(offset, bytes).order(ByteOrder.nativeOrder());
            tensors.add(manager.create(slice, new Shape(entry.shape()), DataType.FLOAT32));
            offset += bytes;
        }
        return new ParameterVector(layout, storage, tensors);
    }

    /** Reads what {@link #toBytes} wrote (or a format-1 payload); see {@link ParameterFile}. */
    static ParameterVector fromBytes(NDManager manager, ParameterLayout layout, byte[] bytes) {
        return of(manager, layout, ParameterFile.read(layout, bytes));
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The shaped tensors, one per layout entry, in layout order (what a forward pass reads). */
    public NDList tensors() {
        return tensors;
    }

    /** Makes every tensor an autograd leaf that collects its gradient. */
    public void recordGradients() {
        for (NDArray tensor : tensors) {
            tensor.setRequiresGradient(true);
        }
    }

    /**
     * Copies the accumulated gradient of every tensor into {@code into} (flat, in layout order) and
     * zeroes it for the next step. Every tensor must have received a gradient.
     *
     * <p>The gradient tensors are looked up once, at the first call, and their memory is read directly
     * afterwards: once a leaf has a gradient, PyTorch's backward pass adds into that same tensor (outside
     * gradient mode it never replaces it), and zeroing is in place too. The handles live, like the
     * parameter tensors, in the manager the vector was made in.
     */
    public void takeGradient(float[] into) {
        if (into.length != layout.size()) {
            throw new IllegalArgumentException("Gradient array of " + into.length + " for " + layout.size()
                    + " parameters");
        }
        if (gradients == null) {
            gradients = new FloatBuffer[tensors.size()];
            for (int i = 0; i < gradients.length; i++) {
                NDArray gradient = tensors.get(i).getGradient();
                gradients[i] = gradient.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
            }
        }
        int offset = 0;
        for (int i = 0; i < gradients.length; i++) {
            int n = gradients[i].capacity();
            gradients[i].get(0, into, offset, n);
            JniUtils.zeroGrad((PtNDArray) tensors.get(i));
            offset += n;
        }
    }

    /** Overwrites the whole vector (every tensor sees the new values). */
    public void write(float[] values) {
        if (values.length != layout.size()) {
            throw new IllegalArgumentException(values.length + " values for " + layout.size() + " parameters");
        }
        storage.asFloatBuffer().put(0, values);
    }

    /** A copy of the values. */
    public float[] values() {
        float[] values = new float[layout.size()];
        storage.asFloatBuffer().get(0, values);
        return values;
    }

    /** The model file payload: a header naming each tensor and its shape, then the values (see {@link ParameterFile}). */
    public byte[] toBytes() {
        return ParameterFile.write(layout, values());
    }
}
