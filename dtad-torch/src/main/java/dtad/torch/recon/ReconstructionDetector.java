package dtad.torch.recon;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.Progress;
import dtad.detect.TrainingData;
import dtad.torch.Objective;
import dtad.torch.StoppingRule;
import dtad.torch.TrainedNetwork;
import dtad.torch.TrainingLoop;
import dtad.torch.TrainingSettings;

/**
 * What DDPM and DiT share: the fit (scale, train the denoiser on {@link NoisePrediction} with the
 * shared {@link TrainingLoop}, optionally with the reference's early stop) and the scoring by
 * {@link ReverseChain}. Each supplies only its denoiser.
 */
public sealed interface ReconstructionDetector extends Detector<ReconstructionModel>
        permits DDPM, DiT, ImageDDPM, ImageDiT {

    /** The diffusion and the scoring chain. */
    ReconstructionSettings reconstruction();

    /** Epochs, batch, optimizer, seed and drop-last of the fit. */
    TrainingSettings training();

    /** Whether the reference's early stop ends the fit ({@link ReferenceStopping}). */
    boolean earlyStop();

    /** The noise-prediction network for rows of {@code features} values. */
    Denoiser denoiser(int features);

    /** What the fit of {@code denoiser} minimises: {@link NoisePrediction} on the training rows. */
    default Objective.Factory objective(Denoiser denoiser) {
        return NoisePrediction.of(reconstruction()).objective(denoiser);
    }

    /** The training rows validated and scaled (per column; image detectors scale per channel). */
    default TrainingData trainingData(Matrix train) {
        return TrainingData.of(train);
    }

    /**
     * This configuration for rows of {@code features} values, as the fitted model keeps it (image
     * detectors fix an inferred image shape here, so that the model file records it).
     */
    default ReconstructionDetector forFeatures(int features) {
        return this;
    }

    @Override
    default ReconstructionModel fit(Matrix train, Progress progress) {
        TrainingData data = trainingData(train);
        ReconstructionDetector detector = forFeatures(data.standardized().columns());
        Denoiser denoiser = detector.denoiser(data.standardized().columns());
        TrainedNetwork trained = TrainingLoop.train(denoiser, detector.objective(denoiser), data.standardized(),
                training(), earlyStop() ? new ReferenceStopping() : StoppingRule.NEVER, progress);
        try {
            return ReconstructionModel.fitted(detector, data, trained);
        } catch (RuntimeException | Error e) {
            trained.close();
            throw e;
        }
    }
}
