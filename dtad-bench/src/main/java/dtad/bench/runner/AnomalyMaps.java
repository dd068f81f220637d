package dtad.bench.runner;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.image.ImageShape;
import dtad.image.PixelErrorMaps;
import dtad.torch.image.ImageDetector;
import dtad.torch.recon.ReconstructionModel;
import java.util.Optional;

/**
 * Per-pixel anomaly maps of the detectors that have them, as {@code dtad score --maps} makes them: ImageDDPM and
 * ImageDiT (a reconstruction network on images), whose map is the squared reconstruction error per pixel after
 * the reverse chain, averaged over the channels and smoothed ({@link PixelErrorMaps}). Detectors on flattened
 * pixels (IForest, OCSVM, ...) and ImageDTE-C, whose score is one diffusion time per image, have none.
 */
final class AnomalyMaps {
    private AnomalyMaps() {
    }

    /** Whether {@code model} gives per-pixel maps. */
    static boolean available(DetectorModel model) {
        return model instanceof ReconstructionModel && model.detector() instanceof ImageDetector;
    }

    /** One row of {@code height x width} map values per image of {@code images}, or empty without maps. */
    static Optional<Matrix> of(DetectorModel model, Matrix images, ImageShape shape) {
        if (!available(model)) {
            return Optional.empty();
        }
        Matrix errors = ((ReconstructionModel) model).squaredErrors(images);
        return Optional.of(PixelErrorMaps.of(errors, shape, PixelErrorMaps.sigmaFor(shape)));
    }
}
