package dtad.image;

import dtad.InputException;
import dtad.io.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a folder of image files (PNG, JPEG, BMP, GIF; see {@link ImageFiles}) in one of two layouts:
 * <ul>
 *   <li>flat: {@code DIR/*.png}, the images without classes;</li>
 *   <li>class per subfolder: {@code DIR/<class>/*.png}, the subfolder names as class names, class ids in
 *       the subfolders' sorted order.</li>
 * </ul>
 * Files are taken in the sorted order of their names (Java's string order, the same on every machine), so results
 * are reproducible; hidden files and folders (name starting with {@code .}) are skipped. Refused with one line
 * naming the path: a missing or empty folder (or class subfolder), a folder holding both images and subfolders,
 * a folder inside a class subfolder, a file that is not an image, an image that cannot be decoded, and, when
 * {@link ImageOptions} do not convert them, an image whose size or channel count differs from the first one.
 */
public final class ImageFolderReader {
    private ImageFolderReader() {
    }

    /** Reads a flat or class-per-subfolder folder of images. */
    public static ImageSet read(Path dir, ImageOptions options) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + (Files.exists(dir) ? ": is a file, not a folder of images" : ": folder not found"));
        }
        List<Path> entries = visible(dir);
        List<Path> folders = entries.stream().filter(Files::isDirectory).toList();
        List<Path> files = entries.stream().filter(p -> !Files.isDirectory(p)).toList();
        if (entries.isEmpty()) {
            throw new InputException(dir + ": no images (the folder is empty or holds only hidden files)");
        }
        if (!folders.isEmpty() && !files.isEmpty()) {
            throw new InputException(dir + ": holds both files (" + files.get(0).getFileName() + ") and subfolders ("
                    + folders.get(0).getFileName() + "); use a flat folder of images or one subfolder of images per class");
        }
        ImageStack stack = new ImageStack(options);
        List<Path> read = new ArrayList<>();
        String name = folderName(dir);
        if (folders.isEmpty()) {
            addAll(stack, files, read);
            return new ImageSet(name, stack.shape(), stack.toMatrix(), null, null, null, read, dir);
        }
        List<String> classNames = new ArrayList<>();
        List<Integer> classIds = new ArrayList<>();
        for (Path folder : folders) {
            List<Path> images = visible(folder);
            if (images.isEmpty()) {
                throw new InputException(folder + ": no images in class folder '"
                        + Messages.clip(folder.getFileName().toString()) + "'");
            }
            for (Path image : images) {
                if (Files.isDirectory(image)) {
                    throw new InputException(image + ": a folder inside class folder '"
                            + Messages.clip(folder.getFileName().toString()) + "'; a class folder holds only images");
                }
            }
            addAll(stack, images, read);
            for (int i = 0; i < images.size(); i++) {
                classIds.add(classNames.size());
            }
            classNames.add(folder.getFileName().toString());
        }
        int[] classes = classIds.stream().mapToInt(Integer::intValue).toArray();
        return new ImageSet(name, stack.shape(), stack.toMatrix(), null, classes, classNames, read, dir);
    }

    /**
     * Reads a labelled image data set split into {@code DIR/train/<class>/*} and {@code DIR/test/<class>/*}: the
     * classes are the training split's subfolders, and every test class must be one of them (its id is the
     * training id of the same name). Both splits must end up with the same image shape.
     */
    public static ImageSplit readSplit(Path dir, ImageOptions options) {
        Path trainDir = dir.resolve("train");
        Path testDir = dir.resolve("test");
        for (Path part : new Path[] {trainDir, testDir}) {
            if (!Files.isDirectory(part)) {
                throw new InputException(dir + ": no folder " + part.getFileName() + "/ (a split image data set holds "
                        + "train/<class>/ and test/<class>/ folders of images)");
            }
        }
        String name = folderName(dir);
        ImageSet train = read(trainDir, options).withName(name);
        ImageSet test = read(testDir, options).withName(name);
        for (ImageSet part : List.of(train, test)) {
            if (!part.hasClasses()) {
                throw new InputException(part.source() + ": holds images directly; a split image data set has one "
                        + "subfolder of images per class");
            }
        }
        if (!test.shape().equals(train.shape())) {
            throw new InputException(testDir + ": images of shape " + test.shape() + " (channels x height x width), "
                    + "but the training images " + trainDir + " are " + train.shape()
                    + "; convert both with the size and channels options (--size, --channels)");
        }
        int[] classes = new int[test.size()];
        for (int i = 0; i < classes.length; i++) {
            String className = test.classNames().get(test.classes()[i]);
            classes[i] = train.classNames().indexOf(className);
            if (classes[i] < 0) {
                throw new InputException(testDir.resolve(className) + ": class '" + Messages.clip(className)
                        + "' has no training images (training classes: " + String.join(", ", train.classNames()) + ")");
            }
        }
        return new ImageSplit(train, test.withClasses(classes, train.classNames()));
    }

    private static void addAll(ImageStack stack, List<Path> files, List<Path> read) {
        for (Path file : files) {
            if (!ImageFiles.isImageName(file)) {
                throw new InputException(file + ": not an image file (expected "
                        + String.join(", ", ImageFiles.EXTENSIONS) + ")");
            }
            ImageFiles.Decoded image = ImageFiles.read(file);
            if (stack.rows() == 0) {
                stack.expect(files.size(), image.shape());
            }
            stack.add(file.toString(), image.shape(), image.values(), 0);
            read.add(file);
        }
    }

    /** A folder's own name (dots and all), the name of the image set read from it. */
    static String folderName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    /** The entries of a folder that are not hidden, sorted by name. */
    static List<Path> visible(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list the folder: " + Messages.of(e), e);
        }
    }
}
