package dtad.bench.runner;

import dtad.bench.protocol.AdbenchProtocol;
import dtad.bench.protocol.Setting;
import dtad.bench.protocol.Split;
import dtad.data.Dataset;
import java.util.function.Supplier;

/**
 * A data set the benchmark can run on, loaded only when its cells run, with its size known before.
 *
 * @param name     the name in results (a file name without {@code .npz}, or a generated set's name)
 * @param origin   where it comes from, for messages (a path, or a generator recipe)
 * @param loader   reads or generates the data set
 * @param sizer    tells the size cheaply, without loading (e.g. from a file's header), to plan a run
 * @param splitter makes a cell's split itself, or {@code null} for {@link AdbenchProtocol#split} of the loaded
 *                 data set (image data sets, whose protocol draws its anomalies per seed or uses a test split)
 */
public record DatasetSource(String name, String origin, Supplier<Dataset> loader, Supplier<DatasetSize> sizer,
                            Splitter splitter) {

    /** How a data set with its own protocol splits for a setting and a seed. */
    @FunctionalInterface
    public interface Splitter {
        Split split(Setting setting, long seed);
    }

    /** A data set split by {@link AdbenchProtocol#split}. */
    public DatasetSource(String name, String origin, Supplier<Dataset> loader, Supplier<DatasetSize> sizer) {
        this(name, origin, loader, sizer, null);
    }

    public Dataset load() {
        return loader.get();
    }

    /** The size without loading; throws, as loading would, when the file cannot be read. */
    public DatasetSize size() {
        return sizer.get();
    }
}
