package dtad.method;

import java.util.List;

/**
 * The installed methods ({@link MethodCatalog#installed()}): every method that a {@link MethodProvider} on
 * the class path lists, by case-insensitive name.
 */
public final class Methods {

    private Methods() {
    }

    /** Every registered method, diffusion methods first, then in the order their module declares them. */
    public static List<Method<?>> all() {
        return MethodCatalog.installed().all();
    }

    /** The method of that name (any case); an unknown name is refused with the list of known ones. */
    public static Method<?> find(String name) {
        return MethodCatalog.installed().find(name);
    }
}
