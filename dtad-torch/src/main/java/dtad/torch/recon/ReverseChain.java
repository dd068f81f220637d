package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
 * optional ({@code posterior_noise}) and never added at {@code t = 0}. With several starts, each runs
 * its own chain from the row and the score is the geometric mean of their errors.
 *
 * <p><b>One step</b> ({@code score=one_step}, {@link ReconstructionSettings.Score#ONE_STEP}): instead of the chain,
 * each start noises the row to {@code t = s-1}, {@code x_t = sqrt(alphaBar_t) x + sqrt(1 - alphaBar_t) z}, and
 * reconstructs it in one step from the predicted noise,
 * {@code x0 = (x_t - sqrt(1 - alphaBar_t) eps_theta(x_t, t)) / sqrt(alphaBar_t)}; the start's error is
 * {@code mean_j (x_j - x0_j)^2} averaged over {@code draws} draws of {@code z} (it is the denoising loss at
 * {@code t} times {@code (1 - alphaBar_t) / alphaBar_t}). From a strongly noised row this asks what the
 * training data would make of the row's coarse shape, which is what sets a class apart, where the chain from
 * the clean row measures mostly how much fine texture a row has. The starts combine as the chains' do, and the
 * maps and contributions are the same squared errors.
 *
 * <p><b>Cost.</b> The chains are the whole cost of scoring: the sum of the starts in network evaluations
 * per row. The schedule's constants are Java floats computed once; the conditioning of every time a
 * chain visits is computed once per block (it depends on {@code t} alone) and each step adds its row to
 * every noised row; nothing is read back to the host until the scores. Each step's temporaries live in a
 * sub-manager closed at the end of the step. The one-step score costs {@code draws} evaluations per start.
 *
 * <p><b>Batch independence.</b> Rows go through in the fixed blocks of {@link dtad.torch.TrainedNetwork};
 * when the chain draws noise, each row's noise comes from its own stream, seeded by the model's seed
 * and the bits of the (scaled, float32) row itself: the same row gets the same noise, hence the same
 * score, whatever else is scored with it, and a model scores the same on every call.
 */
final class ReverseChain {
    /** Errors below this count as this in the geometric mean: a perfect reconstruction gives no -infinity. */
    private static final float SMALLEST_ERROR = 1e-30f;
    private final ReconstructionSettings settings;
    private final long seed;
    private final float[] recipSqrtAlpha;
    private final float[] epsCoefficient;
    private final float[] sigma;
    /** How {@code noise_first} noises a row to {@code t}: the training objective's own noising table. */
    private final NoisePrediction noising;
    /** Images with {@code smooth}: what smooths the one-step residuals; null: none. */
    private final ResidualSmoothing smoothing;

    ReverseChain(ReconstructionSettings settings, long seed) {
        this(settings, seed, null);
    }

    ReverseChain(ReconstructionSettings settings, long seed, ResidualSmoothing smoothing) {
        this.settings = settings;
        this.seed = seed;
        this.smoothing = smoothing;
        NoiseSchedule schedule = NoiseSchedule.linear(settings.steps());
        // The one-step score needs no chain constants.
        int longest = settings.score() == ReconstructionSettings.Score.CHAIN ? settings.longest() : 0;
        this.recipSqrtAlpha = new float[longest];
        this.epsCoefficient = new float[longest];
        this.sigma = new float[longest];
        this.noising = new NoisePrediction(schedule);
        for (int t = 0; t < longest; t++) {
            double beta = schedule.beta(t);
            recipSqrtAlpha[t] = (float) (1 / Math.sqrt(1 - beta));
            epsCoefficient[t] = (float) (beta / Math.sqrt(1 - schedule.alphaBar(t)));
            sigma[t] = (float) Math.sqrt(schedule.posteriorVariance(t));
        }
    }

    /**
     * The score of each row of {@code rows} ({@code [n, d]} in a block's manager): {@code [n]}, the error of
     * the one start, or the geometric mean of the starts' errors (their scales differ by orders of
     * magnitude; the mean of logs weighs each start alike, needs no statistics from training, and keeps a
     * row's score independent of the other rows).
     */
    NDArray scores(Denoiser denoiser, NDList weights, NDArray rows) {
        return combined(errors(denoiser, weights, rows));
    }

    /** The score of each row from its errors per start ({@code [n, starts]}): the error, or their geometric mean. */
    private static NDArray combined(NDArray errors) {
        if (errors.getShape().get(1) == 1) {
            return errors.squeeze(1);
        }
        return errors.maximum(SMALLEST_ERROR).log().mean(new int[] {1}).exp();
    }

    /** The error of each row (of {@code [n, d]}) for each start, in the order of the settings: {@code [n, starts]}. */
    NDArray errors(Denoiser denoiser, NDList weights, NDArray rows) {
        return NDArrays.stack(perStart(denoiser, weights, rows, Output.ROW_ERROR), 1);
    }

    /**
     * Each row's score split over its values, {@code [n, d]}, the row's parts summing to its score: each start's
     * error is the mean over the values of their squared errors (with {@code full_path}, of their squared
     * step-to-step differences summed over the steps); a value's share of a start's error is its part of that
     * sum, and its contribution is the score times its share averaged over the starts. For one start that is
     * the value's squared error divided by {@code d}.
     */
    NDArray contributions(Denoiser denoiser, NDList weights, NDArray rows) {
        NDList parts = perStart(denoiser, weights, rows, Output.SCORE_PARTS);
        NDList errors = new NDList();
        NDList shares = new NDList();
        for (NDArray part : parts) {
            errors.add(part.mean(new int[] {1}));
            // A perfect reconstruction (all parts 0) gives shares of 0, not 0/0.
            shares.add(part.div(part.sum(new int[] {1}, true).maximum(SMALLEST_ERROR)));
        }
        NDArray score = combined(NDArrays.stack(errors, 1));
        return NDArrays.stack(shares, 0).mean(new int[] {0}).mul(score.expandDims(1));
    }

    /**
     * The squared error of each value of each row after the reverse chain, {@code (x_j - x_{-1,j})^2}
     * ({@code [n, d]}), averaged over the starts; the score without {@code full_path} is its row mean (for one
     * start). Always the end point's error, also with {@code full_path}: a map of where the reconstruction
     * differs from the row.
     */
    NDArray squaredErrors(Denoiser denoiser, NDList weights, NDArray rows) {
        return NDArrays.stack(perStart(denoiser, weights, rows, Output.END_POINT_VALUES), 0).mean(new int[] {0});
    }

    /** What a chain hands back. */
    private enum Output {
        /** Each row's error, {@code [n]}: the end point's mean squared error, or the {@code full_path} sum. */
        ROW_ERROR,
        /** The squared error of each value at the end point, {@code [n, d]}, also with {@code full_path}. */
        END_POINT_VALUES,
        /** Each value's part of the row's error, {@code [n, d]}: the row's error is their mean. */
        SCORE_PARTS
    }

    /** One chain per start, in the order of the settings, each handing back {@code output}. */
    private NDList perStart(Denoiser denoiser, NDList weights, NDArray rows, Output output) {
        NDManager block = rows.getManager();
        int n = Math.toIntExact(rows.getShape().get(0));
        int d = Math.toIntExact(rows.getShape().get(1));
        RowNoise noise = settings.random() ? new RowNoise(rows.toFloatArray(), n, d) : null;
        NDList errors = new NDList();
        if (settings.score() == ReconstructionSettings.Score.ONE_STEP) {
            for (int start : settings.starts()) {
                errors.add(oneStep(denoiser, weights, rows, start - 1, noise, output));
            }
            return errors;
        }
        int longest = settings.longest();
        float[] times = new float[longest];
        for (int t = 0; t < longest; t++) {
            times[t] = t;
        }
        // The conditioning depends on t alone: computed once for every t any chain visits.
        NDList conditions = denoiser.conditioning(weights, Tensors.floats(block, times, new Shape(longest)))
                .split(longest, 0);
        for (int start : settings.starts()) {
            errors.add(chain(denoiser, weights, rows, start, conditions, noise, output));
        }
        return errors;
    }

    /**
     * {@link ReconstructionSettings.Score#ONE_STEP} at {@code t}: {@code draws} times, noise the row to {@code t}
     * and reconstruct it in one step, {@code x0 = (x_t - sqrt(1 - alphaBar_t) eps_theta(x_t, t)) / sqrt(alphaBar_t)};
     * the squared errors {@code (x_j - x0_j)^2} averaged over the draws, {@code [n, d]}, or their row means for
     * {@link Output#ROW_ERROR}. (The same as the noise-prediction error {@code (eps_theta - eps)^2} times
     * {@code (1 - alphaBar_t) / alphaBar_t}: the training loss at {@code t}.) With {@code smooth}, each draw's
     * signed residual {@code x0_j - x_j} is smoothed ({@link ResidualSmoothing}) before it is squared.
     */
    private NDArray oneStep(Denoiser denoiser, NDList weights, NDArray rows, int t, RowNoise noise, Output output) {
        NDManager block = rows.getManager();
        float signal = noising.signal(t);
        float deviation = noising.noise(t);
        NDArray condition = denoiser.conditioning(weights, Tensors.floats(block, new float[] {t}, new Shape(1)));
        NDArray total = null;
        for (int draw = 0; draw < settings.draws(); draw++) {
            try (NDManager step = block.newSubManager()) {
                // Everything the step derives lands in the step's manager (an op's result goes to its
                // first operand's), so that the network's temporaries are freed with the step.
                NDArray scaled = rows.mul(signal);
                scaled.attach(step);
                NDArray eps = noise.next(step, 1f);
                NDArray noisy = scaled.add(eps.mul(deviation));
                condition.attach(step);
                NDArray predicted = denoiser.predictNoise(weights, noisy, condition, null);
                NDArray residuals = noisy.sub(predicted.mul(deviation)).div(signal).sub(rows);
                NDArray squares = (smoothing == null ? residuals : smoothing.apply(residuals)).square();
                if (total != null) {
                    total.attach(step);
                    squares = total.add(squares);
                }
                squares.attach(block);
                condition.attach(block);
                total = squares;
            }
        }
        NDArray squares = total.div(settings.draws());
        return output == Output.ROW_ERROR ? squares.mean(new int[] {1}) : squares;
    }

    /** One chain from {@code t = start-1} down to 0, handing back {@code output}. */
    private NDArray chain(Denoiser denoiser, NDList weights, NDArray rows, int start, NDList conditions,
                          RowNoise noise, Output output) {
        NDManager block = rows.getManager();
        int n = Math.toIntExact(rows.getShape().get(0));
        NDArray x = settings.noiseFirst()
                ? rows.mul(noising.signal(start - 1)).add(noise.next(block, noising.noise(start - 1)))
                : rows.duplicate();
        int d = Math.toIntExact(rows.getShape().get(1));
        boolean perValue = output == Output.SCORE_PARTS;
        NDArray total = settings.fullPath() ? block.zeros(perValue ? new Shape(n, d) : new Shape(n)) : null;
        for (int t = start - 1; t >= 0; t--) {
            try (NDManager step = block.newSubManager()) {
                x.attach(step);
                // Borrowed for the step, so that whatever the network derives from it is freed with the step.
                NDArray condition = conditions.get(t);
                condition.attach(step);
                NDArray eps = denoiser.predictNoise(weights, x, condition, null);
                NDArray next = x.sub(eps.mul(epsCoefficient[t])).mul(recipSqrtAlpha[t]);
                if (settings.posteriorNoise() && t > 0) {
                    next = next.add(noise.next(step, sigma[t]));
                }
                if (total != null) {
                    total.attach(step);
                    NDArray squares = x.sub(next).square();
                    total = total.add(perValue ? squares : squares.mean(new int[] {1}));
                    total.attach(block);
                }
                condition.attach(block);
                next.attach(block);
                x = next;
            }
        }
        if (total != null && output != Output.END_POINT_VALUES) {
            return total;
        }
        NDArray squares = rows.sub(x).square();
        return output == Output.ROW_ERROR ? squares.mean(new int[] {1}) : squares;
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
