package dtad.method;

/**
 * Keys with a meaning outside their method, found by declaration rather than by name: a method that
 * declares {@link #SEED} is seeded (the benchmark gives it the protocol seed of each cell, Spark its
 * {@code randomSeed}, model files record it), and one that declares {@link #EPOCHS} is trained by epochs
 * ({@code --quick} cuts them). Each method binds the key to its own default and, where its words differ,
 * its own description ({@link ParameterKey#bind}).
 */
public final class StandardParameters {
    /** The seed of every random draw of a fit; any integer. */
    public static final ParameterKey<Long> SEED = ParameterKey.of("seed", ParameterType.LONG, Constraint.none(),
            "seed of the random draws");

    /** Passes over the training rows; at least 1. */
    public static final ParameterKey<Integer> EPOCHS = ParameterKey.of("epochs", ParameterType.INTEGER,
            Constraint.atLeast(1), "passes over the training rows");

    private StandardParameters() {
    }
}
