package dtad.method;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The values a parameter allows, as one object that both checks a value and says the rule: its
 * {@link #text()} is what {@code dtad methods} lists ({@code >= 1}, {@code in [0, 1)}), its refusal
 * what an error message says ({@code at least 1}). The command line, the benchmark, Spark and the
 * configuration records' constructors all check through the same object ({@link ParameterKey#require}),
 * so a rule is written once.
 *
 * <p>A constraint may relate the value to another parameter's ({@link #between(int, ParameterKey)},
 * {@link #multipleOf(int, ParameterKey)}): the check then reads that parameter's value from its
 * {@link Context}.
 *
 * @param <T> the value type
 */
public final class Constraint<T> {
    /** The values of the other parameters a constraint may refer to. */
    @FunctionalInterface
    public interface Context {
        /**
         * The value of {@code key}; a key the caller did not supply is a programming error
         * ({@link IllegalStateException}).
         */
        <V> V valueOf(ParameterKey<V> key);

        /** A context without values: for constraints that refer to no other parameter. */
        Context NONE = new Context() {
            @Override
            public <V> V valueOf(ParameterKey<V> key) {
                throw new IllegalStateException("No value of " + key.name() + " given to check against");
            }
        };
    }

    /** Says why a value is refused, or null when it is allowed. */
    @FunctionalInterface
    private interface Rule<T> {
        String refusal(T value, Context context);
    }

    private static final Constraint<Object> NONE = new Constraint<>(null, (value, context) -> null);

    private final String text;
    private final Rule<T> rule;

    private Constraint(String text, Rule<T> rule) {
        this.text = text;
        this.rule = rule;
    }

    /** Every value the type parses is allowed; listed as the type's own values ({@code true|false}, the choices). */
    @SuppressWarnings("unchecked")
    public static <T> Constraint<T> none() {
        return (Constraint<T>) NONE;
    }

    /** An integer of at least {@code min}: {@code >= min}. */
    public static Constraint<Integer> atLeast(int min) {
        return new Constraint<>(">= " + min, (value, context) -> value >= min ? null : "at least " + min);
    }

    /** A number of at least {@code min}: {@code >= min}. */
    public static Constraint<Double> atLeast(double min) {
        return new Constraint<>(">= " + number(min), (value, context) -> value >= min && Double.isFinite(value) ? null
                : "at least " + number(min) + ", finite");
    }

    /** A number above 0: {@code > 0}. */
    public static Constraint<Double> positive() {
        return new Constraint<>("> 0", (value, context) -> value > 0 && Double.isFinite(value) ? null
                : "must be positive and finite");
    }

    /** A number in the open interval {@code (low, high)}. */
    public static Constraint<Double> open(double low, double high) {
        return interval(low, false, high, false);
    }

    /** A number in {@code (low, high]}. */
    public static Constraint<Double> openClosed(double low, double high) {
        return interval(low, false, high, true);
    }

    /** A number in the half-open interval {@code [low, high)}, e.g. a dropout probability. */
    public static Constraint<Double> closedOpen(double low, double high) {
        return interval(low, true, high, false);
    }

    private static Constraint<Double> interval(double low, boolean withLow, double high, boolean withHigh) {
        String range = (withLow ? "[" : "(") + number(low) + ", " + number(high) + (withHigh ? "]" : ")");
        return new Constraint<>("in " + range, (value, context) -> (withLow ? value >= low : value > low)
                && (withHigh ? value <= high : value < high) ? null : "must be in " + range);
    }

    /** An integer from {@code min} to the value of the parameter {@code max}: {@code min..max}. */
    public static Constraint<Integer> between(int min, ParameterKey<Integer> max) {
        return new Constraint<>(min + ".." + max.name(), (value, context) -> {
            int upper = context.valueOf(max);
            return value >= min && value <= upper ? null : "must be in " + min + ".." + upper;
        });
    }

    /** A positive multiple of {@code factor}. */
    public static Constraint<Integer> multipleOf(int factor) {
        return new Constraint<>("multiple of " + factor, (value, context) -> value >= factor && value % factor == 0
                ? null : "must be a positive multiple of " + factor);
    }

    /**
     * A positive multiple of {@code factor} times the value of the parameter {@code of}, e.g. a token
     * width that is a multiple of twice the number of heads: {@code multiple of 2 heads}. A value of
     * {@code of} below 1 is left to that key's own rule to refuse, so that the message names it.
     */
    public static Constraint<Integer> multipleOf(int factor, ParameterKey<Integer> of) {
        return new Constraint<>("multiple of " + factor + " " + of.name(), (value, context) -> {
            int multiple = factor * context.valueOf(of);
            return multiple < 1 || value >= multiple && value % multiple == 0 ? null
                    : "must be a positive multiple of " + multiple + ", " + factor + " x " + of.name();
        });
    }

    /** A non-empty list whose every element meets {@code element}: {@code each >= 1}. */
    public static Constraint<List<Integer>> each(Constraint<Integer> element) {
        return new Constraint<>("each " + element.text, (values, context) -> {
            if (values.isEmpty()) {
                return "at least one value";
            }
            for (Integer value : values) {
                String refused = value == null ? "no empty value" : element.rule.refusal(value, context);
                if (refused != null) {
                    return "each " + refused;
                }
            }
            return null;
        });
    }

    /** A list without repeated elements. */
    public static <E> Constraint<List<E>> distinct() {
        return new Constraint<>("distinct", (values, context) -> new HashSet<>(values).size() == values.size()
                ? null : "repeated values");
    }

    /** Both this and {@code other}: listed as {@code this and other}, refused with the first rule broken. */
    public Constraint<T> and(Constraint<? super T> other) {
        Constraint<T> first = this;
        return new Constraint<>(text + " and " + other.text, (value, context) -> {
            String refused = first.rule.refusal(value, context);
            return refused != null ? refused : other.rule.refusal(value, context);
        });
    }

    /** This rule with a note on what a special value means, e.g. {@code >= 0 (0 = all)}. */
    public Constraint<T> note(String note) {
        Objects.requireNonNull(note, "note");
        Rule<T> inner = rule;
        return new Constraint<>((text == null ? "" : text + " ") + "(" + note + ")", (value, context) -> {
            String refused = inner.refusal(value, context);
            return refused == null ? null : refused + ", " + note;
        });
    }

    /** What {@code dtad methods} lists, or null for {@link #none()} (then the type's values are listed). */
    public String text() {
        return text;
    }

    /** Why {@code value} is refused ({@code at least 1}), or null when it is allowed. */
    public String refusal(T value, Context context) {
        return rule.refusal(value, context);
    }

    @Override
    public String toString() {
        return text == null ? "(any value of the type)" : text;
    }

    /** {@code 0} and {@code 1} for whole numbers, else Java's shortest text. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%d", (long) value)
                : String.valueOf(value);
    }
}
