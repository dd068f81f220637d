package dtad.torch;

import dtad.method.Constraint;
import dtad.method.ParameterKey;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.method.ParameterValues;
import dtad.method.StandardParameters;
import java.util.List;
import java.util.function.Function;

/**
 * The parameter keys network detectors share, declared once so that every such method spells and checks
 * them alike: {@code hidden}, {@code dropout} (for MLPs) and {@code epochs}, {@code batch}, {@code lr},
 * {@code weight_decay}, {@code seed} (for the training loop; {@code epochs} and {@code seed} are the
 * {@link StandardParameters} keys, so the benchmark, {@code --quick}, Spark and model files find them).
 * Each method binds them to its own defaults, kept in its {@link TrainingSettings} constant.
 */
public final class NetworkParameters {
    /** Passes over the training rows (the standard key). */
    public static final ParameterKey<Integer> EPOCHS = StandardParameters.EPOCHS;
    /** Rows per training step. */
    public static final ParameterKey<Integer> BATCH = ParameterKey.of("batch", ParameterType.INTEGER,
            Constraint.atLeast(1), "rows per training step");
    /** Adam's learning rate. */
    public static final ParameterKey<Double> LR = ParameterKey.of("lr", ParameterType.REAL, Constraint.positive(),
            "Adam learning rate");
    /** L2 weight decay. */
    public static final ParameterKey<Double> WEIGHT_DECAY = ParameterKey.of("weight_decay", ParameterType.REAL,
            Constraint.atLeast(0.0), "L2 weight decay added to the gradient (as torch.optim.Adam)");
    /** The seed of every random draw of a fit (the standard key). */
    public static final ParameterKey<Long> SEED = StandardParameters.SEED;
    /** Whether each epoch drops its last partial batch (declared by the methods that let it be chosen). */
    public static final ParameterKey<Boolean> DROP_LAST = ParameterKey.of("drop_last", ParameterType.BOOLEAN,
            Constraint.none(), "drop each epoch's last partial batch (as the reference)");
    /**
     * The decay of the exponential moving average of the weights that a fit returns ({@link WeightAverage}), 0 for
     * the last weights (declared by the methods that let it be chosen).
     */
    public static final ParameterKey<Double> EMA = ParameterKey.of("ema", ParameterType.REAL,
            Constraint.closedOpen(0, 1), "decay of the moving average of the weights that the fit keeps "
                    + "(per step, as DiT's EMA); 0: the last weights");
    /** The hidden layer widths of an MLP. */
    public static final ParameterKey<List<Integer>> HIDDEN = ParameterKey.of("hidden",
            ParameterType.POSITIVE_INTEGERS, Constraint.each(Constraint.atLeast(1)),
            "hidden layer widths of the MLP, comma-separated");
    /** An MLP's dropout probability. */
    public static final ParameterKey<Double> DROPOUT = ParameterKey.of("dropout", ParameterType.REAL,
            Constraint.closedOpen(0, 1), "dropout probability after each hidden layer but the first");

    private static final String SEED_DESCRIPTION =
            "seed of initial weights, batch order, diffusion times, noise and dropout";

    private NetworkParameters() {
    }

    /** Declares {@code hidden} and {@code dropout} with the given defaults. */
    public static <D> ParameterTable.Builder<D> addMlp(ParameterTable.Builder<D> builder, List<Integer> hidden,
                                                       double dropout, Function<D, List<Integer>> hiddenOf,
                                                       Function<D, Double> dropoutOf) {
        return builder.add(HIDDEN, hidden, hiddenOf).add(DROPOUT, dropout, dropoutOf);
    }

    /** Declares the training loop's parameters with the given defaults. */
    public static <D> ParameterTable.Builder<D> addTraining(ParameterTable.Builder<D> builder,
                                                            TrainingSettings defaults,
                                                            Function<D, TrainingSettings> of) {
        return addTraining(builder, defaults, of, Constraint.none());
    }

    /**
     * Declares the training loop's parameters with the given defaults, {@code batch} with a further rule
     * of the method ({@link dtad.method.Parameter#narrowedTo}).
     */
    public static <D> ParameterTable.Builder<D> addTraining(ParameterTable.Builder<D> builder,
                                                            TrainingSettings defaults,
                                                            Function<D, TrainingSettings> of,
                                                            Constraint<Integer> batchRule) {
        return builder
                .add(EPOCHS, defaults.epochs(), d -> of.apply(d).epochs())
                .add(BATCH.<D>bind(defaults.batchSize(), d -> of.apply(d).batchSize()).narrowedTo(batchRule))
                .add(LR, defaults.learningRate(), d -> of.apply(d).learningRate())
                .add(WEIGHT_DECAY, defaults.weightDecay(), d -> of.apply(d).weightDecay())
                .add(SEED, defaults.seed(), SEED_DESCRIPTION, d -> of.apply(d).seed());
    }

    /**
     * Declares {@code ema} with the default of {@code defaults}; model files (and results folders) written before a
     * method had the key kept the last weights.
     */
    public static <D> ParameterTable.Builder<D> addEma(ParameterTable.Builder<D> builder, TrainingSettings defaults,
                                                       Function<D, TrainingSettings> of) {
        return builder.add(EMA.<D>bind(defaults.ema(), d -> of.apply(d).ema()).inOlderModelFiles(0.0));
    }

    /** The training settings declared by {@link #addTraining}. */
    public static TrainingSettings training(ParameterValues values) {
        return new TrainingSettings(values.get(EPOCHS), values.get(BATCH), values.get(LR), values.get(WEIGHT_DECAY),
                values.get(SEED));
    }

    /**
     * Checks an MLP's widths and dropout by their declarations, and that training settings are given;
     * returns an immutable copy of the widths.
     */
    public static List<Integer> requireMlp(List<Integer> hidden, double dropout, TrainingSettings training) {
        HIDDEN.require(hidden);
        DROPOUT.require(dropout);
        if (training == null) {
            throw new IllegalArgumentException("Missing training settings");
        }
        return List.copyOf(hidden);
    }
}
