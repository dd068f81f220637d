package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.image.ImageShape;
import dtad.torch.ParameterLayout;
import dtad.torch.ParameterVector;
import dtad.torch.TorchEngine;
import dtad.torch.image.Conv2d;
import dtad.torch.image.GroupNorm;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Where a forward pass of the image U-Net spends its time (a profile to run by hand, not a test): the
 * whole {@link ImageUNet#predictNoise} on a scoring block, then each of its layer kinds alone at the
 * shapes the pass gives them, in milliseconds of the calling thread's CPU per image (the machine may be
 * shared, so CPU time rather than wall time), no gradients.
 *
 * <pre>
 * java -cp (as for ImageBenchmark) dtad.torch.recon.UNetProfile [rows=256] [side=28] [base=16] [multipliers=1,2]
 * </pre>
 */
public final class UNetProfile {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private UNetProfile() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int side = args.length > 1 ? Integer.parseInt(args[1]) : 28;
        int base = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        List<Integer> multipliers = args.length > 3
                ? java.util.Arrays.stream(args[3].split(",")).map(Integer::valueOf).toList() : List.of(1, 2);
        ImageShape shape = new ImageShape(1, side, side);
        ImageUNet net = new ImageUNet(shape, base, multipliers, 64);
        System.out.printf(Locale.ROOT, "U-Net base %d x %s on %s, %d rows, %d intra-op thread(s)%n", base, multipliers,
                shape, rows, TorchEngine.threads());
        try (NDManager manager = TorchEngine.newManager()) {
            ParameterLayout layout = net.layout();
            NDList weights = ParameterVector.of(manager, layout, layout.initialValues(new SplittableRandom(1)))
                    .tensors();
            NDArray x = manager.randomNormal(new Shape(rows, shape.values()));
            NDArray condition = net.conditioning(weights, manager.create(new float[] {10f}));
            time("whole pass", rows, manager, m -> net.predictNoise(weights, x, condition, null));
            int s1 = side;
            int s2 = side / 2;
            conv(manager, rows, 1, base, s1, 1);
            conv(manager, rows, base, base, s1, 1);
            conv(manager, rows, base, base, s1, 2);
            conv(manager, rows, base, 2 * base, s2, 1);
            conv(manager, rows, 2 * base, 2 * base, s2, 1);
            conv(manager, rows, 4 * base, 2 * base, s2, 1);
            conv(manager, rows, 2 * base, 2 * base, s1, 1);
            conv(manager, rows, 3 * base, base, s1, 1);
            conv(manager, rows, base, 1, s1, 1);
            conv1x1(manager, rows, 4 * base, 2 * base, s2);
            conv1x1(manager, rows, 3 * base, base, s1);
            norm(manager, rows, base, s1);
            norm(manager, rows, 2 * base, s2);
            norm(manager, rows, 3 * base, s1);
            NDArray h = manager.randomNormal(new Shape(rows, base, s1, s1));
            time("silu " + base + "@" + s1, rows, manager, m -> Activations.silu(h));
            NDArray low = manager.randomNormal(new Shape(rows, 2 * base, s2, s2));
            time("upsample2x " + 2 * base + "@" + s2, rows, manager, m -> ImageUNet.upsample2x(low));
            time("concat " + 2 * base + "+" + base + "@" + s1, rows, manager,
                    m -> low.reshape(rows, base / 2, s1, s1).concat(h, 1));
        }
    }

    /** The process's minor page faults so far (Linux). */
    private static long minorFaults() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void conv(NDManager manager, int rows, int in, int out, int side, int stride) {
        ParameterLayout.Builder builder = ParameterLayout.builder();
        Conv2d layer = Conv2d.declare(builder, "c", in, out, 3, stride);
        NDList w = ParameterVector.of(manager, builder.build(), builder.build().initialValues(new SplittableRandom(2)))
                .tensors();
        NDArray x = manager.randomNormal(new Shape(rows, in, side, side));
        time(String.format(Locale.ROOT, "conv3x3 %d->%d @%d stride %d", in, out, side, stride), rows, manager,
                m -> layer.apply(w, x));
    }

    private static void conv1x1(NDManager manager, int rows, int in, int out, int side) {
        ParameterLayout.Builder builder = ParameterLayout.builder();
        Conv2d layer = Conv2d.declare(builder, "c", in, out, 1, 1);
        NDList w = ParameterVector.of(manager, builder.build(), builder.build().initialValues(new SplittableRandom(2)))
                .tensors();
        NDArray x = manager.randomNormal(new Shape(rows, in, side, side));
        time(String.format(Locale.ROOT, "conv1x1 %d->%d @%d", in, out, side), rows, manager, m -> layer.apply(w, x));
    }

    private static void norm(NDManager manager, int rows, int channels, int side) {
        ParameterLayout.Builder builder = ParameterLayout.builder();
        GroupNorm layer = GroupNorm.declare(builder, "n", channels);
        NDList w = ParameterVector.of(manager, builder.build(), builder.build().initialValues(new SplittableRandom(2)))
                .tensors();
        NDArray x = manager.randomNormal(new Shape(rows, channels, side, side));
        time(String.format(Locale.ROOT, "groupnorm %d@%d", channels, side), rows, manager, m -> layer.apply(w, x));
    }

    /** Runs {@code op} a few times in a sub-manager each and prints the best CPU milliseconds per image. */
    private static void time(String name, int rows, NDManager manager, Function<NDManager, NDArray> op) {
        double best = Double.MAX_VALUE;
        long faults = 0;
        for (int rep = 0; rep < 6; rep++) {
            try (NDManager local = manager.newSubManager()) {
                long f = minorFaults();
                long start = THREADS.getCurrentThreadCpuTime();
                NDArray y = op.apply(local);
                y.attach(local);
                y.toFloatArray();
                best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - start) / 1e6);
                faults = minorFaults() - f;
            }
        }
        System.out.printf(Locale.ROOT, "%-32s %8.4f ms/image, %6d page faults in the last call%n", name, best / rows,
                faults);
    }
}
