package dtad.method;

import dtad.detect.Detector;
import java.util.Map;

/**
 * A registered method: its published name, a one-line summary, the reference it implements, its
 * declared parameters and how its model files are loaded.
 *
 * @param <D> the configuration type
 */
public record Method<D extends Detector<?>>(String name, Family family, String summary, String reference,
                                           ParameterTable<D> parameters, ModelLoader<D> loader) {

    /** A configuration from {@code key=value} texts; errors name the method. */
    public D configure(Map<String, String> texts) {
        try {
            return parameters.parse(texts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The configuration of a saved model from its parameters as text: keys the file leaves out take their
     * value in older files ({@link ParameterTable#parseSaved}); errors name the method.
     */
    public D configureSaved(Map<String, String> texts) {
        try {
            return parameters.parseSaved(texts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /** Checks the values given so far as {@link ParameterTable#checkGiven} does, naming this method in a refusal. */
    public void checkGiven(Map<String, String> texts) {
        try {
            parameters.checkGiven(texts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    public D defaults() {
        return configure(Map.of());
    }

    /** The configuration's parameters as text, if it is this method's. */
    public Map<String, String> format(Detector<?> detector) {
        return parameters.format(cast(detector));
    }

    @SuppressWarnings("unchecked")
    D cast(Detector<?> detector) {
        if (!detector.method().equalsIgnoreCase(name)) {
            throw new IllegalArgumentException("A " + detector.method() + " configuration is not one of " + name);
        }
        return (D) detector;
    }
}
