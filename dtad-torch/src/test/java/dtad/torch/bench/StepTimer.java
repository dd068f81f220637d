package dtad.torch.bench;

import dtad.detect.Progress;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The training-step clock of the benchmark mains: a {@link Progress} that, after each epoch past the
 * warm-up ones, records the epoch's wall time and the training thread's CPU time divided by its steps
 * (on a shared machine CPU time is what a step costs, wall time what it took).
 */
public final class StepTimer implements Progress {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final int stepsPerEpoch;
    private final int warmUpEpochs;
    private final List<Double> wall = new ArrayList<>();
    private final List<Double> cpu = new ArrayList<>();
    private long lastWall = System.nanoTime();
    private long lastCpu = threads.getCurrentThreadCpuTime();

    public StepTimer(int stepsPerEpoch, int warmUpEpochs) {
        this.stepsPerEpoch = stepsPerEpoch;
        this.warmUpEpochs = warmUpEpochs;
    }

    @Override
    public void report(int done, int total, String message) {
        long now = System.nanoTime();
        long cpuNow = threads.getCurrentThreadCpuTime();
        if (done > warmUpEpochs) {
            wall.add((now - lastWall) / 1e6 / stepsPerEpoch);
            cpu.add((cpuNow - lastCpu) / 1e6 / stepsPerEpoch);
        }
        lastWall = now;
        lastCpu = cpuNow;
    }

    /** One line: median and best milliseconds per step, wall and CPU. */
    public String summary() {
        return String.format(Locale.ROOT, "training step: wall median %.3f ms (best %.3f), cpu median %.3f ms (best %.3f)",
                median(wall), Collections.min(wall), median(cpu), Collections.min(cpu));
    }

    /** The median wall time per step, in milliseconds. */
    public double medianWallMillis() {
        return median(wall);
    }

    /** The median of a non-empty list. */
    public static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
