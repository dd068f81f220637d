package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dtad.diffusion.NoiseSchedule;
import dtad.torch.Objective;
import dtad.torch.StepRandom;
import dtad.torch.image.RandomCrops;
import java.util.stream.IntStream;

/**
 * DDPM's training objective: for each clean row a time {@code t} uniform in {@code 0..T-1} (or over the times the
 * score reads, {@link ReconstructionSettings.TrainTimes#SCORED}), noise
 * {@code eps ~ N(0, I)} and "mean and variance" noising {@code x_t = sqrt(alphaBar_t) x_0 +
 * sqrt(1 - alphaBar_t) eps}; the loss is the mean squared error between the predicted and the true
 * noise over every value of the batch ({@code nn.MSELoss()}). Times and noise are drawn in Java from
 * the step's {@link StepRandom}. The table of {@code sqrt(alphaBar_t)} and {@code sqrt(1 - alphaBar_t)} is
 * also what {@link ReverseChain} noises a row with ({@code noise_first}).
 */
final class NoisePrediction {
    private final float[] signal;
    private final float[] noise;
    /** The times training draws from. */
    private final int[] times;

    NoisePrediction(NoiseSchedule schedule) {
        this(schedule, IntStream.range(0, schedule.steps()).toArray());
    }

    private NoisePrediction(NoiseSchedule schedule, int[] times) {
        this.times = times;
        int steps = schedule.steps();
        this.signal = new float[steps];
        this.noise = new float[steps];
        for (int t = 0; t < steps; t++) {
            signal[t] = (float) Math.sqrt(schedule.alphaBar(t));
            noise[t] = (float) Math.sqrt(1 - schedule.alphaBar(t));
        }
    }

    /** The objective of a fit with {@code settings}' diffusion (a linear schedule of its steps). */
    static NoisePrediction of(ReconstructionSettings settings) {
        return new NoisePrediction(NoiseSchedule.linear(settings.steps()), settings.trainingTimes());
    }

    /** {@code sqrt(alphaBar_t)}: how much of the clean row a row noised to {@code t} keeps. */
    float signal(int t) {
        return signal[t];
    }

    /** {@code sqrt(1 - alphaBar_t)}: the deviation of the noise of a row noised to {@code t}. */
    float noise(int t) {
        return noise[t];
    }

    /** The objective of a fit of {@code denoiser}. */
    Objective.Factory objective(Denoiser denoiser) {
        return fitManager -> (network, weights, batch, random) -> loss(denoiser, weights, batch, random);
    }

    /**
     * The objective of a fit that trains on random crops of the images: {@code cropped} is the network for the
     * crop's shape, with the same parameters as the network being trained.
     */
    Objective.Factory objective(Denoiser cropped, RandomCrops crops) {
        return fitManager -> (network, weights, batch, random) -> loss(cropped, weights, crops.of(batch, random), random);
    }

    /** The loss of a batch: draws a time per row, then the noise, and noises and denoises the batch. */
    NDArray loss(Denoiser denoiser, NDList weights, NDArray batch, StepRandom random) {
        int rows = Math.toIntExact(batch.getShape().get(0));
        int columns = Math.toIntExact(batch.getShape().get(1));
        int[] times = new int[rows];
        for (int r = 0; r < rows; r++) {
            times[r] = drawTime(random);
        }
        NDArray eps = random.floats(new Shape(rows, columns), (values, n) -> {
            for (int i = 0; i < n; i++) {
                values[i] = (float) random.nextGaussian();
            }
        });
        return loss(denoiser, weights, batch, times, eps, random);
    }

    /** A training time, uniform over the settings' {@link ReconstructionSettings#trainingTimes()}. */
    int drawTime(StepRandom random) {
        return times[random.nextInt(times.length)];
    }

    /**
     * The loss of a batch for given diffusion times ({@code [rows]}) and noise {@code eps} ({@code [rows,
     * features]}); {@code random} supplies the step's tensors and the denoiser's dropout masks.
     */
    NDArray loss(Denoiser denoiser, NDList weights, NDArray batch, int[] times, NDArray eps, StepRandom random) {
        int rows = times.length;
        NDArray a = random.floats(new Shape(rows, 1), (values, n) -> {
            for (int r = 0; r < rows; r++) {
                values[r] = signal[times[r]];
            }
        });
        NDArray b = random.floats(new Shape(rows, 1), (values, n) -> {
            for (int r = 0; r < rows; r++) {
                values[r] = noise[times[r]];
            }
        });
        NDArray t = random.floats(new Shape(rows), (values, n) -> {
            for (int r = 0; r < rows; r++) {
                values[r] = times[r];
            }
        });
        // In place: nothing here records a gradient, and a full-size temporary fewer per step counts at 224 px.
        NDArray noisy = batch.mul(a).addi(eps.mul(b));
        NDArray predicted = denoiser.predictNoise(weights, noisy, denoiser.conditioning(weights, t), random);
        return predicted.sub(eps).square().mean();
    }
}
