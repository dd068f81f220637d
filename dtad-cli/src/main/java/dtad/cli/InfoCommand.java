package dtad.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dtad.io.DataFiles;
import dtad.io.DataSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dtad info}: the shape and contents of a data file. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe a data file (.csv, .tsv, .parquet, .npz or .npy): rows, columns, dtype, anomalies, NaN "
                + "and Inf counts.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The data file.")
    Path file;

    @Option(names = "--json", description = "Print exactly one JSON object.")
    boolean json;

    @Mixin
    TableOptions table;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DataSummary s = DataFiles.summarizeTable(file, table.toReadOptions());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("file", file.toString());
            node.put("rows", s.rows());
            node.put("columns", s.columns());
            node.put("dtype", s.dtype());
            if (s.anomalies() == null) {
                node.putNull("anomalies");
            } else {
                node.put("anomalies", s.anomalies());
            }
            node.put("nan", s.nanCount());
            node.put("inf", s.infCount());
            out.println(mapper.writeValueAsString(node));
        } else {
            out.printf("file       %s%nrows       %d%ncolumns    %d%ndtype      %s%nanomalies  %s%nnan        %d%ninf        %d%n",
                    file, s.rows(), s.columns(), s.dtype(),
                    s.anomalies() == null ? "(no labels)" : s.anomalies() + String.format(" (%.2f%%)", 100.0 * s.anomalies() / s.rows()),
                    s.nanCount(), s.infCount());
        }
        out.flush();
        return 0;
    }
}
