package dtad.torch.dte;

import dtad.data.Matrix;
import dtad.detect.Progress;
import dtad.detect.TrainingData;
import dtad.method.ParameterTable;
import dtad.method.ParameterValues;
import dtad.torch.Mlp;
import dtad.torch.NetworkParameters;
import dtad.torch.Objective;
import dtad.torch.StoppingRule;
import dtad.torch.TrainedNetwork;
import dtad.torch.TrainingLoop;
import dtad.torch.TrainingSettings;
import java.util.List;
import java.util.function.Function;

/**
 * What the DTE networks share: the reference, the reference defaults (their keys are declared in
 * {@link DteParameters} and {@link NetworkParameters}), the training keys and the fit itself (scale, train the MLP,
 * hand it to the model).
 */
final class DiffusionTimeEstimation {
    static final String REFERENCE = "Livernoche, Jain, Hezaveh, Ravanbakhsh. On Diffusion Modeling for Anomaly "
            + "Detection. ICLR 2024. arXiv:2305.18593";
    /** The reference's diffusion steps T. */
    static final int STEPS = 400;
    /** The reference's hidden layer widths. */
    static final List<Integer> HIDDEN = List.of(256, 512, 256);
    /** The reference's dropout probability. */
    static final double DROPOUT = 0.5;
    /** The reference's training: 400 epochs, batch 64, Adam lr 1e-4, weight decay 5e-4. */
    static final TrainingSettings TRAINING = new TrainingSettings(400, 64, 1e-4, 5e-4, 0);

    private DiffusionTimeEstimation() {
    }

    /** Declares the training parameters with the {@code defaults}, and {@code ema} (0: the reference's weights). */
    static <D> ParameterTable.Builder<D> addTraining(ParameterTable.Builder<D> builder, TrainingSettings defaults,
                                                     Function<D, TrainingSettings> of) {
        return NetworkParameters.addEma(NetworkParameters.addTraining(builder, defaults, of), defaults, of);
    }

    /** The training settings declared by {@link #addTraining}. */
    static TrainingSettings training(ParameterValues values) {
        return NetworkParameters.training(values).withEma(values.get(NetworkParameters.EMA));
    }

    /** A fitted model made from the scaled training data and the trained network. */
    @FunctionalInterface
    interface ModelMaker<M> {
        M make(TrainingData data, TrainedNetwork network);
    }

    /**
     * Scales the rows, trains the network and makes the model; the network's native memory is
     * released if anything fails before the model owns it.
     */
    static <M> M fit(Matrix train, Progress progress, TrainingSettings training, Mlp.Factory network,
                     Objective.Factory objective, ModelMaker<M> model) {
        TrainingData data = TrainingData.of(train);
        Mlp mlp = network.create(data.standardized().columns());
        TrainedNetwork trained = TrainingLoop.train(mlp, objective, data.standardized(), training,
                StoppingRule.NEVER, progress);
        try {
            return model.make(data, trained);
        } catch (RuntimeException | Error e) {
            trained.close();
            throw e;
        }
    }
}
