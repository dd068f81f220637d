package dtad.method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * A look-up of methods by case-insensitive name: what loading a model file needs to turn the manifest's
 * method name into a configuration and a fitted model. {@link #installed()} holds every method that a
 * {@link MethodProvider} on the class path lists (what {@link Methods} answers from); {@link #of} builds
 * one from methods of your own, and {@link #with} adds them to another, so that a detector that no
 * {@code META-INF/services} entry lists can still be loaded. Immutable.
 */
public final class MethodCatalog {
    private final Map<String, Method<?>> byName;

    private MethodCatalog(Map<String, Method<?>> byName) {
        this.byName = byName;
    }

    /** The methods of every {@link MethodProvider} on the class path (found once, with {@link ServiceLoader}). */
    public static MethodCatalog installed() {
        return Installed.CATALOG;
    }

    /** A catalog of exactly these methods; a name given twice (in any case) is refused. */
    public static MethodCatalog of(Method<?>... methods) {
        return of(Arrays.asList(methods));
    }

    /** A catalog of exactly these methods; a name given twice (in any case) is refused. */
    public static MethodCatalog of(Collection<? extends Method<?>> methods) {
        return new MethodCatalog(index(new LinkedHashMap<>(), methods));
    }

    /** This catalog and {@code more}; a name this catalog has already is refused. */
    public MethodCatalog with(Method<?>... more) {
        return new MethodCatalog(index(new LinkedHashMap<>(byName), Arrays.asList(more)));
    }

    /** Every method, diffusion methods first, then in the order they were given. */
    public List<Method<?>> all() {
        List<Method<?>> out = new ArrayList<>(byName.values());
        out.sort(Comparator.comparing((Method<?> m) -> m.family()));
        return out;
    }

    /** The method of that name (any case); an unknown name is refused with the list of known ones. */
    public Method<?> find(String name) {
        Method<?> method = byName.get(key(name));
        if (method == null) {
            throw new IllegalArgumentException("Unknown method '" + name + "'; known methods: "
                    + all().stream().map(Method::name).collect(Collectors.joining(", ")));
        }
        return method;
    }

    /** Whether a method of that name (any case) is in this catalog. */
    public boolean contains(String name) {
        return byName.containsKey(key(name));
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Method<?>> index(Map<String, Method<?>> into, Collection<? extends Method<?>> methods) {
        for (Method<?> m : methods) {
            if (into.put(key(m.name()), m) != null) {
                throw new IllegalArgumentException("Method registered twice: " + m.name());
            }
        }
        return into;
    }

    /** The class path's methods, loaded on first use. */
    private static final class Installed {
        static final MethodCatalog CATALOG = load();

        private static MethodCatalog load() {
            List<Method<?>> methods = new ArrayList<>();
            for (MethodProvider provider : ServiceLoader.load(MethodProvider.class)) {
                methods.addAll(provider.methods());
            }
            try {
                return of(methods);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
