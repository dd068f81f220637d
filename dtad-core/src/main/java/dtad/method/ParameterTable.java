package dtad.method;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The declared hyperparameters of one method, and the one way values become a typed configuration:
 * text from the command line, the benchmark, Spark and model files ({@link #parse}), and typed values
 * from Java ({@link #settings}). Each value is checked by its declared {@link Constraint} before the
 * configuration is built (the configuration record checks it again by the same declaration, for callers
 * of its constructor), and the error names the key, the value and the rule. Algorithm code never sees
 * strings.
 *
 * @param <D> the configuration type
 */
public final class ParameterTable<D> {
    private final List<Parameter<D, ?>> parameters;
    private final Function<ParameterValues, D> factory;

    private ParameterTable(List<Parameter<D, ?>> parameters, Function<ParameterValues, D> factory) {
        this.parameters = List.copyOf(parameters);
        this.factory = factory;
    }

    public static <D> Builder<D> builder() {
        return new Builder<>();
    }

    public List<Parameter<D, ?>> parameters() {
        return parameters;
    }

    /** The parameter declared with {@code key}, if this method declares it (a capability: {@link StandardParameters}). */
    public <T> Optional<Parameter<D, T>> find(ParameterKey<T> key) {
        for (Parameter<D, ?> p : parameters) {
            if (p.declaration() == key) {
                @SuppressWarnings("unchecked")
                Parameter<D, T> typed = (Parameter<D, T>) p;
                return Optional.of(typed);
            }
        }
        return Optional.empty();
    }

    /** Whether this method declares {@code key}. */
    public boolean declares(ParameterKey<?> key) {
        return find(key).isPresent();
    }

    /** The configuration with every default. */
    public D defaults() {
        return parse(Map.of());
    }

    /**
     * Builds a configuration from {@code key=value} texts; keys not given take their defaults. An
     * unknown key or a bad value is refused with an {@link IllegalArgumentException} that says why.
     */
    public D parse(Map<String, String> texts) {
        Map<ParameterKey<?>, Object> values = defaultValues();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Parameter<D, ?> p = find(e.getKey());
            try {
                values.put(p.declaration(), p.type().parse(e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("Invalid value for " + p.key() + ": '" + e.getValue() + "' ("
                        + bad.getMessage() + ")");
            }
        }
        return build(values);
    }

    /**
     * The texts of a saved model file completed for this version: a key added after the file was saved
     * takes the value such files stand for ({@link Parameter#inOlderModelFiles}), not its new default.
     */
    public Map<String, String> completedFromFile(Map<String, String> saved) {
        Map<String, String> texts = new LinkedHashMap<>(saved);
        for (Parameter<D, ?> p : parameters) {
            if (!texts.containsKey(p.key())) {
                texts.put(p.key(), formatOlder(p));
            }
        }
        return texts;
    }

    private static <D, T> String formatOlder(Parameter<D, T> p) {
        return p.type().format(p.valueInOlderFiles());
    }

    /**
     * Checks the values given so far, each by its own declaration, as a caller that sets parameters one
     * at a time needs (Spark's {@code setParam}): a rule that relates two keys (all of it) is checked only
     * once both are given, so the order of the calls does not matter; {@link #parse} checks the whole
     * configuration, defaults included.
     */
    public void checkGiven(Map<String, String> texts) {
        Map<ParameterKey<?>, Object> given = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Parameter<D, ?> p = find(e.getKey());
            try {
                given.put(p.declaration(), p.type().parse(e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("Invalid value for " + p.key() + ": '" + e.getValue() + "' ("
                        + bad.getMessage() + ")");
            }
        }
        Constraint.Context context = new Constraint.Context() {
            @Override
            public <V> V valueOf(ParameterKey<V> key) {
                if (!given.containsKey(key)) {
                    throw new NotGivenYet();
                }
                @SuppressWarnings("unchecked")
                V value = (V) given.get(key);
                return value;
            }
        };
        for (Parameter<D, ?> p : parameters) {
            if (given.containsKey(p.declaration())) {
                String refused;
                try {
                    refused = refusal(p, given.get(p.declaration()), context);
                } catch (NotGivenYet later) {
                    continue;
                }
                if (refused != null) {
                    throw new IllegalArgumentException(refused);
                }
            }
        }
    }

    /** A rule refers to a key whose value is not given yet. */
    private static final class NotGivenYet extends RuntimeException {
        NotGivenYet() {
            super(null, null, false, false);
        }
    }

    /** Typed settings starting from the defaults, e.g. {@code DDPM.builder().set(DDPM.WIDTH, 16).build()}. */
    public Settings<D> settings() {
        return new Settings<>(this, defaultValues());
    }

    /** Typed settings starting from {@code config}'s values. */
    public Settings<D> settings(D config) {
        Map<ParameterKey<?>, Object> values = new LinkedHashMap<>();
        for (Parameter<D, ?> p : parameters) {
            values.put(p.declaration(), p.valueIn(config));
        }
        return new Settings<>(this, values);
    }

    /** Every parameter of a configuration as text, in declaration order. */
    public Map<String, String> format(D config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Parameter<D, ?> p : parameters) {
            out.put(p.key(), p.formatFrom(config));
        }
        return out;
    }

    Map<ParameterKey<?>, Object> defaultValues() {
        Map<ParameterKey<?>, Object> values = new LinkedHashMap<>();
        for (Parameter<D, ?> p : parameters) {
            values.put(p.declaration(), p.defaultValue());
        }
        return values;
    }

    /** The values a model file that names no key stands for ({@link Parameter#valueInOlderFiles}). */
    private Map<ParameterKey<?>, Object> olderValues() {
        Map<ParameterKey<?>, Object> values = new LinkedHashMap<>();
        for (Parameter<D, ?> p : parameters) {
            values.put(p.declaration(), p.valueInOlderFiles());
        }
        return values;
    }

    /** Checks every value by its declaration, then builds the configuration from them. */
    private D build(Map<ParameterKey<?>, Object> values) {
        check(values);
        return construct(values);
    }

    /**
     * Builds the configuration without checking the values first, so that tests can show that the
     * configuration's own constructor refuses what the declarations refuse; also checks that the factory
     * reads every declared key.
     */
    D construct(Map<ParameterKey<?>, Object> values) {
        ParameterValues typed = new ParameterValues(values);
        D config = factory.apply(typed);
        List<String> unread = typed.unread();
        if (!unread.isEmpty()) {
            throw new IllegalStateException("Declared but never read by the factory: " + String.join(", ", unread));
        }
        return config;
    }

    private void check(Map<ParameterKey<?>, Object> values) {
        Constraint.Context context = ParameterKey.contextOf(values);
        for (Parameter<D, ?> p : parameters) {
            String refused = refusal(p, values.get(p.declaration()), context);
            if (refused != null) {
                throw new IllegalArgumentException(refused);
            }
        }
    }

    private static <T> String refusal(Parameter<?, T> p, Object value, Constraint.Context context) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return p.declaration().refusal(typed, p.further(), context);
    }

    private Parameter<D, ?> find(String key) {
        for (Parameter<D, ?> p : parameters) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        String valid = parameters.isEmpty() ? "(none)"
                : parameters.stream().map(Parameter::key).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Unknown parameter '" + key + "'; valid keys: " + valid);
    }

    /** Declares parameters in the order they are listed. */
    public static final class Builder<D> {
        private final List<Parameter<D, ?>> parameters = new ArrayList<>();

        private Builder() {
        }

        /** Adds a declared parameter. */
        public Builder<D> add(Parameter<D, ?> parameter) {
            if (parameters.stream().anyMatch(p -> p.key().equals(parameter.key()))) {
                throw new IllegalArgumentException("Parameter declared twice: " + parameter.key());
            }
            parameters.add(parameter);
            return this;
        }

        /** Adds a shared key with this method's default and accessor. */
        public <T> Builder<D> add(ParameterKey<T> key, T defaultValue, Function<D, T> getter) {
            return add(key.bind(defaultValue, getter));
        }

        /** Adds a shared key with this method's default, description and accessor. */
        public <T> Builder<D> add(ParameterKey<T> key, T defaultValue, String description, Function<D, T> getter) {
            return add(key.bind(defaultValue, description, getter));
        }

        /**
         * The table; {@code factory} builds a configuration from the checked values. Every default must
         * meet its own constraint, and so must the values older model files stand for.
         */
        public ParameterTable<D> build(Function<ParameterValues, D> factory) {
            ParameterTable<D> table = new ParameterTable<>(parameters, Objects.requireNonNull(factory, "factory"));
            try {
                table.check(table.defaultValues());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("A default breaks its own constraint: " + e.getMessage(), e);
            }
            try {
                table.check(table.olderValues());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("A value of older model files breaks its constraint: " + e.getMessage(), e);
            }
            return table;
        }
    }

    /**
     * A configuration set value by value through the declared keys, then checked and built as text
     * would be: the named alternative to a long positional constructor.
     *
     * @param <D> the configuration type
     */
    public static final class Settings<D> {
        private final ParameterTable<D> table;
        private final Map<ParameterKey<?>, Object> values;

        private Settings(ParameterTable<D> table, Map<ParameterKey<?>, Object> values) {
            this.table = table;
            this.values = values;
        }

        /** Whether the method declares {@code key}. */
        public boolean declares(ParameterKey<?> key) {
            return table.declares(key);
        }

        /** Sets a declared parameter. */
        public <T> Settings<D> set(Parameter<?, T> parameter, T value) {
            return set(parameter.declaration(), value);
        }

        /** Sets a declared shared key. */
        public <T> Settings<D> set(ParameterKey<T> key, T value) {
            if (!table.declares(key)) {
                throw new IllegalArgumentException("Unknown parameter '" + key.name() + "' for this method");
            }
            values.put(key, Objects.requireNonNull(value, key.name()));
            return this;
        }

        /** The configuration; a value that breaks its constraint is refused as {@link ParameterTable#parse} refuses it. */
        public D build() {
            return table.build(new LinkedHashMap<>(values));
        }
    }
}
