package dtad.torch;

import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.method.ParameterValues;
import java.util.List;
import java.util.function.Function;

/**
 * The parameter declarations network detectors share, so that every such method spells them alike:
 * {@code hidden}, {@code dropout} (for MLPs) and {@code epochs}, {@code batch}, {@code lr},
 * {@code weight_decay}, {@code seed} (for the training loop).
 */
public final class NetworkParameters {
    private NetworkParameters() {
    }

    /** Declares {@code hidden} and {@code dropout} with the given defaults. */
    public static <D> ParameterTable.Builder<D> addMlp(ParameterTable.Builder<D> builder, List<Integer> hidden,
                                                       double dropout, Function<D, List<Integer>> hiddenOf,
                                                       Function<D, Double> dropoutOf) {
        return builder
                .add("hidden", ParameterType.POSITIVE_INTEGERS, hidden, "widths >= 1",
                        "hidden layer widths of the MLP, comma-separated", hiddenOf)
                .add("dropout", ParameterType.REAL, dropout, "[0, 1)",
                        "dropout probability after each hidden layer but the first", dropoutOf);
    }

    /** Declares the training loop's parameters with the given defaults. */
    public static <D> ParameterTable.Builder<D> addTraining(ParameterTable.Builder<D> builder,
                                                            TrainingSettings defaults,
                                                            Function<D, TrainingSettings> of) {
        return builder
                .add("epochs", ParameterType.INTEGER, defaults.epochs(), ">= 1", "passes over the training rows",
                        d -> of.apply(d).epochs())
                .add("batch", ParameterType.INTEGER, defaults.batchSize(), ">= 1", "rows per training step",
                        d -> of.apply(d).batchSize())
                .add("lr", ParameterType.REAL, defaults.learningRate(), "> 0", "Adam learning rate",
                        d -> of.apply(d).learningRate())
                .add("weight_decay", ParameterType.REAL, defaults.weightDecay(), ">= 0",
                        "L2 weight decay added to the gradient (as torch.optim.Adam)", d -> of.apply(d).weightDecay())
                .add("seed", ParameterType.LONG, defaults.seed(), "any integer",
                        "seed of initial weights, batch order, diffusion times, noise and dropout",
                        d -> of.apply(d).seed());
    }

    /** The training settings declared by {@link #addTraining}. */
    public static TrainingSettings training(ParameterValues values) {
        return new TrainingSettings(values.integer("epochs"), values.integer("batch"), values.real("lr"),
                values.real("weight_decay"), values.longValue("seed"));
    }
}
