package dtad.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.classical.HBOS;
import dtad.classical.IsolationForest;
import dtad.classical.KNN;
import dtad.classical.OneClassSvm;
import dtad.classical.PCA;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterTableTest {
    /** A toy configuration: a width and a count of at most the width. */
    record Toy(int width, int count) {
        static final Parameter<Toy, Integer> WIDTH = Parameter.of("width", ParameterType.INTEGER, 8,
                Constraint.atLeast(1), "width", Toy::width);
        static final Parameter<Toy, Integer> COUNT = Parameter.of("count", ParameterType.INTEGER, 2,
                Constraint.between(1, WIDTH.declaration()), "count", Toy::count);
        static final ParameterTable<Toy> TABLE = ParameterTable.<Toy>builder().add(WIDTH).add(COUNT)
                .build(v -> new Toy(v.get(WIDTH), v.get(COUNT)));

        Toy {
            WIDTH.require(width);
            COUNT.require(count, WIDTH.is(width));
        }
    }

    @Test
    void constraintsRenderTheRuleTheyEnforce() {
        assertEquals(">= 1", Constraint.atLeast(1).text());
        assertEquals("at least 1", Constraint.atLeast(1).refusal(0, Constraint.Context.NONE));
        assertNull(Constraint.atLeast(1).refusal(1, Constraint.Context.NONE));
        assertEquals("in [0, 1)", Constraint.closedOpen(0, 1).text());
        assertNull(Constraint.closedOpen(0, 1).refusal(0.0, Constraint.Context.NONE));
        assertEquals("must be in [0, 1)", Constraint.closedOpen(0, 1).refusal(1.0, Constraint.Context.NONE));
        assertEquals("in (0, 1]", Constraint.openClosed(0, 1).text());
        assertEquals("must be in (0, 1]", Constraint.openClosed(0, 1).refusal(0.0, Constraint.Context.NONE));
        assertNull(Constraint.openClosed(0, 1).refusal(1.0, Constraint.Context.NONE));
        assertEquals("must be positive and finite",
                Constraint.positive().refusal(Double.POSITIVE_INFINITY, Constraint.Context.NONE));
        assertEquals(">= 0 (0 = all)", Constraint.atLeast(0).note("0 = all").text());
        assertEquals("each >= 1", Constraint.each(Constraint.atLeast(1)).text());
        assertEquals("each at least 1", Constraint.each(Constraint.atLeast(1)).refusal(List.of(3, 0),
                Constraint.Context.NONE));
        assertEquals("at least one value", Constraint.each(Constraint.atLeast(1)).refusal(List.of(),
                Constraint.Context.NONE));
        assertEquals("repeated values", Constraint.<Integer>distinct().refusal(List.of(5, 5), Constraint.Context.NONE));
        assertEquals("multiple of 4", Constraint.multipleOf(4).text());
        assertEquals("must be a positive multiple of 4", Constraint.multipleOf(4).refusal(6, Constraint.Context.NONE));
    }

    @Test
    void valuesGivenOneAtATimeAreCheckedInAnyOrder() {
        Toy.TABLE.checkGiven(Map.of("count", "6")); // the width is not given yet: the relating rule waits
        Toy.TABLE.checkGiven(Map.of("width", "4"));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> Toy.TABLE.checkGiven(Map.of("width", "4", "count", "6")));
        assertTrue(both.getMessage().contains("1..4"), both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Toy.TABLE.checkGiven(Map.of("width", "0")));
        assertThrows(IllegalArgumentException.class, () -> Toy.TABLE.checkGiven(Map.of("width", "4", "count", "0")));
        assertThrows(IllegalArgumentException.class, () -> Toy.TABLE.checkGiven(Map.of("widht", "4")));
        assertThrows(IllegalArgumentException.class, () -> Toy.TABLE.checkGiven(Map.of("width", "four")));
    }

    @Test
    void aRuleRelatingTwoKeysIsCheckedAgainstTheOtherKeysValue() {
        assertEquals("1..width", Toy.COUNT.constraint());
        assertEquals(new Toy(4, 4), Toy.TABLE.parse(Map.of("width", "4", "count", "4")));
        IllegalArgumentException parsed = assertThrows(IllegalArgumentException.class,
                () -> Toy.TABLE.parse(Map.of("width", "4", "count", "5")));
        assertEquals("Invalid count: 5 (must be in 1..4)", parsed.getMessage());
        IllegalArgumentException constructed = assertThrows(IllegalArgumentException.class, () -> new Toy(4, 5));
        assertEquals(parsed.getMessage(), constructed.getMessage());
        // The default count 2 is checked against the given width.
        assertEquals("Invalid count: 2 (must be in 1..1)", assertThrows(IllegalArgumentException.class,
                () -> Toy.TABLE.parse(Map.of("width", "1"))).getMessage());
    }

    @Test
    void aBadValueIsRefusedByTheTableAndTheConstructorWithTheSameMessage() {
        String cli = assertThrows(IllegalArgumentException.class, () -> KNN.METHOD.configure(Map.of("k", "0")))
                .getMessage();
        String java = assertThrows(IllegalArgumentException.class, () -> new KNN(0, KNN.Score.LARGEST)).getMessage();
        assertEquals("KNN: Invalid k: 0 (at least 1)", cli);
        assertEquals("KNN: " + java, cli);
        assertEquals("Invalid alpha: 1.0 (must be in (0, 1))", assertThrows(IllegalArgumentException.class,
                () -> new HBOS(10, 1.0, 0.5)).getMessage());
        assertEquals("HBOS: Invalid alpha: 1.0 (must be in (0, 1))", assertThrows(IllegalArgumentException.class,
                () -> HBOS.METHOD.configure(Map.of("alpha", "1"))).getMessage());
        assertEquals("Invalid gamma: -1.0 (at least 0, finite, 0 = 1/features)", assertThrows(
                IllegalArgumentException.class, () -> OneClassSvm.METHOD.parameters().settings()
                        .set(OneClassSvm.GAMMA, -1.0).build()).getMessage());
    }

    @Test
    void theNoArgumentConstructorsAreTheDeclaredDefaults() {
        assertEquals(KNN.METHOD.defaults(), new KNN());
        assertEquals(PCA.METHOD.defaults(), new PCA());
        assertEquals(HBOS.METHOD.defaults(), new HBOS());
        assertEquals(OneClassSvm.METHOD.defaults(), new OneClassSvm());
        assertEquals(5, new KNN().k());
    }

    @Test
    void listingsShowTheConstraintOrTheTypesValues() {
        assertEquals(">= 1", KNN.K.constraint());
        assertEquals("largest|mean|median", KNN.SCORE.constraint());
        assertEquals("true|false", PCA.WEIGHTED.constraint());
        assertEquals("any integer", IsolationForest.SEED.constraint());
        assertEquals(">= 0 (0 = 1/features)", OneClassSvm.GAMMA.constraint());
    }

    @Test
    void capabilitiesAreFoundByDeclarationNotByName() {
        assertTrue(IsolationForest.METHOD.parameters().declares(StandardParameters.SEED));
        assertEquals(0L, IsolationForest.METHOD.parameters().find(StandardParameters.SEED).orElseThrow()
                .defaultValue());
        assertTrue(KNN.METHOD.parameters().find(StandardParameters.SEED).isEmpty());
        // A key that is merely spelled "seed" is not the standard seed.
        Parameter<Toy, Long> lookalike = Parameter.of("seed", ParameterType.LONG, 0L, Constraint.none(), "not it",
                t -> 0L);
        ParameterTable<Toy> table = ParameterTable.<Toy>builder().add(lookalike)
                .build(v -> new Toy(8, (int) (long) v.get(lookalike)));
        assertTrue(!table.declares(StandardParameters.SEED));
    }

    @Test
    void aFactoryReadingAnUndeclaredKeyFails() {
        ParameterTable<Toy> table = ParameterTable.<Toy>builder().add(Toy.WIDTH)
                .build(v -> new Toy(v.get(Toy.WIDTH), v.get(Toy.COUNT)));
        IllegalStateException e = assertThrows(IllegalStateException.class, table::defaults);
        assertTrue(e.getMessage().startsWith("Undeclared parameter: count"), e.getMessage());
    }

    @Test
    void aFactoryIgnoringADeclaredKeyFails() {
        ParameterTable<Toy> table = ParameterTable.<Toy>builder().add(Toy.WIDTH).add(Toy.COUNT)
                .build(v -> new Toy(v.get(Toy.WIDTH), 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, table::defaults);
        assertEquals("Declared but never read by the factory: count", e.getMessage());
    }

    @Test
    void aDefaultBreakingItsOwnConstraintIsRefusedWhenTheTableIsBuilt() {
        Parameter<Toy, Integer> bad = Parameter.of("width", ParameterType.INTEGER, 0, Constraint.atLeast(1), "w",
                Toy::width);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ParameterTable.<Toy>builder().add(bad).build(v -> new Toy(v.get(bad), 1)));
        assertTrue(e.getMessage().contains("Invalid width: 0 (at least 1)"), e.getMessage());
    }

    @Test
    void settingsSetValuesByDeclarationAndCheckThemAsTextIsChecked() {
        assertEquals(new Toy(6, 3), Toy.TABLE.settings().set(Toy.WIDTH, 6).set(Toy.COUNT, 3).build());
        assertEquals(new Toy(6, 2), Toy.TABLE.settings(new Toy(6, 5)).set(Toy.COUNT, 2).build());
        assertEquals("Invalid count: 9 (must be in 1..8)", assertThrows(IllegalArgumentException.class,
                () -> Toy.TABLE.settings().set(Toy.COUNT, 9).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Toy.TABLE.settings().set(StandardParameters.SEED, 1L));
        assertEquals(new IsolationForest(10, 256, 3), IsolationForest.METHOD.parameters().settings()
                .set(IsolationForest.TREES, 10).set(StandardParameters.SEED, 3L).build());
    }

    @Test
    void formatAndParseRoundTripEveryDeclaredValue() {
        IsolationForest forest = new IsolationForest(7, 33, -4);
        Map<String, String> texts = IsolationForest.METHOD.format(forest);
        assertEquals(Map.of("trees", "7", "max_samples", "33", "seed", "-4"), texts);
        assertEquals(forest, IsolationForest.METHOD.configure(texts));
    }

    @Test
    void aKeyAddedAfterModelFilesWereSavedTakesTheValueThoseFilesStandFor() {
        Parameter<Toy, Integer> added = Parameter.of("count", ParameterType.INTEGER, 4, Constraint.atLeast(1), "count",
                Toy::count).inOlderModelFiles(1);
        ParameterTable<Toy> table = ParameterTable.<Toy>builder().add(Toy.WIDTH).add(added)
                .build(v -> new Toy(v.get(Toy.WIDTH), v.get(added)));
        assertEquals(new Toy(8, 4), table.defaults(), "a new configuration has the new default");
        assertEquals(new Toy(6, 1), table.parse(table.completedFromFile(Map.of("width", "6"))), "an older file");
        assertEquals(new Toy(6, 3), table.parse(table.completedFromFile(Map.of("width", "6", "count", "3"))));
        assertEquals(Map.of("width", "6", "count", "2"), Toy.TABLE.completedFromFile(Map.of("width", "6")),
                "a key without an older value takes its default");
        Parameter<Toy, Integer> invalid = added.inOlderModelFiles(0);
        assertThrows(IllegalStateException.class, () -> ParameterTable.<Toy>builder().add(Toy.WIDTH).add(invalid)
                .build(v -> new Toy(v.get(Toy.WIDTH), v.get(invalid))), "checked by the declaration");
    }
}
