package dtad.torch;

/**
 * An exponential moving average of a network's weights over the steps of a fit, as diffusion models keep one
 * (Ho et al.'s DDPM and Peebles and Xie's DiT evaluate the EMA of their weights). At a constant learning rate the
 * last weights still move with the noise of the last few mini-batches; their average over about
 * {@code 1 / (1 - decay)} steps does not.
 *
 * <p>After step {@code k}: {@code sum = decay * sum + (1 - decay) * weights} from {@code sum = 0}, and the average
 * is {@code sum / (1 - decay^k)}, bias-corrected as Adam's moments: every step weighs {@code decay} times the
 * next, and a short fit does not keep a large share of its first weights (as starting the average from them would).
 * Only the trainable weights are averaged: running statistics (BatchNorm's) stay those of the last step, as in the
 * references' EMA of the parameters.
 */
final class WeightAverage {
    private final double decay;
    private final float[] sum;
    private int steps;

    /** An average of {@code size} weights. */
    WeightAverage(double decay, int size) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("Invalid decay of the weights' moving average: " + decay);
        }
        this.decay = decay;
        this.sum = new float[size];
    }

    /** Takes in the weights after one step. */
    void update(float[] weights) {
        float[] s = sum;
        float keep = (float) decay;
        float take = (float) (1 - decay);
        for (int i = 0; i < s.length; i++) {
            s[i] = keep * s[i] + take * weights[i];
        }
        steps++;
    }

    /** The average so far, a new array; null before the first step. */
    float[] average() {
        if (steps == 0) {
            return null;
        }
        float correction = (float) (1 / (1 - Math.pow(decay, steps)));
        float[] average = new float[sum.length];
        for (int i = 0; i < average.length; i++) {
            average[i] = sum[i] * correction;
        }
        return average;
    }
}
