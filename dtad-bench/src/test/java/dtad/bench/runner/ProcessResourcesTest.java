package dtad.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessResourcesTest {

    @Test
    void readsTheKibibytesOfAStatusLine() {
        assertEquals(868448, ProcessResources.kibibytes("VmHWM:\t  868448 kB"));
        assertThrows(IllegalArgumentException.class, () -> ProcessResources.kibibytes("VmHWM: 12 pages"));
    }

    @Test
    void thisProcessHasAPeakAtLeastItsHeapInUseOnLinux() {
        if (!Files.exists(Path.of("/proc/self/status"))) {
            assertTrue(ProcessResources.mib().isEmpty());
            return;
        }
        Runtime runtime = Runtime.getRuntime();
        double heapMib = (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0;
        double peak = ProcessResources.mib().orElseThrow();
        assertTrue(peak >= heapMib * 0.5 && peak < 1 << 20, "peak " + peak + " MiB, heap in use " + heapMib + " MiB");
    }
}
