package dtad.method;

import dtad.detect.DetectorModel;
import dtad.detect.TrainingInfo;
import dtad.model.PayloadReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

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

    /**
     * The parameters to configure a stored model with: those of its manifest, plus the value of each key
     * the manifest lacks that files written before the key existed were made with (by default none).
     */
    default Map<String, String> storedParameters(Map<String, String> manifest) {
        return manifest;
    }

    /**
     * A loader for which a manifest without one of {@code absent}'s keys means that key's value there:
     * a parameter added later, whose default computes something else than older model files did.
     */
    static <D> ModelLoader<D> assuming(Map<String, String> absent, ModelLoader<D> loader) {
        Map<String, String> olderValues = Map.copyOf(absent);
        return new ModelLoader<>() {
            @Override
            public DetectorModel load(D detector, TrainingInfo info, double[] trainingScores, PayloadReader payloads)
                    throws IOException {
                return loader.load(detector, info, trainingScores, payloads);
            }

            @Override
            public Map<String, String> storedParameters(Map<String, String> manifest) {
                Map<String, String> out = new HashMap<>(olderValues);
                out.putAll(manifest);
                return out;
            }
        };
    }
}
