package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.Version;
import dtad.method.Method;
import dtad.method.Methods;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpListsTheCommands() {
        CommandRun run = CommandRun.of("--help");
        assertEquals(0, run.exitCode());
        for (String command : new String[] {"methods", "info", "fit", "score"}) {
            assertTrue(run.out().contains(command), command + " in " + run.out());
        }
    }

    @Test
    void versionPrintsTheBuildVersion() {
        CommandRun run = CommandRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("dtad " + Version.get()), run.out());
        assertTrue(!Version.get().contains("${"), "version is filtered in by the build");
    }

    @Test
    void noCommandPrintsTheUsageAndIsAUsageError() {
        CommandRun run = CommandRun.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("dtad: no command given") && run.err().contains("Usage: dtad"), run.err());
    }

    @Test
    void unknownCommandIsAUsageError() {
        CommandRun run = CommandRun.of("frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("dtad: "), run.err());
    }

    @Test
    void methodsListsEveryRegisteredMethodWithItsParameters() {
        CommandRun run = CommandRun.of("methods");
        assertEquals(0, run.exitCode());
        for (Method<?> m : Methods.all()) {
            assertTrue(run.out().contains(m.name()), m.name());
            m.parameters().parameters().forEach(p -> assertTrue(run.out().contains(p.key()), m.name() + "." + p.key()));
        }
    }

    /** A method's parameter lines put their defaults and constraints at one column each, however long a default. */
    @Test
    void methodsAlignsItsColumns() {
        Iterator<String> lines = CommandRun.of("methods").out().lines().iterator();
        for (Method<?> m : Methods.all()) {
            Set<Integer> defaults = new HashSet<>();
            Set<Integer> constraints = new HashSet<>();
            assertTrue(lines.next().startsWith(m.name() + "  ("), m.name());
            lines.next(); // summary
            lines.next(); // reference
            for (var p : m.parameters().parameters()) {
                String line = lines.next();
                assertTrue(line.startsWith("    " + p.key() + " "), line);
                int at = line.indexOf("default " + p.formattedDefault() + " ");
                defaults.add(at);
                String constraint = p.constraint().toString();
                if (!constraint.isEmpty()) {
                    constraints.add(line.indexOf(constraint, at + 8 + p.formattedDefault().length()));
                }
            }
            lines.next(); // blank
            assertEquals(1, defaults.size(), m.name() + " default columns: " + defaults);
            assertTrue(constraints.size() <= 1, m.name() + " constraint columns: " + constraints);
        }
    }
}
