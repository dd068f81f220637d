package dtad.method;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a hyperparameter is, whichever configuration holds it: its key (the text of {@code key=value}),
 * type, enforced {@link Constraint} and description. A key that several methods share (the training
 * loop's {@code epochs}, the image size) is declared once as a {@code ParameterKey} and bound by each
 * method to its own default and accessor ({@link #bind}); a method's own key is declared in one go by
 * {@link Parameter#of}. Factories read values by key ({@link ParameterValues#get}), and configuration
 * records check their values with {@link #require}, so the command line and the Java constructor refuse
 * a value by the same rule, with the same message.
 *
 * @param <T> the value type
 */
public final class ParameterKey<T> {
    private final String name;
    private final ParameterType<T> type;
    private final Constraint<? super T> constraint;
    private final String description;

    private ParameterKey(String name, ParameterType<T> type, Constraint<? super T> constraint, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.constraint = Objects.requireNonNull(constraint, "constraint");
        this.description = Objects.requireNonNull(description, "description");
    }

    public static <T> ParameterKey<T> of(String name, ParameterType<T> type, Constraint<? super T> constraint,
                                         String description) {
        return new ParameterKey<>(name, type, constraint, description);
    }

    /** The key as written in {@code key=value}. */
    public String name() {
        return name;
    }

    public ParameterType<T> type() {
        return type;
    }

    public Constraint<? super T> constraint() {
        return constraint;
    }

    public String description() {
        return description;
    }

    /** The rule as {@code dtad methods} lists it: the constraint's text, or the type's values if it has none. */
    public String constraintText() {
        return constraint.text() != null ? constraint.text() : type.values();
    }

    /** This key with a value, for the context of a constraint that refers to it. */
    public Binding<T> is(T value) {
        return new Binding<>(this, value);
    }

    /**
     * Returns {@code value} if this key's constraint allows it, given the values of the keys it refers to;
     * else throws {@link IllegalArgumentException} with one line naming the key, the value and the rule,
     * e.g. {@code Invalid k: 0 (at least 1)}.
     */
    public T require(T value, Binding<?>... context) {
        return require(value, Constraint.none(), context);
    }

    /**
     * As {@link #require(Object, Binding[])}, with a further rule of one method (DDPM's BatchNorm needs
     * batches of at least 2 rows where the shared key allows 1).
     */
    public T require(T value, Constraint<? super T> further, Binding<?>... context) {
        String refused = refusal(value, further, contextOf(context));
        if (refused != null) {
            throw new IllegalArgumentException(refused);
        }
        return value;
    }

    /** The one-line message refusing {@code value}, or null when the value is allowed. */
    String refusal(T value, Constraint<? super T> further, Constraint.Context context) {
        if (value == null) {
            return "Missing " + name;
        }
        String refused = constraint.refusal(value, context);
        if (refused == null) {
            refused = further.refusal(value, context);
        }
        return refused == null ? null : "Invalid " + name + ": " + type.format(value) + " (" + refused + ")";
    }

    /** A parameter of configurations {@code D}: this key with a default and an accessor. */
    public <D> Parameter<D, T> bind(T defaultValue, Function<D, T> getter) {
        return new Parameter<>(this, defaultValue, description, Constraint.none(), getter);
    }

    /** As {@link #bind(Object, Function)}, described in the method's own words. */
    public <D> Parameter<D, T> bind(T defaultValue, String description, Function<D, T> getter) {
        return new Parameter<>(this, defaultValue, description, Constraint.none(), getter);
    }

    @Override
    public String toString() {
        return name;
    }

    private static Constraint.Context contextOf(Binding<?>[] bindings) {
        if (bindings.length == 0) {
            return Constraint.Context.NONE;
        }
        Map<ParameterKey<?>, Object> values = new HashMap<>();
        for (Binding<?> b : bindings) {
            values.put(b.key(), b.value());
        }
        return contextOf(values);
    }

    static Constraint.Context contextOf(Map<ParameterKey<?>, Object> values) {
        return new Constraint.Context() {
            @Override
            public <V> V valueOf(ParameterKey<V> key) {
                if (!values.containsKey(key)) {
                    throw new IllegalStateException("No value of " + key.name() + " given to check against");
                }
                @SuppressWarnings("unchecked")
                V value = (V) values.get(key);
                return value;
            }
        };
    }

    /**
     * A key with its value.
     *
     * @param <T> the value type
     */
    public record Binding<T>(ParameterKey<T> key, T value) {
    }
}
