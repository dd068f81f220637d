package dtad.image;

import dtad.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The four IDX files of the MNIST family (MNIST, Fashion-MNIST, KMNIST), named as their publishers name them,
 * each plain or gzipped ({@code .gz}): {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}. Read into a training and a test
 * {@link ImageSet} of 1-channel images with class ids.
 *
 * <p>Fashion-MNIST (Xiao, Rasul and Vollgraf, Zalando Research, 2017; MIT licence): 60,000 training and 10,000
 * test images of 28 x 28 gray pixels, 10 classes of 6,000 training and 1,000 test images each. Debian ships it
 * as the package {@code dataset-fashion-mnist} in {@link #DEBIAN_FASHION_MNIST}; the same four gzipped files
 * come from the project's repository, {@code github.com/zalandoresearch/fashion-mnist}, folder
 * {@code data/fashion}.
 */
public final class MnistFiles {
    /** Where Debian's package {@code dataset-fashion-mnist} installs the four gzipped files. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    /** Fashion-MNIST's class names, by class id 0 to 9. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** The four files' names without {@code .gz}: training images and labels, test images and labels. */
    public static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private MnistFiles() {
    }

    /** Reads Fashion-MNIST from a folder with its four files; the sets are named {@code FashionMNIST}. */
    public static ImageSplit readFashionMnist(Path dir, ImageOptions options) {
        return read(dir, "FashionMNIST", FASHION_MNIST_CLASSES, options);
    }

    /**
     * Reads the four files of {@code dir} as data set {@code name} whose class ids name {@code classNames}
     * ({@code null}: the ids as text, {@code "0"} to the largest). A missing file, a class id without a name
     * and a label count that differs from the image count are refused, naming the file.
     */
    public static ImageSplit read(Path dir, String name, List<String> classNames, ImageOptions options) {
        ImageSet train = read(dir, FILES.get(0), FILES.get(1), name, classNames, options);
        ImageSet test = read(dir, FILES.get(2), FILES.get(3), name, classNames == null ? train.classNames()
                : classNames, options);
        return new ImageSplit(train, test);
    }

    /** Whether {@code dir} holds all four files (plain or gzipped). */
    public static boolean present(Path dir) {
        return FILES.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f + ".gz"))
                || Files.isRegularFile(dir.resolve(f)));
    }

    private static ImageSet read(Path dir, String imagesFile, String labelsFile, String name, List<String> classNames,
                                 ImageOptions options) {
        Path imagesPath = find(dir, imagesFile);
        Path labelsPath = find(dir, labelsFile);
        ImageSet images = IdxReader.readImages(imagesPath, options);
        int[] classes = IdxReader.readLabels(labelsPath);
        if (classes.length != images.size()) {
            throw new InputException(labelsPath + ": " + classes.length + " labels for the " + images.size()
                    + " images of " + images.source());
        }
        List<String> names = classNames;
        if (names == null) {
            int max = IntStream.of(classes).max().orElse(0);
            names = IntStream.rangeClosed(0, max).mapToObj(Integer::toString).toList();
        }
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] >= names.size()) {
                throw new InputException(labelsPath + ": label " + classes[i] + " of image " + i
                        + " (counting from 0) is not a class id of " + name + " (0 to " + (names.size() - 1) + ")");
            }
        }
        return images.withClasses(classes, names).withName(name);
    }

    /** The file {@code base.gz} or {@code base} in {@code dir}, or a refusal naming both. */
    private static Path find(Path dir, String base) {
        Path gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = dir.resolve(base);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new InputException(dir + ": no file " + base + ".gz or " + base + " (the MNIST-family files are "
                + String.join(", ", FILES) + ", each plain or .gz)");
    }
}
