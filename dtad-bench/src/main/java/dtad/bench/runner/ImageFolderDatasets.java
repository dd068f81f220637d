package dtad.bench.runner;

import dtad.InputException;
import dtad.bench.protocol.AdbenchImageProtocol;
import dtad.bench.protocol.Setting;
import dtad.bench.protocol.Split;
import dtad.bench.protocol.TestImages;
import dtad.image.ImageFiles;
import dtad.image.ImageFolderReader;
import dtad.image.ImageOptions;
import dtad.image.ImageShape;
import dtad.image.ImageSplit;
import dtad.image.MvtecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The benchmark's data sets from folders of images, in two layouts:
 * <ul>
 *   <li>MVTec-AD categories ({@code train/good/}, {@code test/good/}, {@code test/<defect>/},
 *       {@code ground_truth/<defect>/<name>_mask.png}; {@link MvtecReader}): the folder itself, or each
 *       category folder in it (the published MVTec-AD root). One data set per category, named after its folder,
 *       {@code one-class} only: train on {@code train/good}, test on {@code test} (good = 0, a defect = 1), with
 *       the masks, so that detectors with anomaly maps also get pixel-level metrics;</li>
 *   <li>a folder split into classes ({@code train/<class>/*.png} and {@code test/<class>/*.png};
 *       {@link ImageFolderReader#readSplit}): one data set {@code <folder>_<class>} per class, the class normal,
 *       as {@link FashionMnistDatasets} does for Fashion-MNIST's ten: {@code one-class} trains on the training
 *       images of the class and tests on the whole test split; {@code semi} and {@code unsup} follow ADBench's
 *       image convention on the training split.</li>
 * </ul>
 * Images are read when a cell needs them (each category or split once per process), as they are stored: all
 * must have one shape.
 */
public final class ImageFolderDatasets {
    private final Path dir;
    private final List<Path> categories;

    private ImageFolderDatasets(Path dir, List<Path> categories) {
        this.dir = dir;
        this.categories = categories;
    }

    /** Whether {@code dir} holds image data in one of the layouts above. */
    public static boolean present(Path dir) {
        return Files.isDirectory(dir) && (isMvtecCategory(dir) || isClassSplit(dir) || !categoriesIn(dir).isEmpty());
    }

    /** The data sets of {@code dir}, which must be {@link #present}. */
    public static ImageFolderDatasets in(Path dir) {
        if (isMvtecCategory(dir)) {
            return new ImageFolderDatasets(dir, List.of(dir));
        }
        if (isClassSplit(dir)) {
            return new ImageFolderDatasets(dir, List.of());
        }
        List<Path> found = categoriesIn(dir);
        if (found.isEmpty()) {
            throw new InputException(dir + ": no image data (an MVTec-AD category with train/good/ and test/, a "
                    + "folder of such categories, or train/<class>/ and test/<class>/ folders)");
        }
        return new ImageFolderDatasets(dir, found);
    }

    /** An MVTec-AD category: {@code train/} holds only {@code good/}, and there is a {@code test/} folder. */
    static boolean isMvtecCategory(Path dir) {
        Path train = dir.resolve("train");
        return Files.isDirectory(train.resolve(MvtecReader.GOOD)) && Files.isDirectory(dir.resolve("test"))
                && visibleFolders(train).size() == 1;
    }

    /** A folder split into classes: {@code train/} with two or more class folders, and a {@code test/} folder. */
    static boolean isClassSplit(Path dir) {
        Path train = dir.resolve("train");
        return Files.isDirectory(train) && Files.isDirectory(dir.resolve("test")) && visibleFolders(train).size() >= 2;
    }

    private static List<Path> categoriesIn(Path dir) {
        return visibleFolders(dir).stream().filter(ImageFolderDatasets::isMvtecCategory).toList();
    }

    private static List<Path> visibleFolders(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> !p.getFileName().toString().startsWith(".") && Files.isDirectory(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the data sets are MVTec-AD categories (one-class only), rather than classes of a split folder. */
    public boolean mvtec() {
        return !categories.isEmpty();
    }

    /** The catalog of the data sets. */
    public DatasetCatalog catalog() {
        return mvtec() ? mvtecCatalog() : splitCatalog();
    }

    /** The shape of the images of the data sets named (comma-separated, or all), from one image file of each. */
    public ImageShape shape(List<DatasetSource> selected) {
        ImageShape shape = null;
        String first = null;
        for (DatasetSource source : selected) {
            Path file = firstImage(Path.of(source.origin()).resolve("train"));
            ImageShape s = ImageFiles.read(file).shape();
            if (shape == null) {
                shape = s;
                first = source.name();
            } else if (!shape.equals(s)) {
                throw new InputException(file + ": images of " + s + ", but those of " + first + " are " + shape
                        + "; benchmark data sets of one image shape together (--datasets)");
            }
        }
        return shape;
    }

    private DatasetCatalog mvtecCatalog() {
        List<DatasetSource> sources = new ArrayList<>();
        for (Path category : categories) {
            String name = category.toAbsolutePath().normalize().getFileName().toString();
            Supplier<MvtecReader.Category> images = memoized(() -> MvtecReader.read(category, ImageOptions.DEFAULT));
            sources.add(new DatasetSource(name, category.toString(),
                    () -> images.get().split().test().toDataset(),
                    () -> {
                        int train = imageCount(category.resolve("train").resolve(MvtecReader.GOOD));
                        int good = imageCount(category.resolve("test").resolve(MvtecReader.GOOD));
                        int test = imageCount(category.resolve("test"));
                        return DatasetSize.of(train + test - good, test - good);
                    },
                    (setting, seed) -> mvtecSplit(category, images.get(), setting)));
        }
        return DatasetCatalog.of(sources);
    }

    private static Split mvtecSplit(Path category, MvtecReader.Category images, Setting setting) {
        if (setting != Setting.ONE_CLASS) {
            throw new InputException(category + ": an MVTec-AD category is benchmarked with --setting one-class "
                    + "(train on train/good, test on test/), not " + setting.text());
        }
        ImageSplit split = images.split();
        return new Split(split.train().pixels(), split.test().pixels(), split.test().labels(),
                new TestImages(split.test(), images.masks()));
    }

    private DatasetCatalog splitCatalog() {
        Supplier<ImageSplit> images = memoized(() -> ImageFolderReader.readSplit(dir, ImageOptions.DEFAULT));
        String folder = dir.toAbsolutePath().normalize().getFileName().toString();
        List<DatasetSource> sources = new ArrayList<>();
        List<Path> classes = visibleFolders(dir.resolve("train"));
        for (int k = 0; k < classes.size(); k++) {
            int normalClass = k;
            Path classDir = classes.get(k);
            String name = folder + "_" + classDir.getFileName();
            sources.add(new DatasetSource(name, dir.toString(),
                    () -> AdbenchImageProtocol.dataset(images.get().train(), normalClass, 0).toDataset(),
                    () -> {
                        int normals = imageCount(classDir);
                        int anomalies = normals / AdbenchImageProtocol.NORMALS_PER_ANOMALY;
                        return DatasetSize.of(normals + anomalies, anomalies);
                    },
                    (setting, seed) -> {
                        ImageSplit split = setting == Setting.ONE_CLASS
                                ? ImageSplit.oneClass(images.get(), normalClass)
                                : AdbenchImageProtocol.split(images.get().train(), normalClass, setting, seed);
                        return new Split(split.train().pixels(), split.test().pixels(), split.test().labels());
                    }));
        }
        return DatasetCatalog.of(sources);
    }

    /** The first image file under {@code dir} (its first class folder for a split), to tell the shape. */
    private static Path firstImage(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> Files.isRegularFile(p) && ImageFiles.isImageName(p)
                            && !p.getFileName().toString().startsWith(".")).sorted().findFirst()
                    .orElseThrow(() -> new InputException(dir + ": no image files"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int imageCount(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return (int) files.filter(p -> Files.isRegularFile(p) && ImageFiles.isImageName(p)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> Supplier<T> memoized(Supplier<T> read) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }
}
