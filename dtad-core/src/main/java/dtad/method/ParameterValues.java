package dtad.method;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Typed values of a method's parameters, handed to the function that builds its configuration. Values
 * are read by their declaration, never by a string; reading a key the table does not declare is a
 * programming error, and so is a declared key the factory never reads ({@link ParameterTable} checks
 * both, so every method's defaults reveal such a slip).
 */
public final class ParameterValues {
    private final Map<ParameterKey<?>, Object> values;
    private final Set<ParameterKey<?>> read = new HashSet<>();

    ParameterValues(Map<ParameterKey<?>, Object> values) {
        this.values = values;
    }

    /** The value of a declared key. */
    public <T> T get(ParameterKey<T> key) {
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("Undeclared parameter: " + key.name() + " (declared: "
                    + values.keySet().stream().map(ParameterKey::name).collect(Collectors.joining(", ")) + ")");
        }
        read.add(key);
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    /** The value of a declared parameter. */
    public <T> T get(Parameter<?, T> parameter) {
        return get(parameter.declaration());
    }

    /** The declared keys the factory has not read, in declaration order. */
    List<String> unread() {
        return values.keySet().stream().filter(k -> !read.contains(k)).map(ParameterKey::name)
                .collect(Collectors.toList());
    }

    Map<ParameterKey<?>, Object> asMap() {
        return new LinkedHashMap<>(values);
    }
}
