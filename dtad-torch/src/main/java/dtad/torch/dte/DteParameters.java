package dtad.torch.dte;

import dtad.method.Constraint;
import dtad.method.ParameterKey;
import dtad.method.ParameterType;

/**
 * The keys the DTE networks share, declared once: {@code steps}, and for the classifiers {@code bins}
 * (at most {@code steps}, a rule that relates the two keys and is checked against the configured steps)
 * and {@code loss}. Each method binds them to its own default.
 */
public final class DteParameters {
    /** Diffusion steps T. */
    public static final ParameterKey<Integer> STEPS = ParameterKey.of("steps", ParameterType.INTEGER,
            Constraint.atLeast(2), "diffusion steps T");
    /** The classifier's number of time bins, 2..steps. */
    public static final ParameterKey<Integer> BINS = ParameterKey.of("bins", ParameterType.INTEGER,
            Constraint.between(2, STEPS), "number of diffusion time bins");
    /** The classifier's cross-entropy. */
    public static final ParameterKey<CategoricalDTE.Loss> LOSS = ParameterKey.of("loss",
            ParameterType.choice(CategoricalDTE.Loss.class), Constraint.none(),
            "standard: cross-entropy of the logits; reference: cross-entropy of the softmax output as published "
                    + "(softmax twice)");

    private DteParameters() {
    }
}
