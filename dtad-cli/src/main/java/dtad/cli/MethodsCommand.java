package dtad.cli;

import dtad.method.Method;
import dtad.method.Methods;
import dtad.method.Parameter;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
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
            // Columns as wide as the method's widest cell, so that a long default (hidden=256,512,256) does not
            // push its constraint and description out of line.
            List<? extends Parameter<?, ?>> parameters = method.parameters().parameters();
            String line = "    %-" + width(parameters, Parameter::key) + "s  %-"
                    + width(parameters, p -> p.type().name()) + "s  default %-"
                    + width(parameters, Parameter::formattedDefault) + "s  %-"
                    + width(parameters, p -> p.constraint().toString()) + "s  %s%n";
            for (Parameter<?, ?> p : parameters) {
                out.printf(line, p.key(), p.type().name(), p.formattedDefault(),
                        p.constraint(), p.description()); // the constraint's text, from the object that enforces it
            }
            out.println();
        }
        out.flush();
        return 0;
    }

    /** The widest text {@code cell} gives over {@code parameters}. */
    private static int width(List<? extends Parameter<?, ?>> parameters, Function<Parameter<?, ?>, String> cell) {
        return parameters.stream().mapToInt(p -> cell.apply(p).length()).max().orElse(1);
    }
}
