package dtad.io;

import dtad.data.Dataset;
import dtad.data.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How long reading a data file takes (a benchmark to run by hand, not a test): the first read in a
 * fresh JVM (cold: class loading and JIT included) and the median of the next 20 (warm).
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -pl dtad-core -Dmdep.outputFile=/tmp/core.cp
 * java -cp dtad-core/target/classes:dtad-core/target/test-classes:$(cat /tmp/core.cp) dtad.io.ReadSpeed [FILE...]
 * </pre>
 *
 * Without arguments it writes a generated 600,000 x 10 float64 NPY file (Fortran order is what most
 * ADBench files use, but NpyWriter writes C order) to a temporary folder and reads that.
 */
public final class ReadSpeed {
    private ReadSpeed() {
    }

    public static void main(String[] args) throws IOException {
        Path[] files = Arrays.stream(args).map(Path::of).toArray(Path[]::new);
        if (files.length == 0) {
            Path dir = Files.createTempDirectory("dtad-read-speed");
            Path file = dir.resolve("generated-600000x10.npy");
            SplittableRandom random = new SplittableRandom(1);
            double[] values = new double[600_000 * 10];
            Arrays.setAll(values, i -> random.nextGaussian());
            NpyWriter.write(file, Matrix.wrap(600_000, 10, values), false);
            files = new Path[] {file};
        }
        for (Path file : files) {
            long start = System.nanoTime();
            Dataset first = DataFiles.read(file, null);
            double cold = (System.nanoTime() - start) / 1e6;
            double[] warm = new double[20];
            for (int i = 0; i < warm.length; i++) {
                long t = System.nanoTime();
                DataFiles.read(file, null);
                warm[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "%s (%d x %d): first read %.0f ms, then median %.0f ms (best %.0f)%n",
                    file.getFileName(), first.x().rows(), first.x().columns(), cold, warm[warm.length / 2], warm[0]);
        }
    }
}
