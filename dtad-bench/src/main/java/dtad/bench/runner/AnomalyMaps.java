package dtad.bench.runner;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.ErrorMaps;
import dtad.image.ImageShape;
import dtad.image.PixelErrorMaps;
import java.util.Optional;

/**
 * Per-pixel anomaly maps of the detectors that have them ({@link ErrorMaps}), as {@code dtad score --maps} makes
 * them: ImageDDPM and ImageDiT (the squared reconstruction error per pixel) and DTE-NP (each pixel's squared
 * difference to the nearest training images), averaged over the channels and smoothed ({@link PixelErrorMaps}).
 * IForest, OCSVM, ImageDTE-C and the other detectors have none.
 */
final class AnomalyMaps {
    private AnomalyMaps() {
    }

    /** Whether {@code model} gives per-pixel maps. */
    static boolean available(DetectorModel model) {
        return model instanceof ErrorMaps;
    }

    /** One row of {@code height x width} map values per image of {@code images}, or empty without maps. */
    static Optional<Matrix> of(DetectorModel model, Matrix images, ImageShape shape) {
        if (!available(model)) {
            return Optional.empty();
        }
        Matrix errors = ((ErrorMaps) model).squaredErrors(images);
        return Optional.of(PixelErrorMaps.of(errors, shape, PixelErrorMaps.sigmaFor(shape)));
    }
}
