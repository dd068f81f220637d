package dtad.torch.dte;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dtad.diffusion.NoiseSchedule;
import dtad.torch.StepRandom;

/**
 * The forward process of Diffusion Time Estimation: for each clean row a diffusion time {@code t}
 * uniform in {@code 0..T-1} and {@code x_t = x_0 + sqrt(sigma2_t) eps}, {@code eps ~ N(0, I)}
 * ("variance only" noising of {@link NoiseSchedule}). Times and noise are drawn in Java from the step's
 * {@link StepRandom}; the scaled noise goes to the native side in one tensor and is added to the batch
 * there.
 */
final class VarianceNoising {
    private final NoiseSchedule schedule;
    private final float[] scale;

    VarianceNoising(NoiseSchedule schedule) {
        this.schedule = schedule;
        this.scale = new float[schedule.steps()];
        for (int t = 0; t < scale.length; t++) {
            scale[t] = (float) Math.sqrt(schedule.variance(t));
        }
    }

    NoiseSchedule schedule() {
        return schedule;
    }

    /** A noised batch, {@code [rows, features]}, and the diffusion time of each row. */
    record Noised(NDArray rows, int[] times) {
    }

    /** Draws a time per row and noises the batch; the tensors live in the step's manager. */
    Noised noise(NDArray clean, StepRandom random) {
        int rows = Math.toIntExact(clean.getShape().get(0));
        int columns = Math.toIntExact(clean.getShape().get(1));
        int[] times = new int[rows];
        NDArray scaled = random.floats(new Shape(rows, columns), (noise, n) -> {
            for (int r = 0, o = 0; r < rows; r++) {
                times[r] = random.nextInt(scale.length);
                float s = scale[times[r]];
                for (int j = 0; j < columns; j++, o++) {
                    noise[o] = (float) (s * random.nextGaussian());
                }
            }
        });
        return new Noised(scaled.addi(clean), times);
    }
}
