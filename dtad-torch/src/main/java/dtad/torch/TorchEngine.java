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
 * scoring ({@link TrainedNetwork}) or to other processes. Set the properties on the command line
 * ({@code -Dai.djl.pytorch.num_threads=4}) to change them. A network whose training step splits well across cores
 * ({@link Network#trainsOnAllCores}, the U-Net) trains with {@link #TRAINING_THREADS} threads, by default every core
 * (unless the user set {@code ai.djl.pytorch.num_threads}), and the count returns to the engine's when the fit ends.
 * If the engine cannot load, the first call fails with DJL's exception: nothing here skips or falls back silently.
 *
 * <p><b>Training is exclusive.</b> DJL's PyTorch gradient collector is global to the JVM: DJL refuses
 * to open a second one while one is open, so two fits at once in one JVM would fail. Every fit therefore
 * runs inside {@link #exclusively}, one at a time per JVM (parallel fits queue). Scoring never needs
 * the lock: it records no gradients. Explanations ({@link IntegratedGradients}) record gradients of the
 * input only, without the collector and without the lock ({@link TrainedNetwork#gradientOfBlock}). Fits draw their random numbers in Java ({@link StepRandom}), never
 * from torch's global generator, so nothing else running in the JVM can change a seeded fit.
 */
public final class TorchEngine {
    /** The intra-op threads of a fit of a network that {@link Network#trainsOnAllCores} (default: every core). */
    public static final String TRAINING_THREADS = "dtad.training.threads";
    private static final ReentrantLock TRAINING = new ReentrantLock();
    // Read before load() sets its default.
    private static final boolean USER_SET_THREADS = System.getProperty("ai.djl.pytorch.num_threads") != null;
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

    /** The number of intra-op threads PyTorch uses (on this thread). */
    public static int threads() {
        return JniUtils.getNumThreads();
    }

    /**
     * The intra-op threads a fit of {@code network} uses: the engine's count, or for a network that
     * {@link Network#trainsOnAllCores} {@value #TRAINING_THREADS} if set, else the user's
     * {@code ai.djl.pytorch.num_threads} if set, else every core.
     */
    static int trainingThreads(Network network) {
        if (!network.trainsOnAllCores()) {
            return threads();
        }
        Integer set = Integer.getInteger(TRAINING_THREADS);
        if (set != null) {
            return Math.max(1, set);
        }
        return USER_SET_THREADS ? threads() : Runtime.getRuntime().availableProcessors();
    }

    /** Runs {@code work} with {@code threads} intra-op threads on this thread, then restores the count it had. */
    static <T> T withThreads(int threads, Supplier<T> work) {
        int before = threads();
        if (threads == before) {
            return work.get();
        }
        JniUtils.setNumThreads(threads);
        try {
            return work.get();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }
}
