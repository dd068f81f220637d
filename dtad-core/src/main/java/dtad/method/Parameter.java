package dtad.method;

import java.util.Objects;
import java.util.function.Function;

/**
 * One declared hyperparameter of a method: its {@link ParameterKey} (key, type, enforced constraint),
 * its default, its description and how to read it back from a configuration (for model files and
 * reports). A method's own parameter is declared in one statement with {@link #of}; a shared key is
 * bound with {@link ParameterKey#bind}.
 *
 * @param <D> the configuration type
 * @param <T> the value type
 */
public final class Parameter<D, T> {
    private final ParameterKey<T> declaration;
    private final T defaultValue;
    private final String description;
    private final Constraint<? super T> further;
    private final Function<D, T> getter;
    /** The value a model file that does not name this key stands for (null: the default). */
    private final T inOlderFiles;

    Parameter(ParameterKey<T> declaration, T defaultValue, String description, Constraint<? super T> further,
              Function<D, T> getter) {
        this(declaration, defaultValue, description, further, getter, null);
    }

    private Parameter(ParameterKey<T> declaration, T defaultValue, String description, Constraint<? super T> further,
                      Function<D, T> getter, T inOlderFiles) {
        this.declaration = Objects.requireNonNull(declaration, "declaration");
        this.defaultValue = Objects.requireNonNull(defaultValue, "default of " + declaration.name());
        this.description = Objects.requireNonNull(description, "description");
        this.further = Objects.requireNonNull(further, "further");
        this.getter = Objects.requireNonNull(getter, "getter");
        this.inOlderFiles = inOlderFiles;
    }

    /**
     * Declares a method's own parameter: key, type, default, enforced constraint, description and accessor.
     * The configuration record checks its value with {@link #require}; its factory reads it with
     * {@link ParameterValues#get(Parameter)}.
     */
    public static <D, T> Parameter<D, T> of(String key, ParameterType<T> type, T defaultValue,
                                            Constraint<? super T> constraint, String description,
                                            Function<D, T> getter) {
        return ParameterKey.of(key, type, constraint, description).bind(defaultValue, getter);
    }

    /**
     * This parameter with a further rule of this method only, e.g. DDPM's {@code batch >= 2} for BatchNorm
     * where the shared training key allows 1; the listing shows the further rule.
     */
    public Parameter<D, T> narrowedTo(Constraint<? super T> rule) {
        return new Parameter<>(declaration, defaultValue, description, rule, getter, inOlderFiles);
    }

    /**
     * This parameter, added to a method after model files of it were saved, with the value those files
     * stand for: a model file that does not name the key loads with {@code value} (the behaviour before the
     * key existed), not with the new default, so that it keeps scoring as it did. The table checks it, with the
     * other keys' older values, when it is built.
     */
    public Parameter<D, T> inOlderModelFiles(T value) {
        return new Parameter<>(declaration, defaultValue, description, further, getter,
                Objects.requireNonNull(value, "older value of " + declaration.name()));
    }

    /** The value a model file that does not name this key stands for: {@link #inOlderModelFiles}, else the default. */
    public T valueInOlderFiles() {
        return inOlderFiles != null ? inOlderFiles : defaultValue;
    }

    /** The key, type and constraint shared by every method that declares this key. */
    public ParameterKey<T> declaration() {
        return declaration;
    }

    /** The key as written in {@code key=value}. */
    public String key() {
        return declaration.name();
    }

    public ParameterType<T> type() {
        return declaration.type();
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The rule as {@code dtad methods} lists it ({@code >= 1}, {@code in [0, 1)}, {@code true|false}). */
    public String constraint() {
        return further.text() != null ? further.text() : declaration.constraintText();
    }

    /** The further rule of this method ({@link Constraint#none()} if the key's own is all). */
    public Constraint<? super T> further() {
        return further;
    }

    /** This parameter's value in a configuration. */
    public T valueIn(D config) {
        return getter.apply(config);
    }

    /** This key with a value, for the context of a constraint that refers to it. */
    public ParameterKey.Binding<T> is(T value) {
        return declaration.is(value);
    }

    /**
     * Returns {@code value} if the declared constraint (and this method's further rule) allows it, else
     * throws {@link IllegalArgumentException} naming the key, the value and the rule.
     */
    public T require(T value, ParameterKey.Binding<?>... context) {
        return declaration.require(value, further, context);
    }

    /** The value of this parameter in a configuration, as text. */
    public String formatFrom(D config) {
        return declaration.type().format(getter.apply(config));
    }

    public String formattedDefault() {
        return declaration.type().format(defaultValue);
    }

    @Override
    public String toString() {
        return key();
    }
}
