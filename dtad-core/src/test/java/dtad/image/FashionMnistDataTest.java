package dtad.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reads the real Fashion-MNIST files (system property {@code dtad.fashion-mnist.dir}, default
 * {@link MnistFiles#DEBIAN_FASHION_MNIST}, where Debian's package {@code dataset-fashion-mnist} installs them);
 * skipped with a message when they are absent. The same code is tested on generated files by {@link MnistFilesTest}.
 */
class FashionMnistDataTest {

    @Test
    void readsSixtyThousandTrainingAndTenThousandTestImagesOfTenBalancedClasses() {
        Path dir = Path.of(System.getProperty("dtad.fashion-mnist.dir", MnistFiles.DEBIAN_FASHION_MNIST.toString()));
        Assumptions.assumeTrue(MnistFiles.present(dir), "Fashion-MNIST not found in " + dir
                + " (apt-get install dataset-fashion-mnist, or set -Ddtad.fashion-mnist.dir): skipping");
        ImageSplit data = MnistFiles.readFashionMnist(dir, ImageOptions.DEFAULT);
        assertEquals(new ImageShape(1, 28, 28), data.train().shape());
        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        for (int k = 0; k < 10; k++) {
            assertEquals(6_000, data.train().indicesOfClass(k).length, "training images of class " + k);
            assertEquals(1_000, data.test().indicesOfClass(k).length, "test images of class " + k);
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : data.train().pixels().values()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0.0, min);
        assertEquals(1.0, max);
        // The first training image is an ankle boot (class 9), the first test image too (the dataset's README).
        assertEquals(9, data.train().classes()[0]);
        assertEquals(9, data.test().classes()[0]);
        ImageSplit oneClass = ImageSplit.oneClass(data, 0);
        assertEquals(6_000, oneClass.train().size());
        assertEquals(9_000, oneClass.test().toDataset().anomalies());
    }
}
