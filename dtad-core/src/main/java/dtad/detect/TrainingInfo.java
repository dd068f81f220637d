package dtad.detect;

import dtad.data.Standardizer;
import java.time.Instant;
import java.util.List;

/**
 * How a model was made, beyond its hyperparameters: the scaling fitted on the training rows, the
 * number of training rows, a hash of the training data, the time of the fit and the names of the
 * features (or {@code null} when the training data had none, e.g. NPY arrays or model files written
 * before names were recorded). Model files record it so that a model can be traced back to its data.
 */
public record TrainingInfo(Standardizer scaler, int rows, String dataHash, Instant fittedAt, List<String> featureNames) {
    public TrainingInfo {
        if (featureNames != null) {
            featureNames = List.copyOf(featureNames);
            if (featureNames.size() != scaler.features()) {
                throw new IllegalArgumentException(featureNames.size() + " feature names for " + scaler.features()
                        + " features");
            }
        }
    }

    /** Training information without feature names. */
    public TrainingInfo(Standardizer scaler, int rows, String dataHash, Instant fittedAt) {
        this(scaler, rows, dataHash, fittedAt, null);
    }

    public int features() {
        return scaler.features();
    }

    /** The same information with the given feature names ({@code null}: unnamed). */
    public TrainingInfo withFeatureNames(List<String> names) {
        return new TrainingInfo(scaler, rows, dataHash, fittedAt, names);
    }
}
