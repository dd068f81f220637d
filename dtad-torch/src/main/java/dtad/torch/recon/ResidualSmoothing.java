package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import dtad.image.GaussianBlur;
import dtad.image.ImageShape;
import dtad.torch.Tensors;

/**
 * The Gaussian smoothing of an image network's one-step residuals ({@code smooth}): each channel of each image's
 * signed residual {@code x0_hat - x} is blurred ({@link GaussianBlur}, mirrored borders) before it is squared.
 *
 * <p>Why: from strong noise the network cannot know an image's fine detail, so a normal image's residual is full
 * of pixel-scale error that changes with every noise draw and buries the error of the image's shape, which is
 * what tells a foreign class. Smoothing keeps the spatially coherent part. On Fashion-MNIST one-class (ImageDiT,
 * docs/benchmarks.md, "Smoothing the residual") it raised the AUC-ROC of every class measured.
 */
final class ResidualSmoothing {
    private final ImageShape shape;
    private final double sigma;

    ResidualSmoothing(ImageShape shape, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("Invalid smoothing: " + sigma + " pixels (more than 0)");
        }
        this.shape = shape;
        this.sigma = sigma;
    }

    /** {@code residuals} ({@code [n, c h w]}, each row an image) smoothed plane by plane, in their manager. */
    NDArray apply(NDArray residuals) {
        float[] values = residuals.toFloatArray();
        double[] planes = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            planes[i] = values[i];
        }
        GaussianBlur.blurPlanes(planes, shape.height(), shape.width(), sigma);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) planes[i];
        }
        return Tensors.floats(residuals.getManager(), values, residuals.getShape());
    }
}
