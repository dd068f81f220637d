package dtad.bench.runner;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * What this process has used so far: its CPU time, and its peak resident set, Linux's {@code VmHWM} in
 * {@code /proc/self/status}, which counts every page the process ever held at once (Java heap, JIT code, thread
 * stacks, libtorch's native tensors and memory-mapped libraries), not the heap alone; empty where there is no such
 * file (not Linux).
 */
final class ProcessResources {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessResources() {
    }

    /** {@code VmHWM} in MiB, or empty when the system does not report it. */
    static OptionalDouble mib() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalDouble.of(kibibytes(line) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: no figure rather than a wrong one
        }
        return OptionalDouble.empty();
    }

    /** The CPU time of this process so far (all threads), in seconds, or NaN where the JVM does not tell it. */
    static double cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? Double.NaN : nanos / 1e9;
        }
        return Double.NaN;
    }

    /** The number of {@code kB} on a {@code /proc/<pid>/status} line such as {@code VmHWM:  123456 kB}. */
    static long kibibytes(String line) {
        String value = line.substring(line.indexOf(':') + 1).strip();
        if (!value.endsWith("kB")) {
            throw new IllegalArgumentException("Not a kB figure: " + line);
        }
        return Long.parseLong(value.substring(0, value.length() - 2).strip());
    }
}
