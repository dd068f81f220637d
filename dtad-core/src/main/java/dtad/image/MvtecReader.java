package dtad.image;

import dtad.InputException;
import dtad.data.Matrix;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one category of the MVTec anomaly detection data set (Bergmann et al., "MVTec AD", CVPR 2019), laid out
 * as it is published:
 * <pre>
 * CATEGORY/train/good/*.png               normal training images
 * CATEGORY/test/good/*.png                normal test images
 * CATEGORY/test/DEFECT/*.png              anomalous test images, one folder per defect type
 * CATEGORY/ground_truth/DEFECT/NAME_mask.png   the defect's pixels (white) of test/DEFECT/NAME.png
 * </pre>
 * The test images carry labels (0 for {@code good}, 1 for a defect) and their folder as class; each has a mask,
 * all zeros for a good image. Masks have one channel, the test images' size, values in [0, 1]; after resizing
 * (same filter as the images) edge pixels hold fractions, so threshold at 0.5 for a binary mask.
 *
 * <p>Refused with one line naming the path: a missing {@code train/good/} or {@code test/good/}, another folder
 * in {@code train/}, a defect folder without its {@code ground_truth/} folder or an image without its mask, a
 * mask whose size differs from its image's, and everything {@link ImageFolderReader} refuses.
 */
public final class MvtecReader {
    /** The folder name of the normal images. */
    public static final String GOOD = "good";

    private MvtecReader() {
    }

    /**
     * A category's images and masks.
     *
     * @param split     training images (all normal) and test images (labels and defect classes)
     * @param masks     one row per test image, {@code maskShape.values()} values in [0, 1]
     * @param maskShape {@code 1 x height x width} of the test images
     */
    public record Category(ImageSplit split, Matrix masks, ImageShape maskShape) {
        public Category {
            if (masks.rows() != split.test().size() || masks.columns() != maskShape.values()) {
                throw new IllegalArgumentException(masks + " masks for " + split.test().size() + " test images of "
                        + maskShape);
            }
        }
    }

    /** Reads the category folder {@code dir}. */
    public static Category read(Path dir, ImageOptions options) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": MVTec-AD category folder not found");
        }
        String name = ImageFolderReader.folderName(dir);
        Path trainDir = dir.resolve("train");
        Path testDir = dir.resolve("test");
        requireFolder(trainDir.resolve(GOOD), "the normal training images");
        requireFolder(testDir.resolve(GOOD), "the normal test images");
        for (Path folder : ImageFolderReader.visible(trainDir)) {
            if (!folder.getFileName().toString().equals(GOOD)) {
                throw new InputException(folder + ": MVTec-AD training images are normal and lie in train/good/ only");
            }
        }
        ImageSet train = ImageFolderReader.read(trainDir.resolve(GOOD), options).withName(name);
        ImageSet test = ImageFolderReader.read(testDir, options).withName(name);
        if (!test.shape().equals(train.shape())) {
            throw new InputException(testDir + ": images of shape " + test.shape() + ", but the training images in "
                    + trainDir.resolve(GOOD) + " are " + train.shape() + "; convert both with the size option (--size)");
        }
        int good = test.classNames().indexOf(GOOD);
        int[] labels = new int[test.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = test.classes()[i] == good ? 0 : 1;
        }
        test = test.withLabels(labels);
        ImageShape maskShape = new ImageShape(1, test.shape().height(), test.shape().width());
        double[] masks = new double[Math.multiplyExact(test.size(), maskShape.values())];
        Path truth = dir.resolve("ground_truth");
        for (String defect : test.classNames()) {
            if (!defect.equals(GOOD) && !Files.isDirectory(truth.resolve(defect))) {
                throw new InputException(testDir.resolve(defect) + ": defect folder without masks (no folder "
                        + truth.resolve(defect) + ")");
            }
        }
        for (int i = 0; i < test.size(); i++) {
            if (labels[i] == 1) {
                Path image = test.files().get(i);
                String defect = test.classNames().get(test.classes()[i]);
                double[] mask = mask(truth.resolve(defect), image, maskShape);
                System.arraycopy(mask, 0, masks, i * maskShape.values(), maskShape.values());
            }
        }
        return new Category(new ImageSplit(train, test), Matrix.wrap(test.size(), maskShape.values(), masks), maskShape);
    }

    /** The mask of a defect image, checked against the image's size, in gray and resized to {@code shape}. */
    private static double[] mask(Path folder, Path image, ImageShape shape) {
        String fileName = image.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        Path file = folder.resolve(stem + "_mask.png");
        if (!Files.isRegularFile(file)) {
            throw new InputException(image + ": no mask " + file);
        }
        ImageFiles.Decoded mask = ImageFiles.read(file);
        int[] imageSize = ImageFiles.size(image);
        ImageShape read = mask.shape();
        if (read.height() != imageSize[0] || read.width() != imageSize[1]) {
            throw new InputException(file + ": mask of size " + read.height() + "x" + read.width()
                    + " for image " + image + " of size " + imageSize[0] + "x" + imageSize[1]);
        }
        ImageOptions toMask = new ImageOptions(shape.height(), shape.width(), 1, ArrayLayout.AUTO);
        return ImageConversion.apply(mask.values(), 0, read, toMask);
    }

    private static void requireFolder(Path folder, String what) {
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder + ": folder not found (" + what + " of an MVTec-AD category; layout: "
                    + "train/good/, test/good/, test/<defect>/, ground_truth/<defect>/<name>_mask.png)");
        }
    }
}
