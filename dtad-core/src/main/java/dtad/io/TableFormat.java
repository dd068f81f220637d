package dtad.io;

import java.nio.file.Path;
import java.util.List;

/**
 * A data file format read by a module outside dtad-core (Parquet, in {@code dtad-parquet}), found by
 * {@link java.util.ServiceLoader} when that module is on the class path, so that dtad-core stays free
 * of its dependencies.
 */
public interface TableFormat {
    /** The file extensions it reads, lower case with the dot, e.g. {@code .parquet}. */
    List<String> extensions();

    /** Reads a file as the options say; a bad file is refused with a one-line {@link dtad.InputException}. */
    DataTable read(Path file, ReadOptions options);
}
