package dtad.image;

import dtad.InputException;
import dtad.data.Dataset;
import dtad.data.Matrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A set of images of one {@link ImageShape}: one row of {@link ImageShape#values()} pixels per image, in
 * (channel, row, column) order, so tabular detectors take {@link #toDataset()} (the flattened pixels) and
 * image detectors reshape the same rows into their grid.
 *
 * <p>Scaling: 8-bit pixels (PNG, JPEG, BMP, GIF, IDX, {@code uint8} arrays) are divided by 255 and 16-bit
 * pixels by 65535, so they lie in [0, 1]; floating-point arrays are kept as stored (the readers refuse NaN and
 * infinite values).
 *
 * <p>The matrix and arrays are shared, not copied: treat them as read-only.
 *
 * @param name       a short name, e.g. the folder or file name, {@code FashionMNIST_3}
 * @param shape      the shape of every image
 * @param pixels     one row per image, {@code shape.values()} columns
 * @param labels     one 0/1 label per image (1 = anomaly), or {@code null}
 * @param classes    one class id per image, an index into {@code classNames}, or {@code null}
 * @param classNames the names of the class ids (e.g. the subfolders), or {@code null} without classes
 * @param files      the file each image was read from (for per-file outputs), or {@code null} when the images
 *                   came from one array file ({@code origin})
 * @param origin     the file or folder the images were read from, for messages; may be {@code null}
 */
public record ImageSet(String name, ImageShape shape, Matrix pixels, int[] labels, int[] classes,
                       List<String> classNames, List<Path> files, Path origin) {

    public ImageSet {
        if (pixels.columns() != shape.values()) {
            throw new IllegalArgumentException(name + ": " + pixels.columns() + " values per row for images of shape "
                    + shape + " (" + shape.values() + " values)");
        }
        int n = pixels.rows();
        if (labels != null && labels.length != n) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + n + " images");
        }
        if ((classes == null) != (classNames == null)) {
            throw new IllegalArgumentException(name + ": class ids and class names go together");
        }
        if (classes != null) {
            if (classes.length != n) {
                throw new IllegalArgumentException(name + ": " + classes.length + " class ids for " + n + " images");
            }
            for (int c : classes) {
                if (c < 0 || c >= classNames.size()) {
                    throw new IllegalArgumentException(name + ": class id " + c + " outside [0, "
                            + classNames.size() + ")");
                }
            }
            classNames = List.copyOf(classNames);
        }
        if (files != null) {
            if (files.size() != n) {
                throw new IllegalArgumentException(name + ": " + files.size() + " files for " + n + " images");
            }
            files = List.copyOf(files);
        }
    }

    /** Images without labels or classes, read from one array file (or made in memory when {@code origin} is null). */
    public static ImageSet of(String name, ImageShape shape, Matrix pixels, Path origin) {
        return new ImageSet(name, shape, pixels, null, null, null, null, origin);
    }

    /** The number of images. */
    public int size() {
        return pixels.rows();
    }

    public boolean hasLabels() {
        return labels != null;
    }

    public boolean hasClasses() {
        return classes != null;
    }

    /** The flattened pixels and labels as a tabular data set: one row per image, one column per pixel value. */
    public Dataset toDataset() {
        return new Dataset(name, pixels, labels);
    }

    /** How messages name image {@code i}: its file, or the origin and the image's index (from 0). */
    public String source(int i) {
        if (files != null) {
            return files.get(i).toString();
        }
        return (origin == null ? name : origin.toString()) + " (image " + i + ", counting from 0)";
    }

    /** How messages name the whole set: its origin, or its name. */
    public String source() {
        return origin == null ? name : origin.toString();
    }

    /** The same images under another name. */
    public ImageSet withName(String newName) {
        return new ImageSet(newName, shape, pixels, labels, classes, classNames, files, origin);
    }

    /** The same images with these 0/1 labels (1 = anomaly). */
    public ImageSet withLabels(int[] newLabels) {
        for (int i = 0; i < newLabels.length; i++) {
            if (newLabels[i] != 0 && newLabels[i] != 1) {
                throw new IllegalArgumentException(name + ": label " + newLabels[i] + " of image " + i
                        + "; labels must be 0 (normal) or 1 (anomaly)");
            }
        }
        return new ImageSet(name, shape, pixels, newLabels, classes, classNames, files, origin);
    }

    /** The same images with these class ids, indices into {@code names}. */
    public ImageSet withClasses(int[] newClasses, List<String> names) {
        return new ImageSet(name, shape, pixels, labels, newClasses, names, files, origin);
    }

    /** Labels 1 for every image whose class is not {@code normalClass}, 0 for the images of that class. */
    public ImageSet labelledNormalClass(int normalClass) {
        requireClass(normalClass);
        int[] newLabels = new int[size()];
        for (int i = 0; i < newLabels.length; i++) {
            newLabels[i] = classes[i] == normalClass ? 0 : 1;
        }
        return withLabels(newLabels);
    }

    /** The indices of the images of class {@code classId}, in order. */
    public int[] indicesOfClass(int classId) {
        requireClass(classId);
        return IntStream.range(0, size()).filter(i -> classes[i] == classId).toArray();
    }

    /** A new set with the given images, in the given order (repeats allowed), with their labels, classes, files. */
    public ImageSet select(int[] rows) {
        return new ImageSet(name, shape, pixels.selectRows(rows), pick(labels, rows), pick(classes, rows),
                classNames, files == null ? null : pick(files, rows), origin);
    }

    /**
     * Refuses these images for a model fitted on images of shape {@code fitted}: a different channel count or
     * size is a one-line {@link InputException} naming the images and both shapes.
     */
    public void requireShape(ImageShape fitted) {
        if (!shape.equals(fitted)) {
            String what = shape.channels() != fitted.channels()
                    ? shape.channels() + " channel(s), the model was fitted on " + fitted.channels()
                    : "size " + shape.height() + "x" + shape.width() + ", the model was fitted on "
                    + fitted.height() + "x" + fitted.width();
            throw new InputException(source() + ": images of shape " + shape + " have " + what
                    + " (shape " + fitted + "); convert them with the channels and size options");
        }
    }

    private void requireClass(int classId) {
        if (classes == null) {
            throw new IllegalArgumentException(name + ": the images have no classes");
        }
        if (classId < 0 || classId >= classNames.size()) {
            throw new IllegalArgumentException(name + ": no class " + classId + "; classes 0 to "
                    + (classNames.size() - 1) + ": " + classNames);
        }
    }

    private static int[] pick(int[] values, int[] rows) {
        if (values == null) {
            return null;
        }
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static List<Path> pick(List<Path> values, int[] rows) {
        List<Path> out = new ArrayList<>(rows.length);
        for (int row : rows) {
            out.add(values.get(row));
        }
        return out;
    }

    @Override
    public String toString() {
        return "ImageSet[" + name + ", " + size() + " images of " + shape
                + (labels == null ? "" : ", " + Arrays.stream(labels).sum() + " anomalies")
                + (classNames == null ? "" : ", " + classNames.size() + " classes") + "]";
    }
}
