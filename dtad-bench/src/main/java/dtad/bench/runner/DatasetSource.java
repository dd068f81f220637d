package dtad.bench.runner;

import dtad.data.Dataset;
import java.util.function.Supplier;

/**
 * A data set the benchmark can run on, loaded only when its cells run, with its size known before.
 *
 * @param name   the name in results (a file name without {@code .npz}, or a generated set's name)
 * @param origin where it comes from, for messages (a path, or a generator recipe)
 * @param loader reads or generates the data set
 * @param sizer  tells the size cheaply, without loading (e.g. from a file's header), to plan a run
 */
public record DatasetSource(String name, String origin, Supplier<Dataset> loader, Supplier<DatasetSize> sizer) {
    public Dataset load() {
        return loader.get();
    }

    /** The size without loading; throws, as loading would, when the file cannot be read. */
    public DatasetSize size() {
        return sizer.get();
    }
}
