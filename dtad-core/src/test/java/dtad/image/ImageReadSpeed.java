package dtad.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How long reading images takes (a benchmark to run by hand, not a test): the first read in a fresh JVM (cold:
 * class loading and JIT included) and the median of the next 5 (warm).
 *
 * <pre>
 * mvn -q -o test-compile -pl dtad-core
 * java -Xmx4g -cp dtad-core/target/classes:dtad-core/target/test-classes dtad.image.ImageReadSpeed [FASHION_MNIST_DIR]
 * </pre>
 *
 * It reads Fashion-MNIST (default: Debian's folder; skipped when absent) and a generated folder of 2,000 RGB
 * PNG files of 64 x 64, as they are and resized to 32 x 32 gray.
 */
public final class ImageReadSpeed {
    private ImageReadSpeed() {
    }

    public static void main(String[] args) throws IOException {
        Path fashion = args.length > 0 ? Path.of(args[0]) : MnistFiles.DEBIAN_FASHION_MNIST;
        if (MnistFiles.present(fashion)) {
            time("Fashion-MNIST, 70,000 IDX images 28x28 (gz)", () -> {
                ImageSplit data = MnistFiles.readFashionMnist(fashion, ImageOptions.DEFAULT);
                return data.train().size() + data.test().size();
            });
        } else {
            System.out.println("Fashion-MNIST not found in " + fashion + ": skipped");
        }
        Path dir = Files.createTempDirectory("dtad-image-speed");
        for (int i = 0; i < 2000; i++) {
            BufferedImage image = TestImages.rgb(64, 64, i);
            TestImages.png(dir.resolve(String.format(Locale.ROOT, "%04d.png", i)), image);
        }
        time("folder of 2,000 PNG 3x64x64", () -> ImageFolderReader.read(dir, ImageOptions.DEFAULT).size());
        time("folder of 2,000 PNG 3x64x64 -> 1x32x32", () -> ImageFolderReader.read(dir,
                ImageOptions.DEFAULT.withSize(32).withChannels(1)).size());
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    private static void time(String what, Supplier<Integer> read) {
        long start = System.nanoTime();
        int images = read.get();
        double cold = (System.nanoTime() - start) / 1e9;
        double[] warm = new double[5];
        for (int r = 0; r < warm.length; r++) {
            long t = System.nanoTime();
            read.get();
            warm[r] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "%-45s %6d images  cold %.2f s  warm %.2f s (median of %d)%n", what, images,
                cold, warm[warm.length / 2], warm.length);
    }
}
