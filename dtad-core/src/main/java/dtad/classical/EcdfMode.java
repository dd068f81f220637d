package dtad.classical;

import dtad.method.Constraint;
import dtad.method.Parameter;
import dtad.method.ParameterKey;
import dtad.method.ParameterType;
import java.util.function.Function;

/**
 * Which rows the empirical distributions of {@link COPOD} and {@link ECOD} are made of when a batch is
 * scored.
 */
public enum EcdfMode {
    /**
     * The training rows only (dtad's default): a row's score depends on the fitted model and that row
     * alone. The row's value counts as one more observation, so the left tail is
     * {@code (#{train <= x} + 1) / (n + 1)} and never 0 (the score of a row scored alone in PyOD's way,
     * with the training skewness); the skewness signs are those of the training columns.
     */
    INDUCTIVE,
    /**
     * PyOD's way, for comparison with its published figures: the distributions and skewness signs are
     * computed on the training rows concatenated with the whole scored batch, so a row's score depends
     * on the other rows scored with it. This breaks dtad's batch-independence contract; use it only to
     * reproduce PyOD.
     */
    TRANSDUCTIVE;

    /** The {@code mode} key COPOD and ECOD share. */
    static final ParameterKey<EcdfMode> KEY = ParameterKey.of("mode", ParameterType.choice(EcdfMode.class),
            Constraint.none(), "inductive: score against the training distributions only (batch independent); "
                    + "transductive: PyOD's way, distributions of training and batch together");

    /** The {@code mode} parameter of a detector, default {@link #INDUCTIVE}. */
    static <D> Parameter<D, EcdfMode> parameter(Function<D, EcdfMode> mode) {
        return KEY.bind(INDUCTIVE, mode);
    }
}
