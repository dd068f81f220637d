package dtad.torch.dte;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dtad.data.Matrix;
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
 * DTE-C, the categorical Diffusion Time Estimator (Livernoche et al., ICLR 2024): rows are noised
 * with variance-only diffusion ({@code x_t = x_0 + sqrt(sigma2_t) eps}, {@code t} uniform in
 * {@code 0..T-1}) and an MLP learns to classify the noised row into one of {@code bins} equal bins of
 * the diffusion time, {@code bin(t) = clamp(floor(t * bins / T), 0, bins - 1)}. The score of a row is
 * the expected bin under the network's softmax, {@code sum_k k p_k} (in {@code [0, bins - 1]}): a row
 * far from the training data looks like one diffused for a long time. Higher = more anomalous.
 *
 * <p>Defaults: the reference's ({@code diffusion/dte.py}, {@code DTECategorical}: T = 400, 7 bins, MLP
 * 256-512-256 with dropout 0.5, 400 epochs of batch 64, Adam lr 1e-4 with L2 weight decay 5e-4), except
 * the loss: ordinary cross-entropy ({@link Loss#STANDARD}), which scored higher than the reference's
 * double softmax on the semi-supervised ADBench sets (docs/fidelity.md); {@code loss=reference}
 * restores the published model.
 *
 * @param steps    diffusion steps T
 * @param bins     number of time bins (classes), 2..T
 * @param loss     which cross-entropy to train with, see {@link Loss}
 * @param hidden   MLP hidden layer widths
 * @param dropout  dropout probability after each hidden layer but the first
 * @param training epochs, batch, learning rate, weight decay and seed
 */
public record CategoricalDTE(int steps, int bins, Loss loss, List<Integer> hidden, double dropout,
                             TrainingSettings training) implements TimeBinClassifier {

    /** The training loss. */
    public enum Loss {
        /**
         * As the reference: the network ends in a softmax and PyTorch's {@code CrossEntropyLoss} (which
         * applies log-softmax itself) is taken of those probabilities, so the softmax is applied twice.
         * This is what the published figures were made with.
         */
        REFERENCE {
            @Override
            NDArray apply(NDArray logits, NDArray bins) {
                return crossEntropy(logits.softmax(1), bins);
            }
        },
        /** Ordinary cross-entropy on the logits (the default). */
        STANDARD {
            @Override
            NDArray apply(NDArray logits, NDArray bins) {
                return crossEntropy(logits, bins);
            }
        };

        /**
         * The mean loss of a batch.
         *
         * @param logits the network's output, {@code [rows, bins]}
         * @param bins   the target bin of each row, {@code [rows, 1]} int64
         */
        abstract NDArray apply(NDArray logits, NDArray bins);

        /** {@code mean_i -log_softmax(scores_i)[target_i]}, as {@code torch.nn.CrossEntropyLoss}. */
        static NDArray crossEntropy(NDArray scores, NDArray targets) {
            return scores.logSoftmax(1).gather(targets, 1).mean().neg();
        }
    }

    /** {@code steps}: the reference's T. */
    public static final Parameter<CategoricalDTE, Integer> STEPS = DteParameters.STEPS.bind(
            DiffusionTimeEstimation.STEPS, CategoricalDTE::steps);
    /** {@code bins}: the reference's 7 bins. */
    public static final Parameter<CategoricalDTE, Integer> BINS = DteParameters.BINS.bind(7, CategoricalDTE::bins);
    /** {@code loss}: dtad's default, the ordinary cross-entropy. */
    public static final Parameter<CategoricalDTE, Loss> LOSS = DteParameters.LOSS.bind(Loss.STANDARD,
            CategoricalDTE::loss);

    public static final Method<CategoricalDTE> METHOD = new Method<>("DTE-C", Family.DIFFUSION_TIME,
            "Diffusion time estimation with a classifier of binned diffusion times (score: expected bin)",
            DiffusionTimeEstimation.REFERENCE, DiffusionTimeEstimation.addTraining(NetworkParameters.addMlp(
                    ParameterTable.<CategoricalDTE>builder().add(STEPS).add(BINS).add(LOSS),
                    DiffusionTimeEstimation.HIDDEN, DiffusionTimeEstimation.DROPOUT, CategoricalDTE::hidden,
                    CategoricalDTE::dropout), DiffusionTimeEstimation.TRAINING, CategoricalDTE::training)
                    .build(v -> new CategoricalDTE(v.get(STEPS), v.get(BINS), v.get(LOSS),
                            v.get(NetworkParameters.HIDDEN), v.get(NetworkParameters.DROPOUT),
                            DiffusionTimeEstimation.training(v))),
            CategoricalDTEModel::load);

    public CategoricalDTE {
        STEPS.require(steps);
        BINS.require(bins, STEPS.is(steps));
        LOSS.require(loss);
        hidden = NetworkParameters.requireMlp(hidden, dropout, training);
    }

    /** The default configuration. */
    public static CategoricalDTE defaults() {
        return METHOD.defaults();
    }

    /** Settings by name, from the defaults: {@code CategoricalDTE.builder().set(BINS, 5).build()}. */
    public static ParameterTable.Settings<CategoricalDTE> builder() {
        return METHOD.parameters().settings();
    }

    /** Settings by name, from this configuration. */
    public ParameterTable.Settings<CategoricalDTE> toBuilder() {
        return METHOD.parameters().settings(this);
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    /** The network for {@code features} inputs: one output (logit) per bin. */
    @Override
    public Mlp network(int features) {
        return new Mlp(features, hidden, bins, dropout);
    }

    /** The bin of each diffusion time: {@code clamp(floor(t * bins / T), 0, bins - 1)}. */
    public long[] binOfTime() {
        return binOfTime(steps, bins);
    }

    static long[] binOfTime(int steps, int bins) {
        long[] out = new long[steps];
        for (int t = 0; t < steps; t++) {
            out[t] = Math.min(bins - 1, Math.max(0, (long) t * bins / steps));
        }
        return out;
    }

    @Override
    public CategoricalDTEModel fit(Matrix train, Progress progress) {
        return DiffusionTimeEstimation.fit(train, progress, training, this::network, objective(steps, bins, loss),
                (data, network) -> CategoricalDTEModel.fitted(this, data, network));
    }

    /**
     * DTE-C's objective: variance-only noising to a uniform time, and the cross-entropy of the
     * classifier's logits against the time's bin (any network with one logit per bin).
     */
    static Objective.Factory objective(int steps, int bins, Loss loss) {
        VarianceNoising noising = new VarianceNoising(NoiseSchedule.linear(steps));
        long[] binOf = binOfTime(steps, bins);
        return fitManager -> (network, weights, batch, random) -> {
            VarianceNoising.Noised noised = noising.noise(batch, random);
            int[] times = noised.times();
            long[] targets = new long[times.length];
            for (int i = 0; i < times.length; i++) {
                targets[i] = binOf[times[i]];
            }
            NDArray logits = network.forwardTraining(weights, noised.rows(), random);
            return loss.apply(logits, random.longs(new Shape(times.length, 1), targets));
        };
    }
}
