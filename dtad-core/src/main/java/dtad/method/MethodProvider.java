package dtad.method;

import java.util.List;

/**
 * Contributes methods to the registry. Each module that implements detectors lists its provider in
 * {@code META-INF/services/dtad.method.MethodProvider}, so {@link Methods} finds every method on the
 * class path without the core knowing the other modules.
 */
public interface MethodProvider {
    List<Method<?>> methods();
}
