package dtad.cli;

import dtad.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code dtad} command. Exit codes: 0 success, 2 bad usage or bad input (one line on stderr
 * naming the file and the problem), 1 internal error.
 */
@Command(name = "dtad", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Diffusion-based anomaly detection: fit, score and benchmark detectors.",
        subcommands = {MethodsCommand.class, InfoCommand.class, FitCommand.class, ScoreCommand.class, ExplainCommand.class,
            GenerateCommand.class,
            BenchCommand.class, ReportCommand.class, MergeCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On errors, also print the stack trace.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        ErrorHandler handler = new ErrorHandler(() -> main.verbose);
        cli.setExecutionExceptionHandler(handler);
        cli.setParameterExceptionHandler(handler);
        // Errors pass picocli's exception handler by; running out of memory is common enough to deserve one line.
        cli.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (OutOfMemoryError e) {
                return handler.outOfMemory(e, cli, parsed);
            }
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** No command given: the usage, on stderr, and the exit code of a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("dtad: no command given");
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return ErrorHandler.BAD_INPUT;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dtad " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
