package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.Version;
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
        for (dtad.method.Method<?> m : dtad.method.Methods.all()) {
            assertTrue(run.out().contains(m.name()), m.name());
            m.parameters().parameters().forEach(p -> assertTrue(run.out().contains(p.key()), m.name() + "." + p.key()));
        }
    }
}
