package dtad.method;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The registry of methods, by case-insensitive name, filled from every {@link MethodProvider}. */
public final class Methods {
    private static final Map<String, Method<?>> BY_NAME = load();

    private Methods() {
    }

    /** Every registered method, diffusion methods first, then in the order their module declares them. */
    public static List<Method<?>> all() {
        List<Method<?>> out = new ArrayList<>(BY_NAME.values());
        out.sort(Comparator.comparing((Method<?> m) -> m.family()));
        return out;
    }

    /** The method of that name (any case); an unknown name is refused with the list of known ones. */
    public static Method<?> find(String name) {
        Method<?> method = BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
        if (method == null) {
            throw new IllegalArgumentException("Unknown method '" + name + "'; known methods: "
                    + all().stream().map(Method::name).collect(Collectors.joining(", ")));
        }
        return method;
    }

    private static Map<String, Method<?>> load() {
        Map<String, Method<?>> out = new LinkedHashMap<>();
        for (MethodProvider provider : ServiceLoader.load(MethodProvider.class)) {
            for (Method<?> m : provider.methods()) {
                Method<?> before = out.put(m.name().toLowerCase(Locale.ROOT), m);
                if (before != null) {
                    throw new IllegalStateException("Method registered twice: " + m.name());
                }
            }
        }
        return out;
    }
}
