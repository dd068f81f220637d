package dtad.dte;

import dtad.data.Matrix;
import dtad.detect.TestData;
import java.lang.management.ManagementFactory;

/**
 * Benchmark of DTE-NP (not a unit test): fit on {@code n} Gaussian training rows (which computes the
 * leave-one-out training scores, an {@code n x n} search) and score {@code n} test rows (another
 * {@code n x n} search), timed separately after a warm-up. Run from the repository root with
 * <pre>
 * mvn -q -B -o -pl dtad-core test-compile
 * java -cp dtad-core/target/classes:dtad-core/target/test-classes dtad.dte.NonParametricDTESpeed [n] [d...]
 * </pre>
 * (defaults: 25000 rows, d = 50 and 512). Besides the wall time it prints the CPU time of the whole
 * process, the fairer figure when the machine is shared. The engine alone is timed by
 * {@code dtad.neighbors.KnnSpeed}.
 */
public final class NonParametricDTESpeed {
    private NonParametricDTESpeed() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 25_000;
        int[] dims = args.length > 1 ? new int[args.length - 1] : new int[] {50, 512};
        for (int i = 1; i < args.length; i++) {
            dims[i - 1] = Integer.parseInt(args[i]);
        }
        NonParametricDTE detector = new NonParametricDTE();
        for (int d : dims) {
            Matrix train = TestData.gaussian(n, d, 1, 0);
            Matrix test = TestData.gaussian(n, d, 2, 0);
            detector.fit(train.rowRange(0, Math.min(n, 2000))).score(test.rowRange(0, Math.min(n, 2000)));
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            NonParametricDTEModel model = detector.fit(train);
            double fit = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            double[] scores = model.score(test);
            double score = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuNanos() - cpuStart) / 1e9;
            System.out.printf("DTE-NP n = %d, d = %d: fit %.2f s, score %.2f s, total %.2f s wall, %.2f s CPU "
                    + "(score[0] %.3f)%n", n, d, fit, score, fit + score, cpu, scores[0]);
        }
    }

    /** CPU time of the whole process. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
