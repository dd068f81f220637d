package dtad.torch.dte;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.Progress;
import dtad.diffusion.NoiseSchedule;
import dtad.method.Family;
import dtad.method.Method;
import dtad.method.Parameter;
import dtad.method.ParameterTable;
import dtad.torch.Mlp;
import dtad.torch.NetworkParameters;
import dtad.torch.Objective;
import dtad.torch.TrainingSettings;
import java.util.List;

/**
 * DTE-G, the Gaussian Diffusion Time Estimator (Livernoche et al., ICLR 2024): rows are noised as for
 * {@link CategoricalDTE} and an MLP with one output regresses the diffusion time {@code t} itself by
 * mean squared error. As in the reference ({@code DTEGaussian} in {@code diffusion/dte.py}) the target
 * is the raw step {@code t} in {@code 0..T-1}, not rescaled, so the score is the predicted diffusion
 * step. Higher = more anomalous.
 *
 * <p>Reference defaults: T = 400, MLP 256-512-256 with dropout 0.5, 400 epochs of batch 64, Adam lr
 * 1e-4 with L2 weight decay 5e-4.
 *
 * @param steps    diffusion steps T
 * @param hidden   MLP hidden layer widths
 * @param dropout  dropout probability after each hidden layer but the first
 * @param training epochs, batch, learning rate, weight decay and seed
 */
public record GaussianDTE(int steps, List<Integer> hidden, double dropout, TrainingSettings training)
        implements Detector<GaussianDTEModel> {

    /** {@code steps}: the reference's T. */
    public static final Parameter<GaussianDTE, Integer> STEPS = DteParameters.STEPS.bind(
            DiffusionTimeEstimation.STEPS, GaussianDTE::steps);

    public static final Method<GaussianDTE> METHOD = new Method<>("DTE-G", Family.DIFFUSION_TIME,
            "Diffusion time estimation by regression of the diffusion step (score: predicted step)",
            DiffusionTimeEstimation.REFERENCE, DiffusionTimeEstimation.addTraining(NetworkParameters.addMlp(
                    ParameterTable.<GaussianDTE>builder().add(STEPS),
                    DiffusionTimeEstimation.HIDDEN, DiffusionTimeEstimation.DROPOUT, GaussianDTE::hidden,
                    GaussianDTE::dropout), DiffusionTimeEstimation.TRAINING, GaussianDTE::training)
                    .build(v -> new GaussianDTE(v.get(STEPS), v.get(NetworkParameters.HIDDEN),
                            v.get(NetworkParameters.DROPOUT), DiffusionTimeEstimation.training(v))),
            GaussianDTEModel::load);

    public GaussianDTE {
        STEPS.require(steps);
        hidden = NetworkParameters.requireMlp(hidden, dropout, training);
    }

    /** The reference configuration. */
    public static GaussianDTE defaults() {
        return METHOD.defaults();
    }

    /** Settings by name, from the defaults: {@code GaussianDTE.builder().set(NetworkParameters.EPOCHS, 30).build()}. */
    public static ParameterTable.Settings<GaussianDTE> builder() {
        return METHOD.parameters().settings();
    }

    /** Settings by name, from this configuration. */
    public ParameterTable.Settings<GaussianDTE> toBuilder() {
        return METHOD.parameters().settings(this);
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    /** The network for {@code features} inputs, with one output (the predicted step). */
    public Mlp network(int features) {
        return new Mlp(features, hidden, 1, dropout);
    }

    @Override
    public GaussianDTEModel fit(Matrix train, Progress progress) {
        return DiffusionTimeEstimation.fit(train, progress, training, this::network, objective(),
                (data, network) -> GaussianDTEModel.fitted(this, data, network));
    }

    /** {@code mean((prediction - target)^2)}, as {@code torch.nn.MSELoss}; both {@code [rows, 1]}. */
    static NDArray meanSquaredError(NDArray prediction, NDArray target) {
        return prediction.sub(target).square().mean();
    }

    private Objective.Factory objective() {
        VarianceNoising noising = new VarianceNoising(NoiseSchedule.linear(steps));
        return fitManager -> (network, weights, batch, random) -> {
            VarianceNoising.Noised noised = noising.noise(batch, random);
            int[] times = noised.times();
            NDArray prediction = network.forwardTraining(weights, noised.rows(), random);
            return meanSquaredError(prediction, random.floats(new Shape(times.length, 1), (values, n) -> {
                for (int i = 0; i < n; i++) {
                    values[i] = times[i];
                }
            }));
        };
    }
}
