package dtad.torch;

import dtad.method.ParameterTable;

/**
 * How a network detector trains: epochs over the training rows, the mini-batch size, Adam's learning
 * rate and L2 weight decay, and the seed of every random draw of the fit (initial weights, shuffling,
 * diffusion times, noise, dropout), whether each epoch drops its last, partial batch (as PyTorch's
 * {@code DataLoader(drop_last=True)}; a batch of every row is kept when there are fewer rows than one
 * batch, so that a fit always trains), and the decay of an exponential moving average of the weights that
 * the fit returns instead of its last weights ({@link WeightAverage}; 0: the last weights).
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, double weightDecay, long seed,
                               boolean dropLast, double ema) {
    /** Settings that keep the last, partial batch of each epoch and return the last weights. */
    public TrainingSettings(int epochs, int batchSize, double learningRate, double weightDecay, long seed) {
        this(epochs, batchSize, learningRate, weightDecay, seed, false);
    }

    /** Settings that return the last weights. */
    public TrainingSettings(int epochs, int batchSize, double learningRate, double weightDecay, long seed,
                            boolean dropLast) {
        this(epochs, batchSize, learningRate, weightDecay, seed, dropLast, 0);
    }

    /** Each value checked by its declared key ({@link NetworkParameters}). */
    public TrainingSettings {
        NetworkParameters.EPOCHS.require(epochs);
        NetworkParameters.BATCH.require(batchSize);
        NetworkParameters.LR.require(learningRate);
        NetworkParameters.WEIGHT_DECAY.require(weightDecay);
        NetworkParameters.EMA.require(ema);
    }

    /**
     * {@code settings} with these training settings set key by key ({@code drop_last} where the method
     * declares it; a method that does not always keeps its last partial batch).
     */
    public <D> ParameterTable.Settings<D> setIn(ParameterTable.Settings<D> settings) {
        settings.set(NetworkParameters.EPOCHS, epochs).set(NetworkParameters.BATCH, batchSize)
                .set(NetworkParameters.LR, learningRate).set(NetworkParameters.WEIGHT_DECAY, weightDecay)
                .set(NetworkParameters.SEED, seed);
        if (settings.declares(NetworkParameters.DROP_LAST)) {
            settings.set(NetworkParameters.DROP_LAST, dropLast);
        } else if (dropLast) {
            throw new IllegalArgumentException("This method has no drop_last parameter; it keeps the last batch");
        }
        if (settings.declares(NetworkParameters.EMA)) {
            settings.set(NetworkParameters.EMA, ema);
        } else if (ema != 0) {
            throw new IllegalArgumentException("This method has no ema parameter; it keeps the last weights");
        }
        return settings;
    }

    /** torch.optim.Adam with this learning rate and weight decay and torch's other defaults. */
    public Adam adam() {
        return Adam.of(learningRate, weightDecay);
    }

    /** The same settings with another number of epochs. */
    public TrainingSettings withEpochs(int epochs) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, seed, dropLast, ema);
    }

    /** The same settings, dropping or keeping the last partial batch of each epoch. */
    public TrainingSettings withDropLast(boolean dropLast) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, seed, dropLast, ema);
    }

    /** The same settings with another decay of the weights' moving average (0: the last weights). */
    public TrainingSettings withEma(double ema) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, seed, dropLast, ema);
    }

    /**
     * How many of {@code rows} shuffled rows an epoch trains on: all of them, or only whole batches
     * when the last partial batch is dropped (all rows if they do not fill one batch).
     */
    public int rowsPerEpoch(int rows) {
        if (!dropLast || rows < batchSize) {
            return rows;
        }
        return rows / batchSize * batchSize;
    }
}
