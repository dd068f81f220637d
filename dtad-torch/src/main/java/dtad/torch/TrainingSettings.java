package dtad.torch;

/**
 * How a network detector trains: epochs over the training rows, the mini-batch size, Adam's learning
 * rate and L2 weight decay, and the seed of every random draw of the fit (initial weights, shuffling,
 * diffusion times, noise, dropout).
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, double weightDecay, long seed) {
    public TrainingSettings {
        if (epochs < 1) {
            throw new IllegalArgumentException("Invalid number of epochs: " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Invalid batch size: " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Invalid learning rate: " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("Invalid weight decay: " + weightDecay);
        }
    }

    /** torch.optim.Adam with this learning rate and weight decay and torch's other defaults. */
    public Adam adam() {
        return Adam.of(learningRate, weightDecay);
    }

    /** The same settings with another number of epochs. */
    public TrainingSettings withEpochs(int epochs) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, seed);
    }
}
