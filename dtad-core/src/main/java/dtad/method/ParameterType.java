package dtad.method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The type of a hyperparameter: how its {@code key=value} text is parsed and written back.
 *
 * @param <T> the Java type of the value
 */
public final class ParameterType<T> {
    public static final ParameterType<Integer> INTEGER = new ParameterType<>("integer", text -> {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer");
        }
    }, String::valueOf, "any integer");

    public static final ParameterType<Long> LONG = new ParameterType<>("integer", text -> {
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer");
        }
    }, String::valueOf, "any integer");

    public static final ParameterType<Double> REAL = new ParameterType<>("real", text -> {
        try {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("expected a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number");
        }
    }, String::valueOf, "any number");

    public static final ParameterType<Boolean> BOOLEAN = new ParameterType<>("boolean", text -> {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException("expected true or false");
        }
    }, String::valueOf, "true|false");

    /**
     * A non-empty list of positive integers written with commas, e.g. the hidden layer widths
     * {@code 256,512,256}; the value is an unmodifiable list.
     */
    public static final ParameterType<List<Integer>> POSITIVE_INTEGERS = new ParameterType<>("integers", text -> {
        String[] parts = text.trim().split("\\s*,\\s*", -1);
        List<Integer> values = new ArrayList<>(parts.length);
        for (String part : parts) {
            int value;
            try {
                value = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected positive integers separated by commas");
            }
            if (value < 1) {
                throw new IllegalArgumentException("expected positive integers separated by commas");
            }
            values.add(value);
        }
        return List.copyOf(values);
    }, values -> values.stream().map(String::valueOf).collect(Collectors.joining(",")), "positive integers");

    private final String name;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final String values;

    private ParameterType(String name, Function<String, T> parser, Function<T, String> formatter, String values) {
        this.name = name;
        this.parser = parser;
        this.formatter = formatter;
        this.values = values;
    }

    /** A choice among an enum's constants, written in lower case (e.g. {@code mode=reference}). */
    public static <E extends Enum<E>> ParameterType<E> choice(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String names = Arrays.stream(constants).map(ParameterType::lower).collect(Collectors.joining("|"));
        return new ParameterType<>(names, text -> {
            for (E constant : constants) {
                if (lower(constant).equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("expected one of " + names);
        }, ParameterType::lower, names);
    }

    private static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** Parses a value; a malformed one throws {@link IllegalArgumentException} saying what was expected. */
    public T parse(String text) {
        return parser.apply(text);
    }

    public String format(T value) {
        return formatter.apply(value);
    }

    /** The values this type parses, as listings show a parameter without a further constraint ({@code true|false}). */
    public String values() {
        return values;
    }

    /** A short name for listings: {@code integer}, {@code real}, {@code boolean} or the choices. */
    public String name() {
        return name;
    }
}
