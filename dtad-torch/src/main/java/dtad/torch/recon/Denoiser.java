package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import dtad.torch.Network;
import dtad.torch.StepRandom;

/**
 * A noise-prediction network {@code eps_theta(x_t, t)}, split in two so that the reverse chain can
 * compute the part that depends on {@code t} alone once per step for every row: {@link #conditioning}
 * of the diffusion times, then {@link #predictNoise} of the noised rows under that conditioning.
 *
 * <p>As a plain {@link Network}, the input is {@code [rows, features + 1]}: the noised row, then its
 * diffusion time in the last column.
 */
public interface Denoiser extends Network {

    /** Features per row (the width of the input and of the predicted noise). */
    int features();

    /**
     * The conditioning of diffusion times, {@code [n, width]}; computed without randomness.
     *
     * @param times {@code [n]} float32 diffusion times {@code 0..T-1}
     */
    NDArray conditioning(NDList weights, NDArray times);

    /**
     * The predicted noise of {@code noisy} ({@code [rows, features]}) under {@code conditioning}
     * ({@code [rows, width]}, or {@code [1, width]} for every row alike). {@code random} is null when
     * scoring (no dropout, running statistics) and draws the dropout masks while training.
     */
    NDArray predictNoise(NDList weights, NDArray noisy, NDArray conditioning, StepRandom random);

    @Override
    default NDArray forward(NDList weights, NDArray input) {
        return forward(weights, input, null);
    }

    @Override
    default NDArray forwardTraining(NDList weights, NDArray input, StepRandom random) {
        return forward(weights, input, random);
    }

    private NDArray forward(NDList weights, NDArray input, StepRandom random) {
        int d = features();
        NDArray rows = input.get(new NDIndex(":, :{}", d));
        NDArray times = input.get(new NDIndex(":, {}", d));
        return predictNoise(weights, rows, conditioning(weights, times), random);
    }
}
