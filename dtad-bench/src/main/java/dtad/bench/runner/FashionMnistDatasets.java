package dtad.bench.runner;

import dtad.bench.protocol.AdbenchImageProtocol;
import dtad.bench.protocol.Setting;
import dtad.bench.protocol.Split;
import dtad.image.ImageOptions;
import dtad.image.ImageSet;
import dtad.image.ImageShape;
import dtad.image.ImageSplit;
import dtad.image.MnistFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The benchmark's image data sets {@code FashionMNIST_k} from a folder with the four Fashion-MNIST IDX files
 * (e.g. Debian's {@link MnistFiles#DEBIAN_FASHION_MNIST}): class {@code k} normal, read once for all of them.
 * <ul>
 *   <li>{@code semi} and {@code unsup}: ADBench's image convention on the training split
 *       ({@link AdbenchImageProtocol#split}: the other classes drawn down to 5% anomalies with the cell's
 *       seed, then the protocol split of the setting);</li>
 *   <li>{@code one-class}: the training split's images of class {@code k} to train, the whole test split to
 *       test ({@link ImageSplit#oneClass}), the same for every seed.</li>
 * </ul>
 * The rows are the flattened pixels in [0, 1].
 */
public final class FashionMnistDatasets {
    private final Path dir;
    private ImageSplit images;

    private FashionMnistDatasets(Path dir) {
        this.dir = dir;
    }

    /** Whether {@code dir} holds the four Fashion-MNIST files (plain or gzipped). */
    public static boolean present(Path dir) {
        return MnistFiles.present(dir);
    }

    /** The data sets of {@code dir}, one per class with training images, read when first used. */
    public static FashionMnistDatasets in(Path dir) {
        return new FashionMnistDatasets(dir);
    }

    /** The shape of the images (reads the files). */
    public ImageShape shape() {
        return images().train().shape();
    }

    /** A catalog of {@code FashionMNIST_k} for every class with training images. */
    public DatasetCatalog catalog() {
        ImageSet train = images().train();
        List<DatasetSource> sources = new ArrayList<>();
        for (int k = 0; k < train.classNames().size(); k++) {
            int normalClass = k;
            int normals = (int) IntStream.of(train.classes()).filter(c -> c == normalClass).count();
            if (normals == 0) {
                continue;
            }
            int anomalies = normals / AdbenchImageProtocol.NORMALS_PER_ANOMALY;
            sources.add(new DatasetSource(train.name() + "_" + k, dir.toString(),
                    () -> AdbenchImageProtocol.dataset(images().train(), normalClass, 0).toDataset(),
                    () -> DatasetSize.of(normals + anomalies, anomalies),
                    (setting, seed) -> split(normalClass, setting, seed)));
        }
        return DatasetCatalog.of(sources);
    }

    private Split split(int normalClass, Setting setting, long seed) {
        ImageSplit split = setting == Setting.ONE_CLASS ? ImageSplit.oneClass(images(), normalClass)
                : AdbenchImageProtocol.split(images().train(), normalClass, setting, seed);
        return new Split(split.train().pixels(), split.test().pixels(), split.test().labels());
    }

    private synchronized ImageSplit images() {
        if (images == null) {
            images = MnistFiles.readFashionMnist(dir, ImageOptions.DEFAULT);
        }
        return images;
    }
}
