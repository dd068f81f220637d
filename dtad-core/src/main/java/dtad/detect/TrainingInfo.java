package dtad.detect;

import dtad.data.Standardizer;
import java.time.Instant;

/**
 * How a model was made, beyond its hyperparameters: the scaling fitted on the training rows, the
 * number of training rows, a hash of the training data and the time of the fit. Model files record
 * it so that a model can be traced back to its data.
 */
public record TrainingInfo(Standardizer scaler, int rows, String dataHash, Instant fittedAt) {
    public int features() {
        return scaler.features();
    }
}
