package dtad.bench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * The peak resident set of this process so far: Linux's {@code VmHWM} in {@code /proc/self/status}, which counts
 * every page the process ever held at once (Java heap, JIT code, thread stacks, libtorch's native tensors and
 * memory-mapped libraries), not the heap alone. Empty where there is no such file (not Linux).
 */
final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {
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

    /** The number of {@code kB} on a {@code /proc/<pid>/status} line such as {@code VmHWM:  123456 kB}. */
    static long kibibytes(String line) {
        String value = line.substring(line.indexOf(':') + 1).strip();
        if (!value.endsWith("kB")) {
            throw new IllegalArgumentException("Not a kB figure: " + line);
        }
        return Long.parseLong(value.substring(0, value.length() - 2).strip());
    }
}
