package dtad.neighbors;

import dtad.data.Matrix;
import dtad.detect.TestData;
import java.lang.management.ManagementFactory;

/**
 * Benchmark of the k-NN engine (not a unit test): Gaussian rows, {@code n} reference and {@code n}
 * query rows per dimension, timed after a warm-up. Run from the repository root with
 * <pre>
 * mvn -q -B -o -pl dtad-core test-compile
 * java -cp dtad-core/target/classes:dtad-core/target/test-classes dtad.neighbors.KnnSpeed [n] [k] [d...]
 * </pre>
 * (defaults: 25000 rows, k = 5, d = 50 and 512).
 */
public final class KnnSpeed {
    private KnnSpeed() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 25_000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int[] dims = args.length > 2 ? new int[args.length - 2] : new int[] {50, 512};
        for (int i = 2; i < args.length; i++) {
            dims[i - 2] = Integer.parseInt(args[i]);
        }
        System.out.printf("threads available: %d%n", Runtime.getRuntime().availableProcessors());
        for (int d : dims) {
            Matrix train = TestData.gaussian(n, d, 1, 0);
            Matrix test = TestData.gaussian(n, d, 2, 0);
            KnnSearch search = KnnSearch.of(k);
            // Warm-up on a slice, so that the kernels are compiled before timing.
            search.search(test.rowRange(0, Math.min(n, 2000)), train);
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            Neighbors result = search.search(test, train);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuNanos() - cpuStart) / 1e9;
            double multiplyAdds = (double) n * n * d;
            System.out.printf("n = %d x %d, d = %d, k = %d: %.2f s wall, %.2f s CPU, %.2f G multiply-adds per CPU "
                    + "second (check %.6f)%n", n, n, d, k, seconds, cpu, multiplyAdds / cpu / 1e9,
                    result.squaredDistance(0, k - 1));
        }
    }

    /** CPU time of the whole process: on a shared machine a fairer measure than the wall clock. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
