package dtad.cli;

import dtad.data.Matrix;
import dtad.image.ImageOptions;
import dtad.image.ImageSet;
import dtad.image.ImageShape;
import dtad.image.ImageSources;
import dtad.image.MvtecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Images as fit and score read them from a path, with what the command line derives from the layout:
 * <ul>
 *   <li>an MVTec-AD category ({@code DIR/train/good/}, {@code DIR/test/<class>/}, {@code DIR/ground_truth/}):
 *       fit reads {@code train/good}, score reads {@code test} with labels ({@code good} = normal, every other
 *       folder = anomaly) and the defect masks;</li>
 *   <li>a folder with class subfolders: a subfolder named {@code good} holds the normal images and the others
 *       anomalies, which gives the labels for AUC (without a {@code good} subfolder there are no labels);</li>
 *   <li>a flat folder, or an IDX image file: images without labels.</li>
 * </ul>
 *
 * @param images the images, in the reader's sorted order
 * @param root   the folder the images' relative names start from (the scored folder), or {@code null} for an IDX file
 * @param masks  one defect mask per image (MVTec-AD), or {@code null}
 */
record ImageData(ImageSet images, Path root, Matrix masks, ImageShape maskShape) {

    /** Reads training images: an MVTec-AD category's {@code train/good}, else the whole source. */
    static ImageData forFit(Path source, ImageOptions options) {
        if (isMvtecCategory(source)) {
            Path good = source.resolve("train").resolve(MvtecReader.GOOD);
            return new ImageData(ImageSources.read(good, options), good, null, null);
        }
        return new ImageData(ImageSources.read(source, options), Files.isDirectory(source) ? source : null, null, null);
    }

    /** Reads images to score, labelled where the layout says which are normal (see the type's comment). */
    static ImageData forScore(Path source, ImageOptions options) {
        if (isMvtecCategory(source)) {
            MvtecReader.Category category = MvtecReader.read(source, options);
            return new ImageData(category.split().test(), source.resolve("test"), category.masks(), category.maskShape());
        }
        ImageSet images = ImageSources.read(source, options);
        if (images.hasClasses() && !images.hasLabels()) {
            int good = images.classNames().indexOf(MvtecReader.GOOD);
            if (good >= 0) {
                images = images.labelledNormalClass(good);
            }
        }
        return new ImageData(images, Files.isDirectory(source) ? source : null, null, null);
    }

    /** Whether {@code dir} is laid out as an MVTec-AD category (train/good and test folders). */
    static boolean isMvtecCategory(Path dir) {
        return Files.isDirectory(dir.resolve("train").resolve(MvtecReader.GOOD)) && Files.isDirectory(dir.resolve("test"));
    }

    /** Each image's file relative to {@code base} with '/' separators, or {@code null} for images from one file. */
    List<String> relativeNames(Path base) {
        if (images.files() == null || base == null) {
            return null;
        }
        List<String> names = new ArrayList<>(images.size());
        for (Path file : images.files()) {
            names.add(base.relativize(file).toString().replace('\\', '/'));
        }
        return names;
    }
}
