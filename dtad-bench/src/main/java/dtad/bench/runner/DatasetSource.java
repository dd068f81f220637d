package dtad.bench.runner;

import dtad.data.Dataset;
import java.util.function.Supplier;

/**
 * A data set the benchmark can run on, loaded only when its cells run.
 *
 * @param name   the name in results (a file name without {@code .npz}, or a generated set's name)
 * @param origin where it comes from, for messages (a path, or a generator recipe)
 * @param loader reads or generates the data set
 */
public record DatasetSource(String name, String origin, Supplier<Dataset> loader) {
    public Dataset load() {
        return loader.get();
    }
}
