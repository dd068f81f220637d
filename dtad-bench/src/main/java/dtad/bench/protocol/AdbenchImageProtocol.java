package dtad.bench.protocol;

import dtad.InputException;
import dtad.bench.random.NumpyRandomState;
import dtad.image.ImageSet;
import dtad.image.ImageSplit;
import java.util.Arrays;

/**
 * ADBench's convention for a labelled image data set with classes (Han et al., "ADBench: Anomaly Detection
 * Benchmark", NeurIPS 2022, section 3.2: "we set one of the multi-classes as normal, downsample the remaining
 * classes to 5% of the total instances as anomalies"), then the semi-supervised split of {@link AdbenchProtocol}.
 *
 * <p>Data set {@code <name>_<k>}: every image of class {@code k} is normal; {@code floor(normals / 19)} images
 * drawn without replacement from the other classes are the anomalies (5% of the total, rounded down); the images
 * keep their order in the source. ADBench took the images from the training split: its files agree with this rule
 * ({@code CIFAR10_0}: 5,000 normal + 263 anomalies; {@code SVHN_0}: 4,948 + 260; {@code SVHN_8}: 5,045 + 265;
 * Fashion-MNIST's {@code FashionMNIST_k}: 6,000 + 315 = 6,315 rows). ADBench drew its anomalies in a notebook
 * whose random draws are not published, so the anomalies chosen here are others than in its files: the draw is
 * numpy's legacy {@code RandomState(seed).choice(n_other, count, replace=False)} over the other classes' images
 * in order.
 */
public final class AdbenchImageProtocol {
    /** The anomalies per normal image: 1/19, so that the anomalies are 5% of all images. */
    public static final int NORMALS_PER_ANOMALY = 19;

    private AdbenchImageProtocol() {
    }

    /**
     * The data set {@code <name>_<normalClass>} of {@code images} (in ADBench, the training split): class
     * {@code normalClass} normal (label 0), a seeded sample of the other classes as anomalies (label 1).
     *
     * @param seed numpy's seed, in {@code [0, 2^32 - 1]}
     */
    public static ImageSet dataset(ImageSet images, int normalClass, long seed) {
        if (!images.hasClasses()) {
            throw new InputException(images.source() + ": the images have no classes; ADBench's image convention "
                    + "needs one class per image");
        }
        if (seed < 0 || seed > NumpyRandomState.MAX_SEED) {
            throw new IllegalArgumentException("Invalid seed: " + seed + " (numpy seeds lie in [0, 2^32 - 1])");
        }
        int[] normal = images.indicesOfClass(normalClass);
        int[] other = new int[images.size() - normal.length];
        int o = 0;
        for (int i = 0; i < images.size(); i++) {
            if (images.classes()[i] != normalClass) {
                other[o++] = i;
            }
        }
        int anomalies = normal.length / NORMALS_PER_ANOMALY;
        if (anomalies == 0 || other.length < anomalies) {
            throw new InputException(images.source() + ": class " + normalClass + " has " + normal.length
                    + " images and the other classes " + other.length + "; ADBench's convention needs at least "
                    + NORMALS_PER_ANOMALY + " normal images and one anomaly per " + NORMALS_PER_ANOMALY);
        }
        int[] drawn = new NumpyRandomState(seed).choice(other.length, anomalies, false);
        int[] rows = new int[normal.length + anomalies];
        System.arraycopy(normal, 0, rows, 0, normal.length);
        for (int i = 0; i < anomalies; i++) {
            rows[normal.length + i] = other[drawn[i]];
        }
        Arrays.sort(rows);
        ImageSet selected = images.select(rows);
        return selected.labelledNormalClass(normalClass).withName(images.name() + "_" + normalClass);
    }

    /**
     * The data set of {@link #dataset} split by {@link AdbenchProtocol#rows} in {@code setting} for {@code seed}:
     * in {@code SEMI}, the first half of the normal images to train, the other half and every anomaly to test.
     */
    public static ImageSplit split(ImageSet images, int normalClass, Setting setting, long seed) {
        ImageSet data = dataset(images, normalClass, seed);
        AdbenchProtocol.Rows rows = AdbenchProtocol.rows(data.labels(), setting, seed);
        return new ImageSplit(data.select(rows.train()), data.select(rows.test()));
    }
}
