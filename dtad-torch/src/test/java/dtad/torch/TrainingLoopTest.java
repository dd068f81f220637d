package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dtad.data.Matrix;
import dtad.detect.Progress;
import dtad.detect.TestData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainingLoopTest {
    private static final Mlp NETWORK = new Mlp(4, List.of(16, 16), 1, 0.25);

    /** Regresses the row sum, with noise on the input so that the step draws are exercised. */
    private static final Objective.Factory ROW_SUM = fit -> (network, weights, batch, random) -> {
        int rows = Math.toIntExact(batch.getShape().get(0));
        float[] noise = new float[rows * 4];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.01 * random.nextGaussian());
        }
        NDArray input = batch.add(Tensors.floats(random.manager(), noise, batch.getShape()));
        NDArray prediction = network.forwardTraining(weights, input, random);
        return prediction.sub(batch.sum(new int[] {1}, true)).square().mean();
    };

    private static byte[] train(Matrix rows, TrainingSettings settings, Progress progress) {
        try (TrainedNetwork network = TrainingLoop.train(NETWORK, ROW_SUM, rows, settings, StoppingRule.NEVER,
                progress)) {
            return network.parameterBytes();
        }
    }

    private static Matrix rows(int n) {
        return TestData.gaussian(n, 4, 21, 0);
    }

    @Test
    void batchesCoverEveryRowOnceAndKeepThePartialLastBatch() {
        assertEquals(4, TrainingLoop.batches(200, 64));
        assertArrayEquals(new long[] {64, 128, 192}, TrainingLoop.batchStarts(200, 64));
        assertEquals(1, TrainingLoop.batches(64, 64));
        assertArrayEquals(new long[0], TrainingLoop.batchStarts(64, 64));
        assertArrayEquals(new long[0], TrainingLoop.batchStarts(10, 64));
    }

    @Test
    void permutationIsAPermutation() {
        long[] order = TrainingLoop.permutation(1000, new SplittableRandom(1));
        long[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertFalse(Arrays.equals(order, sorted), "shuffled");
    }

    @Test
    void seededFitRepeatsExactly() {
        TrainingSettings settings = new TrainingSettings(5, 16, 1e-2, 5e-4, 42);
        assertArrayEquals(train(rows(100), settings, Progress.SILENT), train(rows(100), settings, Progress.SILENT));
    }

    @Test
    void anotherSeedGivesAnotherFit() {
        TrainingSettings settings = new TrainingSettings(3, 16, 1e-2, 0, 1);
        assertFalse(Arrays.equals(train(rows(100), settings, Progress.SILENT),
                train(rows(100), new TrainingSettings(3, 16, 1e-2, 0, 2), Progress.SILENT)));
    }

    @Test
    void reportsEveryEpochAndTheLossFalls() {
        List<String> messages = new ArrayList<>();
        List<Integer> done = new ArrayList<>();
        train(rows(256), new TrainingSettings(40, 32, 1e-2, 0, 3), (d, total, message) -> {
            assertEquals(40, total);
            done.add(d);
            messages.add(message);
        });
        assertEquals(40, done.size());
        assertEquals(40, done.get(39));
        double first = Double.parseDouble(messages.get(0).replace("loss ", ""));
        double last = Double.parseDouble(messages.get(39).replace("loss ", ""));
        assertTrue(last < 0.2 * first, "loss " + first + " -> " + last);
    }

    @Test
    void earlyStoppingHookEndsTrainingAndReportsItComplete() {
        List<Integer> done = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        TrainingLoop.train(NETWORK, ROW_SUM, rows(64), new TrainingSettings(50, 16, 1e-3, 0, 3),
                (epochs, loss) -> epochs == 2, (d, total, message) -> {
                    done.add(d);
                    messages.add(message);
                }).close();
        // The last report completes the work, so that a progress display does not fall silent before scoring.
        assertEquals(List.of(1, 2, 50), done);
        assertTrue(messages.get(2).startsWith("stopped early after epoch 2, loss "), messages.get(2));
    }

    @Test
    void emaReturnsTheBiasCorrectedMovingAverageOfTheStepsWeights() {
        // One batch per epoch, so that the fit of k epochs stops after step k of the same trajectory.
        Matrix rows = rows(16);
        double decay = 0.5;
        float[][] steps = new float[3][];
        for (int k = 1; k <= 3; k++) {
            steps[k - 1] = ParameterFile.read(NETWORK.layout(),
                    train(rows, new TrainingSettings(k, 16, 1e-2, 0, 7), Progress.SILENT));
        }
        float[] average = ParameterFile.read(NETWORK.layout(),
                train(rows, new TrainingSettings(3, 16, 1e-2, 0, 7, false, decay), Progress.SILENT));
        double norm = 1 - Math.pow(decay, 3);
        double maxMove = 0;
        for (int i = 0; i < average.length; i++) {
            double expected = ((1 - decay) * decay * decay * steps[0][i] + (1 - decay) * decay * steps[1][i]
                    + (1 - decay) * steps[2][i]) / norm;
            assertEquals(expected, average[i], 1e-6, "weight " + i);
            maxMove = Math.max(maxMove, Math.abs(steps[2][i] - steps[0][i]));
        }
        assertTrue(maxMove > 1e-3, "the steps moved the weights: " + maxMove);
        assertFalse(Arrays.equals(steps[2], average), "the average is not the last weights");
    }

    @Test
    void trainsOnFewerRowsThanOneBatch() {
        byte[] payload = train(rows(5), new TrainingSettings(2, 64, 1e-3, 0, 3), Progress.SILENT);
        assertEquals(NETWORK.layout().size(), ParameterFile.read(NETWORK.layout(), payload).length);
    }

    @Test
    void divergenceIsAnErrorNotANaN() {
        Objective.Factory nan = fit -> (network, weights, batch, random) ->
                network.forwardTraining(weights, batch, random).mean().mul(Float.NaN);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TrainingLoop.train(NETWORK, nan,
                rows(32), new TrainingSettings(3, 16, 1e-3, 0, 3), StoppingRule.NEVER, Progress.SILENT));
        assertTrue(e.getMessage().contains("epoch 1"), e.getMessage());
    }

    @Test
    void fitLeavesNoNativeArraysBehindOnceClosed() {
        int before = TorchEngine.liveArrays();
        TrainedNetwork network = TrainingLoop.train(NETWORK, ROW_SUM, rows(100),
                new TrainingSettings(3, 16, 1e-3, 0, 3), StoppingRule.NEVER, Progress.SILENT);
        // One tensor per parameter tensor of the layout.
        assertEquals(NETWORK.layout().tensors().size(), network.nativeArrays());
        network.close();
        assertEquals(before, TorchEngine.liveArrays());
    }

    @Test
    void nativeMemoryStaysFlatFromEpochToEpoch() {
        List<Integer> live = new ArrayList<>();
        TrainingLoop.train(NETWORK, ROW_SUM, rows(100), new TrainingSettings(6, 16, 1e-3, 0, 3),
                (epochs, loss) -> !live.add(TorchEngine.liveArrays()), Progress.SILENT).close();
        assertEquals(6, live.size());
        assertEquals(1, live.stream().distinct().count(), "live arrays per epoch: " + live);
    }

    /**
     * Each step gathers its own batch: the epoch keeps no shuffled copy of every row, so that memory grows with the
     * batch, not with the training set (500 RGB images of 224 x 224 are 300 MB of float32).
     */
    @Test
    void anEpochHoldsNoShuffledCopyOfTheTrainingRows() {
        List<Long> largest = new ArrayList<>();
        Objective.Factory measuring = fit -> (network, weights, batch, random) -> {
            NDManager epoch = random.manager().getParentManager();
            largest.add(epoch.getManagedArrays().stream().filter(a -> a.getDataType() == DataType.FLOAT32)
                    .mapToLong(a -> a.getShape().get(0)).max().orElse(0));
            return ROW_SUM.create(fit).loss(network, weights, batch, random);
        };
        TrainingLoop.train(NETWORK, measuring, rows(100), new TrainingSettings(2, 16, 1e-3, 0, 3), StoppingRule.NEVER,
                Progress.SILENT).close();
        assertEquals(14, largest.size());
        assertTrue(largest.stream().allMatch(rows -> rows <= 16), "rows of the epoch's float arrays: " + largest);
    }

    @Test
    void failedFitReleasesItsNativeMemory() {
        int before = TorchEngine.liveArrays();
        Objective.Factory failing = fit -> (network, weights, batch, random) -> {
            throw new IllegalStateException("boom");
        };
        assertThrows(IllegalStateException.class, () -> TrainingLoop.train(NETWORK, failing, rows(32),
                new TrainingSettings(1, 16, 1e-3, 0, 3), StoppingRule.NEVER, Progress.SILENT));
        assertEquals(before, TorchEngine.liveArrays());
    }
}
