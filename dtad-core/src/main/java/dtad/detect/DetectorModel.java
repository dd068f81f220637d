package dtad.detect;

import dtad.InputException;
import dtad.metrics.EmpiricalCdf;
import dtad.data.Matrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fitted detector: immutable, safe to use from many threads, and {@link AutoCloseable} (a no-op
 * for models that hold no native memory) so that callers use one idiom for every method.
 *
 * <p>{@link #score} gives higher values to more anomalous rows, for every method. The score of a row
 * depends on the fitted state and that row only, never on the other rows of the batch. Rows are
 * scaled with the statistics of the training rows before the method sees them.
 *
 * <p><b>Closing.</b> {@link #close} waits for the calls in flight (scoring, saving) to finish and then
 * releases the model's resources ({@link #release}); every call after it fails with an
 * {@link IllegalStateException} ("model is closed"). So closing a model that other threads still use
 * never frees native memory under them.
 */
public abstract class DetectorModel implements AutoCloseable {
    private final TrainingInfo info;
    private final double[] trainingScores;
    /** Calls in flight hold the read lock; close takes the write lock, so it waits for them. */
    private final ReentrantReadWriteLock use = new ReentrantReadWriteLock();
    private volatile boolean closed;
    /** The training scores' distribution for {@link #probability}, made on first use (immutable once made). */
    private volatile EmpiricalCdf trainingScoreDistribution;

    /**
     * @param info           the scaling and provenance of the fit
     * @param trainingScores the scores of the training rows (kept for thresholds), one per training row
     */
    protected DetectorModel(TrainingInfo info, double[] trainingScores) {
        if (trainingScores.length != info.rows()) {
            throw new IllegalArgumentException(trainingScores.length + " training scores for " + info.rows()
                    + " training rows");
        }
        this.info = info;
        this.trainingScores = trainingScores.clone();
    }

    /** The configuration that made this model. */
    public abstract Detector<?> detector();

    /** Scores raw rows: higher = more anomalous. The input is left untouched. */
    public final double[] score(Matrix x) {
        return whileOpen(() -> checkedScores(x));
    }

    private double[] checkedScores(Matrix x) {
        double[] scores = scoreStandardized(standardize(x));
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                // A bug, not a user error: never hand out a silent NaN.
                throw new IllegalStateException(detector().method() + " produced NaN for row " + (i + 1));
            }
        }
        return scores;
    }

    /**
     * Raw rows scaled with the training statistics, after checking that there are some and that they have
     * the model's features: what every per-row output of a model ({@link #score}, posteriors, ...) starts from.
     */
    protected final Matrix standardize(Matrix x) {
        if (x.rows() == 0) {
            throw new InputException("No rows to score");
        }
        if (x.columns() != features()) {
            throw new InputException("The model expects " + features() + " features, the data has "
                    + x.columns());
        }
        return info.scaler().transform(x);
    }

    /** Scores rows already scaled with the training statistics. */
    protected abstract double[] scoreStandardized(Matrix standardized);

    /** Labels rows by a threshold rule applied to their scores (1 = anomaly). */
    public final int[] label(Matrix x, Threshold threshold) {
        return threshold.labels(score(x), trainingScores);
    }

    /**
     * The outlier probability of each raw row: the share of the training rows that score lower than the row,
     * ties counted half, {@code (#{training < s} + #{training = s} / 2) / n} for the row's score {@code s}
     * and the {@code n} {@link #trainingScores()}. Non-decreasing in the score and on the same scale for every
     * method: 0.99 means that the row scores higher than 99% of the training rows. A row scoring above every
     * training row gets 1, below every one 0; the training rows themselves average 0.5.
     */
    public final double[] probability(Matrix x) {
        return probabilityOfScores(score(x));
    }

    /** {@link #probability} of scores this model gave (e.g. from {@link #score}), without scoring again. */
    public final double[] probabilityOfScores(double[] scores) {
        EmpiricalCdf distribution = trainingScoreDistribution;
        if (distribution == null) {
            // Racy but idempotent: every thread makes the same immutable distribution.
            distribution = EmpiricalCdf.of(Matrix.wrap(trainingScores.length, 1, trainingScores.clone()));
            trainingScoreDistribution = distribution;
        }
        int n = distribution.size();
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("NaN score at row " + (i + 1));
            }
            // #{< s} + #{= s} / 2 = (#{<= s} + #{< s}) / 2 = (#{<= s} + n - #{>= s}) / 2.
            out[i] = (distribution.countAtMost(0, scores[i]) + (double) n - distribution.countAtLeast(0, scores[i]))
                    / (2.0 * n);
        }
        return out;
    }

    /**
     * For models that implement {@link Explainable}: {@code perFeature} applied to the raw rows scaled with the
     * training statistics (checked as for {@link #score}), with the model held open, and every contribution
     * checked to be a number. The one way every model's {@link Explainable#contributions} runs.
     */
    protected final double[][] explainStandardized(Matrix x, Function<Matrix, double[][]> perFeature) {
        return whileOpen(() -> {
            double[][] contributions = perFeature.apply(standardize(x));
            for (int i = 0; i < contributions.length; i++) {
                for (int j = 0; j < contributions[i].length; j++) {
                    if (Double.isNaN(contributions[i][j])) {
                        // A bug, not a user error, as for scores.
                        throw new IllegalStateException(detector().method() + " produced a NaN contribution for row "
                                + (i + 1) + ", feature " + (j + 1));
                    }
                }
            }
            return contributions;
        });
    }

    /** The scores of the training rows, as computed at fit time (a copy). */
    public final double[] trainingScores() {
        return trainingScores.clone();
    }

    /** The number of features the model was fitted on. */
    public final int features() {
        return info.features();
    }

    public final TrainingInfo trainingInfo() {
        return info;
    }

    /**
     * Writes the model to a new directory with dtad-core's model files ({@code dtad.model.ModelFiles}, found
     * as the {@link ModelSaver} service). That looks the method up among the installed ones; a method of
     * your own that no {@code META-INF/services} entry lists is saved with
     * {@code ModelFiles.save(model, method, directory)} instead.
     */
    public final void save(Path directory) throws IOException {
        Saver.FOUND.orElseThrow(() -> new IllegalStateException("No " + ModelSaver.class.getName()
                + " service on the class path (dtad-core's META-INF/services lists one)")).save(this, directory);
    }

    /**
     * Writes the fitted state that is not in the configuration or {@link TrainingInfo}. Callers go
     * through {@link #open()} (as the model files do), so that a concurrent close waits.
     */
    public abstract void writePayloads(PayloadWriter out) throws IOException;

    /**
     * Runs {@code call} with the model held open: {@link #close} waits until it returns. Every public
     * per-row output of a model (scores, posteriors) goes through here.
     *
     * @throws IllegalStateException if the model is closed
     */
    protected final <T> T whileOpen(Supplier<T> call) {
        try (Permit permit = open()) {
            return call.get();
        }
    }

    /**
     * Holds the model open until the permit is closed, for callers that use it outside {@link #score}
     * (e.g. saving it). Permits may nest in one thread.
     *
     * @throws IllegalStateException if the model is closed
     */
    public final Permit open() {
        ReentrantReadWriteLock.ReadLock lock = use.readLock();
        lock.lock();
        if (closed) {
            lock.unlock();
            throw new IllegalStateException(detector().method() + " model is closed");
        }
        return lock::unlock;
    }

    /** A hold on an open model (see {@link #open()}); closing it lets {@link DetectorModel#close} proceed. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits for the calls in flight, then releases the model's resources. Using the model afterwards is
     * an {@link IllegalStateException}; closing twice does nothing.
     */
    @Override
    public final void close() {
        ReentrantReadWriteLock.WriteLock lock = use.writeLock();
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                release();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Releases native memory, if the model holds any; called once, when no call is in flight. */
    protected void release() {
    }

    /** The {@link ModelSaver} service, looked up once, with the class loader that loaded the API. */
    private static final class Saver {
        static final Optional<ModelSaver> FOUND =
                ServiceLoader.load(ModelSaver.class, DetectorModel.class.getClassLoader()).findFirst();
    }
}
