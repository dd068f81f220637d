package dtad.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * For every registered method (classical, DTE-NP, the networks and their image variants), each value a
 * parameter's declaration refuses is refused the same way by the text path (command line, benchmark,
 * Spark) and by the configuration record's own constructor, bypassing the table's check: the rule is
 * written once and enforced everywhere. Also the factories read every declared key and nothing else.
 */
class EveryMethodEnforcesItsDeclarationsTest {
    /** Values worth trying per type: bounds of the usual rules and their neighbours. */
    private static List<Object> candidates(ParameterType<?> type) {
        if (type == ParameterType.INTEGER) {
            return List.of(-1, 0, 1, 3, 6, 100_000);
        }
        if (type == ParameterType.REAL) {
            return List.of(-1.0, 0.0, 1.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY);
        }
        if (type == ParameterType.POSITIVE_INTEGERS) {
            return List.of(List.of(), List.of(0), List.of(5, 5), List.of(100_000));
        }
        return List.of(); // booleans, choices, seeds: every value the type parses is allowed
    }

    @Test
    void aRefusedValueIsRefusedByTheTableAndByTheConstructorAlike() {
        int refusals = 0;
        List<String> unenforced = new ArrayList<>();
        for (Method<?> method : Methods.all()) {
            refusals += check(method.parameters(), method.name(), unenforced);
        }
        assertTrue(unenforced.isEmpty(), "declared rules with no refused candidate: " + unenforced);
        assertTrue(refusals > 100, "refused values tried: " + refusals);
    }

    private static <D> int check(ParameterTable<D> table, String method, List<String> unenforced) {
        int refusals = 0;
        for (Parameter<D, ?> p : table.parameters()) {
            int refused = 0;
            for (Object value : candidates(p.type())) {
                Map<ParameterKey<?>, Object> values = table.defaultValues();
                values.put(p.declaration(), value);
                String rule = refusal(p, value, ParameterKey.contextOf(values));
                if (rule == null) {
                    continue;
                }
                refused++;
                String where = method + "." + p.key() + "=" + value;
                IllegalArgumentException checked = assertThrows(IllegalArgumentException.class,
                        () -> setAndBuild(table, p, value), where);
                assertEquals(rule, checked.getMessage(), where);
                IllegalArgumentException constructed = assertThrows(IllegalArgumentException.class,
                        () -> table.construct(values), where + " (constructor)");
                assertEquals(rule, constructed.getMessage(), where + " (constructor)");
            }
            if (refused == 0 && p.declaration().constraint().text() != null) {
                unenforced.add(method + "." + p.key() + " " + p.constraint());
            }
            refusals += refused;
        }
        return refusals;
    }

    private static <T> String refusal(Parameter<?, T> p, Object value, Constraint.Context context) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return p.declaration().refusal(typed, p.further(), context);
    }

    private static <D, T> D setAndBuild(ParameterTable<D> table, Parameter<D, T> p, Object value) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return table.settings().set(p, typed).build();
    }

    @Test
    void everyFactoryReadsEveryDeclaredKeyAndDefaultsRoundTripThroughText() {
        for (Method<?> method : Methods.all()) {
            Object defaults = method.defaults(); // fails on an undeclared or unread key
            Map<String, String> texts = method.format((dtad.detect.Detector<?>) defaults);
            assertEquals(defaults, method.configure(texts), method.name());
            assertEquals(method.parameters().parameters().size(), texts.size(), method.name());
        }
    }
}
