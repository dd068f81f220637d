package dtad.torch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one door to DJL's PyTorch engine: every class of dtad-torch gets the engine, its managers and
 * the training lock here, so that the engine is always loaded the same way. (Code that touches DJL
 * directly before this class would load the engine without these settings.)
 *
 * <p><b>Loading.</b> Before the engine loads (on first use of this class), three system properties
 * get defaults unless the user set them: {@code ai.djl.offline=true} (libtorch comes from the
 * {@code pytorch-native-cpu} jar on the class path, never from the network),
 * {@code ai.djl.pytorch.num_threads=1} and {@code ai.djl.pytorch.num_interop_threads=1}. PyTorch reads
 * the thread counts once, when it loads; one intra-op thread was measured faster than two for the small
 * networks of dtad (a DTE-C step at batch 64 took several times longer with two threads on a busy
 * two-core machine: the batches are too small to split), and it leaves the other cores to parallel
 * scoring ({@link TrainedNetwork}) or to other processes. Set the properties on the command line ({@code -Dai.djl.pytorch.num_threads=4})
 * to change them. If the engine cannot load, the first call fails with DJL's exception: nothing here
 * skips or falls back silently.
 *
 * <p><b>Training is exclusive.</b> DJL's PyTorch gradient collector is global to the JVM: DJL refuses
 * to open a second one while one is open, so two fits at once in one JVM would fail. Every fit therefore
 * runs inside {@link #exclusively}, one at a time per JVM (parallel fits queue). Scoring never needs
 * the lock: it records no gradients. Explanations ({@link IntegratedGradients}) record gradients of the
 * input only, without the collector and without the lock ({@link TrainedNetwork#gradientOfBlock}). Fits draw their random numbers in Java ({@link StepRandom}), never
 * from torch's global generator, so nothing else running in the JVM can change a seeded fit.
 */
public final class TorchEngine {
    private static final ReentrantLock TRAINING = new ReentrantLock();
    private static final Engine ENGINE = load();

    private TorchEngine() {
    }

    private static Engine load() {
        defaultProperty("ai.djl.offline", "true");
        defaultProperty("ai.djl.pytorch.num_threads", "1");
        defaultProperty("ai.djl.pytorch.num_interop_threads", "1");
        return Engine.getEngine("PyTorch");
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The loaded engine. */
    public static Engine engine() {
        return ENGINE;
    }

    /** A new root manager on the CPU; the caller closes it (one per fitted model). */
    public static NDManager newManager() {
        return ENGINE.newBaseManager();
    }

    /** Runs {@code work} while no other thread trains (reentrant: a fit may call another fit's code). */
    public static <T> T exclusively(Supplier<T> work) {
        TRAINING.lock();
        try {
            return work.get();
        } finally {
            TRAINING.unlock();
        }
    }

    /**
     * The number of native arrays alive in every manager of the JVM (for leak checks: it comes back to
     * where it was once a model is closed, and stays flat while a model scores).
     */
    public static int liveArrays() {
        try (NDManager probe = ENGINE.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    /** The number of intra-op threads PyTorch uses. */
    public static int threads() {
        return JniUtils.getNumThreads();
    }
}
