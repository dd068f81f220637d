package dtad.torch.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.data.Matrix;
import dtad.torch.NetworkParameters;
import dtad.torch.TorchEngine;
import dtad.torch.dte.CategoricalDTE;
import dtad.torch.dte.CategoricalDTEModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures DTE-C's training step and scoring throughput (a benchmark to run by hand, not a test).
 *
 * <pre>
 * mvn -q -o test-compile -pl dtad-torch
 * mvn -q -o dependency:build-classpath -pl dtad-torch -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp dtad-torch/target/classes:dtad-torch/target/test-classes:$(cat /tmp/cp.txt) \
 *     dtad.torch.bench.DteBenchmark [features=50] [epochs=12]
 * </pre>
 *
 * <p><b>Training.</b> One fit of the reference DTE-C (T = 400, 7 bins, MLP 256-512-256, dropout 0.5,
 * batch 64) on 6400 Gaussian rows: 100 steps per epoch. After two warm-up epochs, each epoch's time
 * divided by its 100 steps is one sample; the median and the best are printed, both as wall time and
 * as the training thread's CPU time (the machine may be shared: CPU time is what the step costs, wall
 * time what it took). For scale, the same run also times the bare matrix products of one step
 * (forward and backward of the four layers, through DJL as the step makes them): the floor of any step
 * built on libtorch's matrix products as they run here. It is a floor of the library, not of the CPU:
 * libtorch's bundled oneMKL picks its kernels by CPU vendor and runs its AVX2 kernels on AMD processors,
 * even on those with AVX-512 (Zen 4 and 5); on the 2-core AMD EPYC (Zen 5) this was written on, making
 * MKL take its AVX-512 kernels (an {@code LD_PRELOAD}ed shim whose {@code mkl_serv_intel_cpu_true()}
 * returns 1) halved this floor (1.49 to 0.67-0.78 ms), and changed the last bits of the products.
 *
 * <p><b>Scoring.</b> 100,000 rows after a warm-up, rows per second: with the default parallel blocks,
 * and block by block from one thread.
 */
public final class DteBenchmark {
    private static final int ROWS = 6400;
    private static final int BATCH = 64;

    private DteBenchmark() {
    }

    public static void main(String[] args) {
        int features = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        System.out.printf(Locale.ROOT, "DTE-C reference network, d=%d, batch %d, %d intra-op thread(s), %d cores%n",
                features, BATCH, TorchEngine.threads(), Runtime.getRuntime().availableProcessors());
        CategoricalDTE d = CategoricalDTE.defaults();
        CategoricalDTE dte = d.toBuilder().set(NetworkParameters.EPOCHS, epochs).build();
        int steps = ROWS / BATCH;
        StepTimer timer = new StepTimer(steps, 2);
        try (CategoricalDTEModel model = dte.fit(gaussian(ROWS, features, 1), timer)) {
            System.out.println(timer.summary());
            System.out.printf(Locale.ROOT, "matrix products alone (floor): cpu %.3f ms per step%n", gemmFloor(features));
            Matrix test = gaussian(100_000, features, 2);
            model.score(test.rowRange(0, 20_000));
            for (int r = 0; r < 3; r++) {
                long start = System.nanoTime();
                model.score(test);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "scoring, parallel blocks: %.0f rows/s%n", test.rows() / seconds);
            }
            // One block at a time from this thread: the throughput of a single core.
            int block = dtad.torch.TrainedNetwork.BLOCK;
            List<Matrix> blocks = new ArrayList<>();
            for (int from = 0; from + block <= test.rows(); from += block) {
                blocks.add(test.rowRange(from, from + block));
            }
            for (int r = 0; r < 2; r++) {
                long start = System.nanoTime();
                for (Matrix b : blocks) {
                    model.score(b);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "scoring, one thread: %.0f rows/s%n", blocks.size() * block / seconds);
            }
        }
    }

    /** The CPU time of one step's matrix products: forward, weight gradients and input gradients. */
    private static double gemmFloor(int features) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int[][] layers = {{features, 256}, {256, 512}, {512, 256}, {256, 7}};
        try (NDManager manager = TorchEngine.newManager()) {
            NDArray[] x = new NDArray[4];
            NDArray[] w = new NDArray[4];
            NDArray[] g = new NDArray[4];
            for (int i = 0; i < 4; i++) {
                x[i] = manager.randomNormal(new Shape(BATCH, layers[i][0]));
                w[i] = manager.randomNormal(new Shape(layers[i][1], layers[i][0]));
                g[i] = manager.randomNormal(new Shape(BATCH, layers[i][1]));
            }
            List<Double> samples = new ArrayList<>();
            for (int round = 0; round < 12; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int k = 0; k < 50; k++) {
                    try (NDManager step = manager.newSubManager()) {
                        for (int i = 0; i < 4; i++) {
                            x[i].matMul(w[i].transpose()).attach(step);
                            g[i].transpose().matMul(x[i]).attach(step);
                            if (i > 0) {
                                g[i].matMul(w[i]).attach(step);
                            }
                        }
                    }
                }
                if (round >= 2) {
                    samples.add((threads.getCurrentThreadCpuTime() - start) / 1e6 / 50);
                }
            }
            return StepTimer.median(samples);
        }
    }


    private static Matrix gaussian(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Matrix.wrap(rows, columns, values);
    }
}
