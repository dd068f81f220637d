package dtad.image;

/**
 * How a 4-D image array ({@code .npy} or {@code .npz}) orders its axes. 3-D arrays are always
 * {@code (n, height, width)} with one channel.
 */
public enum ArrayLayout {
    /**
     * Told from the shape: {@code (n, h, w, c)} when only the last axis is 1 or 3, {@code (n, c, h, w)} when
     * only the second is; a shape where both or neither are (e.g. {@code (n, 3, 8, 3)}) is refused with a
     * message asking for {@link #NHWC} or {@link #NCHW}.
     */
    AUTO,
    /** {@code (n, height, width, channels)}, numpy's and PIL's usual order. */
    NHWC,
    /** {@code (n, channels, height, width)}, PyTorch's order. */
    NCHW
}
