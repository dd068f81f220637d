package dtad.torch;

/**
 * Adam with L2 weight decay, operation for operation as {@code torch.optim.Adam} (not AdamW) in float32:
 * at step {@code k = 1, 2, ...}
 * <pre>
 *   g = grad + weightDecay * w
 *   m = m + (1 - beta1) (g - m)                      (torch's lerp)
 *   v = beta2 v + (1 - beta2) g^2
 *   w = w - lr / (1 - beta1^k) * m / (sqrt(v) / sqrt(1 - beta2^k) + epsilon)
 * </pre>
 *
 * <p>The update runs in Java over the flat parameter vector ({@link ParameterVector}), in one loop
 * that the JIT compiles to vector instructions: the gradient is copied out of native memory, updated
 * together with the moments and a master copy of the weights (all Java arrays), and the weights are
 * copied back into the buffer that the network's tensors alias. This is several times faster
 * than the update as native tensor operations (DJL's {@code adamUpdate} makes about a dozen passes and
 * five temporary tensors of the size of the network per step) and keeps torch's scalar arithmetic
 * exactly (DJL's weighs gradients by {@code 1 - beta} rounded differently).
 */
public record Adam(double learningRate, double weightDecay, double beta1, double beta2, double epsilon) {
    public Adam {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Invalid learning rate: " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("Invalid weight decay: " + weightDecay);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Invalid Adam betas: " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("Invalid Adam epsilon: " + epsilon);
        }
    }

    /** torch's defaults for the betas (0.9, 0.999) and epsilon (1e-8). */
    public static Adam of(double learningRate, double weightDecay) {
        return new Adam(learningRate, weightDecay, 0.9, 0.999, 1e-8);
    }

    /** Starts optimising {@code parameters} (which record gradients); the moments start at zero. */
    public State start(ParameterVector parameters) {
        return new State(parameters);
    }

    /** The moments and step count of one optimisation. */
    public final class State {
        private final ParameterVector parameters;
        private final float[] weights;
        private final float[] gradient;
        private final float[] mean;
        private final float[] variance;
        private int step;

        private State(ParameterVector parameters) {
            this.parameters = parameters;
            this.weights = parameters.values();
            this.gradient = new float[weights.length];
            this.mean = new float[weights.length];
            this.variance = new float[weights.length];
        }

        /** Applies one update from the accumulated gradient, then zeroes the gradient. */
        public void step() {
            step++;
            parameters.takeGradient(gradient);
            update((float) weightDecay, (float) (1 - beta1), (float) beta2, (float) (1 - beta2),
                    (float) (learningRate / (1 - Math.pow(beta1, step))), (float) Math.sqrt(1 - Math.pow(beta2, step)),
                    (float) epsilon);
            parameters.write(weights);
        }

        /** torch's update, element by element; one index for every array, so that it vectorises. */
        private void update(float decay, float oneMinusB1, float b2, float oneMinusB2, float stepSize,
                            float rootCorrection2, float eps) {
            float[] w = weights;
            float[] g = gradient;
            float[] m = mean;
            float[] v = variance;
            for (int i = 0; i < w.length; i++) {
                float gi = g[i] + decay * w[i];
                float mi = m[i] + oneMinusB1 * (gi - m[i]);
                float vi = b2 * v[i] + oneMinusB2 * (gi * gi);
                m[i] = mi;
                v[i] = vi;
                w[i] = w[i] - stepSize * (mi / ((float) Math.sqrt(vi) / rootCorrection2 + eps));
            }
        }

        /** The weights after the last update (the optimiser's own array: read, never change). */
        float[] weights() {
            return weights;
        }

        /** The number of updates applied so far. */
        public int steps() {
            return step;
        }
    }
}
