package dtad.dte;

import dtad.method.Method;
import dtad.method.MethodProvider;
import java.util.List;

/**
 * The diffusion-time methods of dtad-core (those that need no neural network): DTE-NP. Listed in
 * {@code META-INF/services/dtad.method.MethodProvider}.
 */
public final class NonParametricMethods implements MethodProvider {
    @Override
    public List<Method<?>> methods() {
        return List.of(NonParametricDTE.METHOD);
    }
}
