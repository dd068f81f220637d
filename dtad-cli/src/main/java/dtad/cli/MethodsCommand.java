package dtad.cli;

import dtad.method.Method;
import dtad.method.Methods;
import dtad.method.Parameter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dtad methods}: every registered method with its parameters. */
@Command(name = "methods", mixinStandardHelpOptions = true,
        description = "List the registered methods and their parameters (key, type, default, constraint).")
final class MethodsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Method<?> method : Methods.all()) {
            out.printf("%s  (%s)%n  %s%n  Reference: %s%n", method.name(),
                    method.family().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    method.summary(), method.reference());
            for (Parameter<?, ?> p : method.parameters().parameters()) {
                out.printf("    %-16s %-10s default %-10s %-18s %s%n", p.key(), p.type().name(), p.formattedDefault(),
                        p.constraint(), p.description()); // the constraint's text, from the object that enforces it
            }
            out.println();
        }
        out.flush();
        return 0;
    }
}
