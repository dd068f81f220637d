package dtad.bench.runner;

import dtad.detect.Detector;
import dtad.method.Method;
import dtad.method.Methods;
import dtad.method.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A method as the benchmark runs it: the registered method, the parameters given for it (as text,
 * through the method's one parameter table), and two rules applied when a parameter was not given:
 * <ul>
 *   <li>a declared {@value #SEED} parameter takes the protocol seed of the cell, as the reference
 *       passes its seed to every model;</li>
 *   <li>with {@code quick}, a declared integer {@value #EPOCHS} parameter takes a tenth of its default
 *       (at least 1), for smoke runs.</li>
 * </ul>
 *
 * @param method the registered method
 * @param params the parameters given for it, {@code key -> value}
 * @param quick  whether to cut the epochs tenfold
 */
public record MethodSpec(Method<?> method, Map<String, String> params, boolean quick) {
    public static final String SEED = "seed";
    public static final String EPOCHS = "epochs";
    /** {@code --quick} divides the default number of epochs by this. */
    public static final int QUICK_DIVISOR = 10;

    public MethodSpec {
        params = Map.copyOf(params);
    }

    public String name() {
        return method.name();
    }

    /** The configuration of this method for one protocol seed. */
    public Detector<?> detector(long seed) {
        Map<String, String> texts = texts();
        if (declares(SEED) && !params.containsKey(SEED)) {
            texts.put(SEED, Long.toString(seed));
        }
        return method.configure(texts);
    }

    /**
     * Every parameter of the configuration as text, except a seed that follows the protocol seed:
     * what makes two runs of this method comparable.
     */
    public Map<String, String> configuration() {
        Map<String, String> all = new LinkedHashMap<>(method.format(method.configure(texts())));
        if (!params.containsKey(SEED)) {
            all.remove(SEED);
        }
        return all;
    }

    /** The configuration as one line, {@code key=value} pairs separated by spaces. */
    public String configurationText() {
        return configuration().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>(params);
        if (quick && !params.containsKey(EPOCHS)) {
            parameter(EPOCHS).filter(p -> p.defaultValue() instanceof Integer).ifPresent(p ->
                    texts.put(EPOCHS, Integer.toString(Math.max(1, (Integer) p.defaultValue() / QUICK_DIVISOR))));
        }
        return texts;
    }

    private boolean declares(String key) {
        return parameter(key).isPresent();
    }

    private Optional<? extends Parameter<?, ?>> parameter(String key) {
        return method.parameters().parameters().stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /**
     * The methods named (registry names, any case), with the {@code METHOD.key=value} parameters given
     * for them. Unknown methods, parameters for a method not named, malformed parameters and values the
     * method refuses are all refused here, before anything runs.
     */
    public static List<MethodSpec> parse(List<String> names, List<String> paramTexts, boolean quick) {
        Map<String, Method<?>> methods = new LinkedHashMap<>();
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            Method<?> m = Methods.find(name.strip());
            methods.putIfAbsent(m.name(), m);
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("No method named; see 'dtad methods' for the registered ones");
        }
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        for (String text : paramTexts) {
            int eq = text.indexOf('=');
            int dot = eq < 0 ? -1 : text.lastIndexOf('.', eq);
            if (eq < 0 || dot <= 0 || dot == eq - 1) {
                throw new IllegalArgumentException("Invalid --param '" + text + "'; expected METHOD.key=value, e.g. KNN.k=5");
            }
            String methodName = text.substring(0, dot).strip();
            Method<?> m = methods.values().stream().filter(x -> x.name().equalsIgnoreCase(methodName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--param " + text + ": " + methodName
                            + " is not among the methods run (" + String.join(", ", methods.keySet()) + ")"));
            params.computeIfAbsent(m.name(), k -> new LinkedHashMap<>())
                    .put(text.substring(dot + 1, eq).strip(), text.substring(eq + 1).strip());
        }
        List<MethodSpec> out = new ArrayList<>();
        for (Method<?> m : methods.values()) {
            MethodSpec spec = new MethodSpec(m, params.getOrDefault(m.name(), Map.of()), quick);
            spec.detector(0); // refuse bad values now, not once per cell
            out.add(spec);
        }
        return out;
    }

    @Override
    public String toString() {
        return name() + (params.isEmpty() ? "" : params.toString().toLowerCase(Locale.ROOT)) + (quick ? " (quick)" : "");
    }
}
