package dtad.spark;

import dtad.detect.DetectorModel;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fitted models built in this JVM (an executor, or the driver in local mode), by model uid and
 * file digest: each is built once from its broadcast files and shared by every task that scores with it
 * (a {@link DetectorModel} is thread-safe). Native memory is freed when a model is no longer in use
 * and newer models have pushed it out of the small cache, and at JVM exit.
 */
final class ExecutorModels {
    /** Idle models kept for reuse by later tasks; a network model holds a few MB of native memory. */
    private static final int KEEP_IDLE = 2;
    private static final Map<String, Entry> MODELS = new LinkedHashMap<>(16, 0.75f, true);
    private static final java.util.concurrent.atomic.AtomicLong BUILDS = new java.util.concurrent.atomic.AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::closeAll, "dtad-spark-models"));
    }

    private ExecutorModels() {
    }

    /** A lease on the model with these files, built here if this JVM has none; release it when done. */
    static Lease acquire(String uid, ModelBytes files) {
        String key = uid + "/" + files.digest();
        Entry entry;
        synchronized (MODELS) {
            entry = MODELS.computeIfAbsent(key, k -> new Entry());
            entry.users++;
        }
        try {
            return new Lease(key, entry, entry.model(files));
        } catch (RuntimeException | Error e) {
            release(key, entry);
            throw e;
        }
    }

    /** How many models this JVM has built from files so far (for tests). */
    static long builds() {
        return BUILDS.get();
    }

    private static void release(String key, Entry entry) {
        synchronized (MODELS) {
            entry.users--;
            int idle = 0;
            for (Iterator<Map.Entry<String, Entry>> it = descending(); it.hasNext(); ) {
                Map.Entry<String, Entry> e = it.next();
                if (e.getValue().users == 0 && ++idle > KEEP_IDLE) {
                    e.getValue().close();
                    MODELS.remove(e.getKey());
                }
            }
        }
    }

    private static Iterator<Map.Entry<String, Entry>> descending() {
        // Newest use first: the access-ordered map lists the least recently used first.
        java.util.List<Map.Entry<String, Entry>> entries = new java.util.ArrayList<>(MODELS.entrySet());
        java.util.Collections.reverse(entries);
        return entries.iterator();
    }

    private static void closeAll() {
        synchronized (MODELS) {
            MODELS.values().forEach(Entry::close);
            MODELS.clear();
        }
    }

    /** One model: built by the first task that needs it, the others wait for it. */
    private static final class Entry {
        private DetectorModel built;
        private int users;

        synchronized DetectorModel model(ModelBytes files) {
            if (built == null) {
                built = files.load();
                BUILDS.incrementAndGet();
            }
            return built;
        }

        synchronized void close() {
            if (built != null) {
                built.close();
                built = null;
            }
        }
    }

    /** The use of one model by one task. */
    static final class Lease implements AutoCloseable {
        private final String key;
        private final Entry entry;
        private final DetectorModel model;
        private boolean released;

        private Lease(String key, Entry entry, DetectorModel model) {
            this.key = key;
            this.entry = entry;
            this.model = model;
        }

        DetectorModel model() {
            return model;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                release(key, entry);
            }
        }
    }
}
