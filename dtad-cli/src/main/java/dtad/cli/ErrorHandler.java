package dtad.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/**
 * Turns failures into exit codes and one line on stderr: a user's mistake (bad usage, bad input, a
 * missing file) exits 2 without a stack trace; anything else is an internal error and exits 1.
 * Running out of memory exits 1 with one line that says how to give the JVM more.
 * {@code --verbose} adds the stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 1;
    private final BooleanSupplier verbose;

    ErrorHandler(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("dtad: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        boolean userError = cause instanceof IllegalArgumentException || cause instanceof NoSuchFileException
                || cause instanceof AccessDeniedException || cause instanceof FileAlreadyExistsException;
        if (userError) {
            err.println("dtad: " + describe(cause));
        } else {
            err.println("dtad: internal error: " + describe(cause));
        }
        if (verbose.getAsBoolean()) {
            e.printStackTrace(err);
        } else if (!userError) {
            err.println("(run again with --verbose for the stack trace)");
        }
        err.flush();
        return userError ? BAD_INPUT : INTERNAL;
    }

    /**
     * Running out of memory: one line saying what ran out, how much heap the JVM had and how to give it
     * more; exit 1 ({@code --verbose} adds the stack trace).
     */
    int outOfMemory(OutOfMemoryError e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        String command = "dtad";
        for (CommandLine.ParseResult sub = parsed.subcommand(); sub != null; sub = sub.subcommand()) {
            command += " " + sub.commandSpec().name();
        }
        long max = Runtime.getRuntime().maxMemory();
        long suggestedGiB = Math.max(4, 2 * ((max + (1L << 30) - 1) >> 30));
        String what = e.getMessage() == null ? "memory" : e.getMessage();
        err.println("dtad: out of memory while running '" + command + "' (" + what + "; the JVM may use at most "
                + (max >> 20) + " MiB); give it more, e.g. JAVA_OPTS=-Xmx" + suggestedGiB + "g ./" + command + " ...");
        if (verbose.getAsBoolean()) {
            e.printStackTrace(err);
        }
        err.flush();
        return INTERNAL;
    }

    private static String describe(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return e.getMessage() + ": no such file";
        }
        if (e instanceof FileAlreadyExistsException) {
            return ((FileAlreadyExistsException) e).getFile() + ": already exists; use --force to overwrite it";
        }
        if (e instanceof AccessDeniedException) {
            return e.getMessage() + ": permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replace('\n', ' ');
    }
}
