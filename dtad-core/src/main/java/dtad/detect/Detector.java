package dtad.detect;

import dtad.data.Matrix;

/**
 * A detector's immutable configuration: its hyperparameters (and seed, where it draws random
 * numbers). {@link #fit} learns from training rows and returns an immutable fitted model; the
 * configuration itself never changes, so one configuration can fit many models, also at once.
 *
 * <p>Implementations are records whose compact constructor validates every hyperparameter and
 * names the bad value.
 *
 * @param <M> the fitted model type
 */
public interface Detector<M extends DetectorModel> {

    /** The method's registry name, as published (e.g. {@code "IForest"}, {@code "DTE-C"}). */
    String method();

    /**
     * Fits a model on raw training rows. The rows are standard-scaled inside (see {@link TrainingData}),
     * so callers pass data as it is; NaN cells are allowed (they become the training mean).
     */
    default M fit(Matrix train) {
        return fit(train, Progress.SILENT);
    }

    /** Fits a model and reports progress of long fits (epochs) to {@code progress}. */
    M fit(Matrix train, Progress progress);
}
