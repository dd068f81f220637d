package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.diffusion.NoiseSchedule;
import dtad.torch.Tensors;
import java.util.SplittableRandom;

/**
 * The score of a reconstruction detector: run the reverse chain from a row and measure how far the
 * reconstruction lands from it. With {@code t = start-1 .. 0},
 * <pre>
 *   x_{t-1} = 1/sqrt(alpha_t) (x_t - beta_t / sqrt(1 - alphaBar_t) eps_theta(x_t, t)) [+ sqrt(posteriorVariance_t) z]
 * </pre>
 * from {@code x_{start-1}} = the row (the reference) or the row noised to {@code t = start-1}
 * ({@code noise_first}). The score is {@code mean_j (x_j - x_{-1,j})^2}, or with {@code full_path} the
 * sum over the steps of the mean squared step-to-step difference. The sampling noise {@code z} is
 * optional ({@code posterior_noise}) and never added at {@code t = 0}.
 *
 * <p><b>Cost.</b> The chain is the whole cost of scoring: {@code start} network evaluations per row. The
 * schedule's constants are Java floats computed once; the conditioning of all {@code start} times is
 * computed once per block (it depends on {@code t} alone) and each step adds its row to every noised
 * row; nothing is read back to the host until the scores. Each step's temporaries live in a
 * sub-manager closed at the end of the step.
 *
 * <p><b>Batch independence.</b> Rows go through in the fixed blocks of {@link dtad.torch.TrainedNetwork};
 * when the chain draws noise, each row's noise comes from its own stream, seeded by the model's seed
 * and the bits of the (scaled, float32) row itself: the same row gets the same noise, hence the same
 * score, whatever else is scored with it, and a model scores the same on every call.
 */
final class ReverseChain {
    private final ReconstructionSettings settings;
    private final long seed;
    private final float[] recipSqrtAlpha;
    private final float[] epsCoefficient;
    private final float[] sigma;
    private final float startSignal;
    private final float startNoise;

    ReverseChain(ReconstructionSettings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
        NoiseSchedule schedule = NoiseSchedule.linear(settings.steps());
        int start = settings.start();
        this.recipSqrtAlpha = new float[start];
        this.epsCoefficient = new float[start];
        this.sigma = new float[start];
        for (int t = 0; t < start; t++) {
            double beta = schedule.beta(t);
            recipSqrtAlpha[t] = (float) (1 / Math.sqrt(1 - beta));
            epsCoefficient[t] = (float) (beta / Math.sqrt(1 - schedule.alphaBar(t)));
            sigma[t] = (float) Math.sqrt(schedule.posteriorVariance(t));
        }
        this.startSignal = (float) Math.sqrt(schedule.alphaBar(start - 1));
        this.startNoise = (float) Math.sqrt(1 - schedule.alphaBar(start - 1));
    }

    /** The score of each row of {@code rows} ({@code [n, d]} in a block's manager): {@code [n]}. */
    NDArray scores(Denoiser denoiser, NDList weights, NDArray rows) {
        NDManager block = rows.getManager();
        int n = Math.toIntExact(rows.getShape().get(0));
        int d = Math.toIntExact(rows.getShape().get(1));
        int start = settings.start();
        float[] times = new float[start];
        for (int k = 0; k < start; k++) {
            times[k] = start - 1 - k;
        }
        NDList conditions = denoiser.conditioning(weights, Tensors.floats(block, times, new Shape(start)))
                .split(start, 0);
        RowNoise noise = settings.random() ? new RowNoise(rows.toFloatArray(), n, d) : null;
        NDArray x = settings.noiseFirst() ? rows.mul(startSignal).add(noise.next(block, startNoise)) : rows.duplicate();
        NDArray total = settings.fullPath() ? block.zeros(new Shape(n)) : null;
        for (int k = 0; k < start; k++) {
            int t = start - 1 - k;
            try (NDManager step = block.newSubManager()) {
                x.attach(step);
                // So that whatever the network derives from the conditioning is freed with the step too.
                NDArray condition = conditions.get(k);
                condition.attach(step);
                NDArray eps = denoiser.predictNoise(weights, x, condition, null);
                NDArray next = x.sub(eps.mul(epsCoefficient[t])).mul(recipSqrtAlpha[t]);
                if (settings.posteriorNoise() && t > 0) {
                    next = next.add(noise.next(step, sigma[t]));
                }
                if (total != null) {
                    total.attach(step);
                    total = total.add(x.sub(next).square().mean(new int[] {1}));
                    total.attach(block);
                }
                next.attach(block);
                x = next;
            }
        }
        return total != null ? total : rows.sub(x).square().mean(new int[] {1});
    }

    /** Each row's own stream of Gaussian noise, drawn step by step into new tensors. */
    private final class RowNoise {
        private final SplittableRandom[] streams;
        private final float[] values;
        private final int n;
        private final int d;

        RowNoise(float[] rows, int n, int d) {
            this.n = n;
            this.d = d;
            this.values = new float[n * d];
            this.streams = new SplittableRandom[n];
            for (int r = 0; r < n; r++) {
                long h = seed;
                for (int j = 0; j < d; j++) {
                    h = (h ^ Float.floatToIntBits(rows[r * d + j])) * 0x9E3779B97F4A7C15L;
                    h ^= h >>> 31;
                }
                streams[r] = new SplittableRandom(h);
            }
        }

        /** {@code scale z}, {@code z ~ N(0, I)}, {@code [n, d]} in {@code manager}. */
        NDArray next(NDManager manager, float scale) {
            for (int r = 0; r < n; r++) {
                SplittableRandom stream = streams[r];
                for (int j = 0, o = r * d; j < d; j++, o++) {
                    values[o] = (float) (scale * stream.nextGaussian());
                }
            }
            return Tensors.floats(manager, values, new Shape(n, d));
        }
    }
}
