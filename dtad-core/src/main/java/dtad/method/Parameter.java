package dtad.method;

import java.util.function.Function;

/**
 * One declared hyperparameter of a method: its key, type, default, constraint and description, and
 * how to read it back from a configuration (for model files and reports).
 *
 * @param <D> the configuration type
 * @param <T> the value type
 */
public record Parameter<D, T>(String key, ParameterType<T> type, T defaultValue, String constraint,
                              String description, Function<D, T> getter) {

    /** The value of this parameter in a configuration, as text. */
    public String formatFrom(D config) {
        return type.format(getter.apply(config));
    }

    public String formattedDefault() {
        return type.format(defaultValue);
    }
}
