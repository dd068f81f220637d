package dtad.io;

import dtad.InputException;
import dtad.data.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * The entry point for reading the user's data files, chosen by extension: {@code .npz} (features
 * {@code X}, optional labels {@code y}), {@code .npy} (features only, a 2-D array), {@code .csv} and
 * {@code .tsv} (delimited text, gzip compressed or not: {@code .csv.gz}, {@code .tsv.gz}; see
 * {@link CsvReader}) and {@code .parquet} (when the {@code dtad-parquet} module is on the class path).
 */
public final class DataFiles {
    /** The file extensions {@link #read} accepts. */
    public static final List<String> EXTENSIONS = List.of(".npz", ".npy", ".csv", ".tsv", ".csv.gz", ".tsv.gz", ".parquet");

    private DataFiles() {
    }

    /**
     * Reads a data file. {@code labelColumn} names the label column of a CSV file, or is {@code null} for
     * none; NPZ files carry their labels in {@code y}, so it must be {@code null} for NPZ and NPY files.
     */
    public static Dataset read(Path file, String labelColumn) {
        return readTable(file, ReadOptions.labelled(labelColumn)).data();
    }

    /**
     * Reads a data file with its column names and row ids. Column options (label, id, dropped columns)
     * apply to the formats with named columns (CSV, TSV, Parquet); text options (delimiter, no header) to
     * CSV and TSV.
     */
    public static DataTable readTable(Path file, ReadOptions options) {
        String extension = extension(file);
        boolean text = extension.equals(".csv") || extension.equals(".tsv")
                || extension.equals(".csv.gz") || extension.equals(".tsv.gz");
        boolean arrays = extension.equals(".npz") || extension.equals(".npy");
        if (arrays && options.selectsColumns()) {
            throw new InputException(file + ": label, id and dropped columns apply to files with named columns "
                    + "(CSV, TSV, Parquet); " + (extension.equals(".npz") ? "NPZ files carry their labels in entry y"
                    : "this file has no labels"));
        }
        if (!text && options.shapesText()) {
            throw new InputException(file + ": a delimiter and --no-header apply to CSV and TSV files only");
        }
        switch (extension) {
            case ".npz": {
                NpzArrays a = NpzReader.read(file);
                return new DataTable(a.toDataset(), a.x().dtype().name(), null, null);
            }
            case ".npy": {
                NpyArray x = NpyReader.read(file);
                return new DataTable(new Dataset(InputFiles.baseName(file), x.toMatrix(), null), x.dtype().name(),
                        null, null);
            }
            default:
                if (text) {
                    return CsvReader.readTable(file, options);
                }
                for (TableFormat format : ServiceLoader.load(TableFormat.class)) {
                    if (format.extensions().contains(extension)) {
                        return format.read(file, options);
                    }
                }
                if (extension.equals(".parquet")) {
                    throw new InputException(file + ": reading Parquet needs the module io.github.dtad:dtad-parquet "
                            + "on the class path (the dtad command has it)");
                }
                throw new InputException(file + ": unsupported file type "
                        + (extension.isEmpty() ? "(no extension)" : "'" + Messages.clip(extension) + "'")
                        + "; supported: " + String.join(", ", EXTENSIONS));
        }
    }

    /** Reads a data file as {@link #read} does and summarizes it. */
    public static DataSummary summarize(Path file, String labelColumn) {
        return summarizeTable(file, ReadOptions.labelled(labelColumn));
    }

    /** Reads a data file as {@link #readTable} does and summarizes it. */
    public static DataSummary summarizeTable(Path file, ReadOptions options) {
        DataTable table = readTable(file, options);
        return DataSummary.of(table.data(), table.dtype());
    }

    /** The lower-case extension, with {@code .gz} kept together with the one before it ({@code .csv.gz}). */
    private static String extension(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        int dot = text.lastIndexOf('.');
        if (dot > 0 && text.substring(dot).equals(".gz")) {
            int before = text.lastIndexOf('.', dot - 1);
            if (before > 0) {
                dot = before;
            }
        }
        return dot <= 0 ? "" : text.substring(dot);
    }
}
