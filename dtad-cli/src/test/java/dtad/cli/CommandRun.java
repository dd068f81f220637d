package dtad.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the dtad command line in this JVM, with its exit code and both output streams. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** A user error: exit 2 and exactly one line on stderr, no stack trace. */
    boolean isOneLineUserError() {
        return exitCode == 2 && err.strip().lines().count() == 1 && !err.contains("\tat ") && err.startsWith("dtad: ");
    }
}
