package dtad.method;

import dtad.detect.DetectorModel;
import dtad.detect.TrainingInfo;
import dtad.model.PayloadReader;
import java.io.IOException;

/**
 * Rebuilds a fitted model of one method from its model file: the configuration (already parsed from
 * the manifest), the training information and scores, and the method's own payloads.
 *
 * @param <D> the configuration type
 */
@FunctionalInterface
public interface ModelLoader<D> {
    DetectorModel load(D detector, TrainingInfo info, double[] trainingScores, PayloadReader payloads)
            throws IOException;
}
