package dtad.method;

import java.util.List;
import java.util.Map;

/** Typed values of a method's parameters, handed to the function that builds its configuration. */
public final class ParameterValues {
    private final Map<String, Object> values;

    ParameterValues(Map<String, Object> values) {
        this.values = values;
    }

    public int integer(String key) {
        return (Integer) require(key);
    }

    public long longValue(String key) {
        return (Long) require(key);
    }

    public double real(String key) {
        return (Double) require(key);
    }

    public boolean bool(String key) {
        return (Boolean) require(key);
    }

    /** A list of integers, as {@link ParameterType#POSITIVE_INTEGERS} parses it. */
    @SuppressWarnings("unchecked")
    public List<Integer> integers(String key) {
        return (List<Integer>) require(key);
    }

    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        return type.cast(require(key));
    }

    private Object require(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("Undeclared parameter: " + key);
        }
        return value;
    }
}
