package dtad.bench.runner;

import java.nio.file.Path;

/**
 * A benchmark process for the tests that need one: {@code run PLAN OUTDIR} runs a test plan into a
 * folder (to be killed), {@code worker PLAN} serves cells of a test plan as a worker.
 */
public final class TestBenchMain {
    private TestBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        TestMethods.crashAllowed = true;
        switch (args[0]) {
            case "run" -> new BenchmarkRunner(TestPlans.named(args[1]), Path.of(args[2])).run(BenchmarkListener.SILENT);
            case "worker" -> Worker.serveStandardStreams(TestPlans.named(args[1]), null);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
