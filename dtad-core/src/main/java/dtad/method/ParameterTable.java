package dtad.method;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The declared hyperparameters of one method, and the one way text becomes a typed configuration:
 * the command line, the benchmark and model files all go through {@link #parse}. Algorithm code
 * never sees strings. Range checks stay in the configuration's own constructor, which names the bad
 * value; this table adds the key and the list of valid keys to the message.
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

    /** The configuration with every default. */
    public D defaults() {
        return parse(Map.of());
    }

    /**
     * Builds a configuration from {@code key=value} texts; keys not given take their defaults. An
     * unknown key or a bad value is refused with an {@link IllegalArgumentException} that says why.
     */
    public D parse(Map<String, String> texts) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter<D, ?> p : parameters) {
            values.put(p.key(), p.defaultValue());
        }
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Parameter<D, ?> p = find(e.getKey());
            try {
                values.put(p.key(), p.type().parse(e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("Invalid value for " + p.key() + ": '" + e.getValue() + "' ("
                        + bad.getMessage() + ")");
            }
        }
        return factory.apply(new ParameterValues(values));
    }

    /** Every parameter of a configuration as text, in declaration order. */
    public Map<String, String> format(D config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Parameter<D, ?> p : parameters) {
            out.put(p.key(), p.formatFrom(config));
        }
        return out;
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

        public <T> Builder<D> add(String key, ParameterType<T> type, T defaultValue, String constraint,
                                  String description, Function<D, T> getter) {
            if (parameters.stream().anyMatch(p -> p.key().equals(key))) {
                throw new IllegalArgumentException("Parameter declared twice: " + key);
            }
            parameters.add(new Parameter<>(key, type, defaultValue, constraint, description, getter));
            return this;
        }

        public ParameterTable<D> build(Function<ParameterValues, D> factory) {
            return new ParameterTable<>(parameters, factory);
        }
    }
}
