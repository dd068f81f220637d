package dtad.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dtad.data.Matrix;
import dtad.detect.Progress;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The one training loop of every network detector: epochs of shuffled mini-batches (the last, partial
 * batch kept, as PyTorch's {@code DataLoader(shuffle=True, drop_last=False)}, unless
 * {@link TrainingSettings#dropLast()}), Adam updates, progress
 * after each epoch and an early-stopping hook; the fit returns the last weights or their moving average
 * ({@link TrainingSettings#ema()}). A detector supplies only its {@link Network} and its
 * {@link Objective}.
 *
 * <p><b>Speed.</b> The training rows are uploaded once as one float32 tensor. Each epoch draws a new
 * random order and each step gathers its batch of rows from that tensor with one native index (so that
 * memory grows with the batch, not with the training set), runs the objective on the parameter tensors
 * (which alias one flat buffer, see {@link ParameterVector}), back-propagates, and applies {@link Adam}
 * to the flat vector in one vectorised Java pass. A step costs a few dozen native calls besides the arithmetic.
 *
 * <p><b>Memory.</b> Everything a step makes lives in a sub-manager closed at the end of the step;
 * epoch and fit constants live in their own sub-managers; only the trained parameters stay, in the
 * model's manager.
 *
 * <p><b>Randomness.</b> The seed of the {@link TrainingSettings} is split into three independent
 * {@link SplittableRandom} streams: the initial weights, the epoch orders, and the draws of the steps
 * ({@link StepRandom}: diffusion times, noise, dropout masks). Everything is drawn in Java, so a
 * seeded fit repeats exactly on the same machine and library versions, whatever else runs in the JVM.
 * A fit holds {@link TorchEngine#exclusively} throughout, because DJL's gradient collector is global, and runs on
 * {@link TorchEngine#trainingThreads} intra-op threads (the results of a network that trains on every core depend on
 * how many there are).
 */
public final class TrainingLoop {

    private TrainingLoop() {
    }

    /**
     * Trains a network and returns its parameters, without gradients, in {@code modelManager}: the
     * network's whole {@link ParameterLayout#state()}, its buffers after its trainable tensors.
     *
     * @param modelManager the manager of the model that will own the parameters
     * @param rows         standardized training rows
     */
    static ParameterVector fit(NDManager modelManager, Network network, Objective.Factory objective,
                               Matrix rows, TrainingSettings settings, StoppingRule stopping, Progress progress) {
        SplittableRandom root = new SplittableRandom(settings.seed());
        SplittableRandom init = root.split();
        SplittableRandom order = root.split();
        SplittableRandom draws = root.split();
        return TorchEngine.exclusively(() -> TorchEngine.withThreads(TorchEngine.trainingThreads(network), () -> {
            try (NDManager fit = modelManager.newSubManager();
                 GradientCollector collector = TorchEngine.engine().newGradientCollector()) {
                ParameterVector parameters = ParameterVector.of(fit, network.layout(),
                        network.layout().initialValues(init));
                parameters.recordGradients();
                // Non-trainable state (BatchNorm running statistics): the forward pass updates it in
                // place, Adam never sees it.
                ParameterVector buffers = network.layout().bufferLayout()
                        .map(b -> ParameterVector.of(fit, b, b.initialValues(init))).orElse(null);
                NDList state = buffers == null ? parameters.tensors()
                        : new NDList(parameters.tensors()).addAll(buffers.tensors());
                Adam.State adam = settings.adam().start(parameters);
                WeightAverage average = settings.ema() > 0
                        ? new WeightAverage(settings.ema(), network.layout().size()) : null;
                Objective loss = objective.create(fit);
                StepRandom.Scratch scratch = new StepRandom.Scratch();
                NDArray data = Tensors.rows(fit, rows);
                int used = settings.rowsPerEpoch(rows.rows());
                long[] batchStarts = batchStarts(used, settings.batchSize());
                for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                    double total = 0;
                    try (NDManager epochManager = fit.newSubManager()) {
                        // Dropping the last batch drops the tail of the whole permutation, as PyTorch's sampler.
                        NDArray index = Tensors.longs(epochManager, Arrays.copyOf(permutation(rows.rows(), order),
                                used), new Shape(used));
                        NDList batchIndices = index.split(batchStarts, 0);
                        for (NDArray batchIndex : batchIndices) {
                            try (NDManager step = epochManager.newSubManager()) {
                                // Each batch gathered on its own: an epoch never holds a shuffled copy of
                                // every row (a third of a GB for 500 RGB images of 224 x 224).
                                NDArray batch = data.get(step, new NDIndex("{}", batchIndex));
                                NDArray value = loss.loss(network, state, batch,
                                        new StepRandom(draws, step, scratch));
                                collector.backward(value);
                                adam.step();
                                if (average != null) {
                                    average.update(adam.weights());
                                }
                                // As getFloat(), without its native indexing op.
                                total += value.toFloatArray()[0];
                            }
                        }
                    }
                    double mean = total / batches(used, settings.batchSize());
                    if (!Double.isFinite(mean)) {
                        throw new IllegalStateException("Training diverged: mean loss " + mean + " in epoch " + epoch);
                    }
                    progress.report(epoch, settings.epochs(), String.format(Locale.ROOT, "loss %.5f", mean));
                    if (stopping.stop(epoch, mean)) {
                        // Training is complete: say so, so that what follows (scoring) is not taken for a hang.
                        progress.report(settings.epochs(), settings.epochs(), String.format(Locale.ROOT,
                                "stopped early after epoch %d, loss %.5f", epoch, mean));
                        break;
                    }
                }
                float[] trained = average != null ? average.average() : parameters.values();
                return ParameterVector.of(modelManager, network.layout().state(), buffers == null
                        ? trained : concat(trained, buffers.values()));
            }
        }));
    }

    /**
     * Trains a network in a new manager and returns it ready to score; the caller owns (closes) it.
     *
     * @param rows standardized training rows
     */
    public static TrainedNetwork train(Network network, Objective.Factory objective, Matrix rows,
                                       TrainingSettings settings, StoppingRule stopping, Progress progress) {
        NDManager manager = TorchEngine.newManager();
        try {
            ParameterVector parameters = fit(manager, network, objective, rows, settings, stopping, progress);
            return new TrainedNetwork(manager, network, parameters);
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The number of batches of one epoch: full batches, then the remainder. */
    static int batches(int rows, int batchSize) {
        return (rows + batchSize - 1) / batchSize;
    }

    /** Where the batches after the first start (the split points of an epoch's rows). */
    static long[] batchStarts(int rows, int batchSize) {
        long[] starts = new long[batches(rows, batchSize) - 1];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = (long) (i + 1) * batchSize;
        }
        return starts;
    }

    /** A uniformly random order of {@code 0..n-1} (Fisher-Yates). */
    static long[] permutation(int n, SplittableRandom random) {
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
