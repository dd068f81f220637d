package dtad.io;

import dtad.InputException;
import dtad.data.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The entry point for reading the user's data files, chosen by extension: {@code .npz} (features
 * {@code X}, optional labels {@code y}), {@code .npy} (features only, a 2-D array) and {@code .csv}
 * (a header row, labels from a named column if asked).
 */
public final class DataFiles {
    /** The file extensions {@link #read} accepts. */
    public static final List<String> EXTENSIONS = List.of(".npz", ".npy", ".csv");

    private DataFiles() {
    }

    /**
     * Reads a data file. {@code labelColumn} names the label column of a CSV file, or is {@code null} for
     * none; NPZ files carry their labels in {@code y}, so it must be {@code null} for NPZ and NPY files.
     */
    public static Dataset read(Path file, String labelColumn) {
        return load(file, labelColumn).data();
    }

    /** Reads a data file as {@link #read} does and summarizes it. */
    public static DataSummary summarize(Path file, String labelColumn) {
        Loaded loaded = load(file, labelColumn);
        return DataSummary.of(loaded.data(), loaded.dtype());
    }

    /** A data set and the element type it was stored as. */
    private record Loaded(Dataset data, String dtype) {
    }

    private static Loaded load(Path file, String labelColumn) {
        String extension = extension(file);
        if (!extension.equals(".csv") && labelColumn != null) {
            throw new InputException(file + ": a label column applies to CSV files only; "
                    + (extension.equals(".npz") ? "NPZ files carry their labels in entry y" : "this file has none"));
        }
        switch (extension) {
            case ".npz": {
                NpzArrays arrays = NpzReader.read(file);
                return new Loaded(arrays.toDataset(), arrays.x().dtype().name());
            }
            case ".npy": {
                NpyArray x = NpyReader.read(file);
                return new Loaded(new Dataset(InputFiles.baseName(file), x.toMatrix(), null), x.dtype().name());
            }
            case ".csv":
                return new Loaded(CsvReader.read(file, labelColumn), CsvReader.DTYPE);
            default:
                throw new InputException(file + ": unsupported file type "
                        + (extension.isEmpty() ? "(no extension)" : "'" + Messages.clip(extension) + "'")
                        + "; supported: " + String.join(", ", EXTENSIONS));
        }
    }

    private static String extension(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString();
        int dot = text.lastIndexOf('.');
        return dot <= 0 ? "" : text.substring(dot).toLowerCase(Locale.ROOT);
    }
}
