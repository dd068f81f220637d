package dtad.bench.runner;

import dtad.detect.Detector;
import dtad.method.Method;
import dtad.method.Methods;
import dtad.method.ParameterKey;
import dtad.method.StandardParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A method as the benchmark runs it: the registered method, the parameters given for it (as text,
 * through the method's one parameter table), and two rules applied when a parameter was not given,
 * found by declaration ({@link StandardParameters}), not by name:
 * <ul>
 *   <li>a seeded method (one that declares {@link StandardParameters#SEED}) takes the protocol seed of
 *       the cell, as the reference passes its seed to every model;</li>
 *   <li>with {@code quick}, a method trained by epochs ({@link StandardParameters#EPOCHS}) takes a tenth
 *       of its default (at least 1), for smoke runs.</li>
 * </ul>
 *
 * @param method the registered method
 * @param params the parameters given for it, {@code key -> value}
 * @param quick  whether to cut the epochs tenfold
 */
public record MethodSpec(Method<?> method, Map<String, String> params, boolean quick) {
    /** {@code --quick} divides the default number of epochs by this. */
    public static final int QUICK_DIVISOR = 10;
    private static final ParameterKey<Long> SEED = StandardParameters.SEED;
    private static final ParameterKey<Integer> EPOCHS = StandardParameters.EPOCHS;

    public MethodSpec {
        params = Map.copyOf(params);
    }

    public String name() {
        return method.name();
    }

    /** The configuration of this method for one protocol seed. */
    public Detector<?> detector(long seed) {
        Map<String, String> texts = texts();
        if (followsProtocolSeed()) {
            texts.put(SEED.name(), SEED.type().format(seed));
        }
        return method.configure(texts);
    }

    /**
     * Every parameter of the configuration as text, except a seed that follows the protocol seed:
     * what makes two runs of this method comparable.
     */
    public Map<String, String> configuration() {
        Map<String, String> all = new LinkedHashMap<>(method.format(method.configure(texts())));
        if (followsProtocolSeed()) {
            all.remove(SEED.name());
        }
        return all;
    }

    /** The configuration as one line, {@code key=value} pairs separated by spaces. */
    public String configurationText() {
        return configuration().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** The inverse of {@link #configurationText()}: its {@code key=value} pairs, in order. */
    static Map<String, String> parseConfigurationText(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : text.split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                pairs.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return pairs;
    }

    private Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>(params);
        if (quick && !given(EPOCHS)) {
            method.parameters().find(EPOCHS).ifPresent(p ->
                    texts.put(EPOCHS.name(), EPOCHS.type().format(Math.max(1, p.defaultValue() / QUICK_DIVISOR))));
        }
        return texts;
    }

    /** Whether the method is seeded and its seed was not given: then it takes the protocol seed. */
    private boolean followsProtocolSeed() {
        return method.parameters().declares(SEED) && !given(SEED);
    }

    private boolean given(ParameterKey<?> key) {
        return params.containsKey(key.name());
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
