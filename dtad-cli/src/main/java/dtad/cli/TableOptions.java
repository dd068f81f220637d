package dtad.cli;

import dtad.io.ReadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that say how to read a data file's columns, shared by info, fit and score. */
final class TableOptions {
    @Option(names = "--label-column", paramLabel = "NAME",
            description = "A column of 0/1 (or true/false) labels, left out of the features.")
    String labelColumn;

    @Option(names = "--id-column", paramLabel = "NAME",
            description = "A column of row identifiers, left out of the features (score writes it first).")
    String idColumn;

    @Option(names = "--drop-columns", paramLabel = "A,B", split = ",",
            description = "Columns to leave out of the features.")
    List<String> dropColumns = new ArrayList<>();

    @Option(names = "--delimiter", paramLabel = "C", converter = DelimiterConverter.class,
            description = "Field delimiter of a text file: a character, or tab, comma, semicolon, pipe "
                    + "(default: tab for .tsv, else detected from the first line).")
    Character delimiter;

    @Option(names = "--no-header", description = "The text file has no header row; its columns are x1..xD (from 1).")
    boolean noHeader;

    /** Refuses these options for images (a folder or an IDX file), which have no columns. */
    void requireUnusedFor(Path images) {
        if (labelColumn != null || idColumn != null || !dropColumns.isEmpty() || delimiter != null || noHeader) {
            throw new IllegalArgumentException(images + ": images have no columns; --label-column, --id-column, "
                    + "--drop-columns, --delimiter and --no-header apply to tables (image labels come from the "
                    + "folder names)");
        }
    }

    ReadOptions toReadOptions() {
        return new ReadOptions(labelColumn, idColumn, dropColumns, delimiter, !noHeader);
    }
}
