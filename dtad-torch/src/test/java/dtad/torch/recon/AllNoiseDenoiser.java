package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dtad.diffusion.NoiseSchedule;
import dtad.torch.ParameterLayout;
import dtad.torch.StepRandom;
import dtad.torch.Tensors;

/**
 * The ideal denoiser of data concentrated at 0: {@code x_t} is all noise, so it predicts
 * {@code x_t / sqrt(1 - alphaBar_t)}; its one-step reconstruction is 0 from any noise, so every draw's residual is
 * exactly {@code -x} and a row's error at every start its mean square.
 */
record AllNoiseDenoiser(NoiseSchedule schedule, int features) implements Denoiser {
    @Override
    public ParameterLayout layout() {
        ParameterLayout.Builder builder = ParameterLayout.builder();
        builder.add("unused", new ParameterLayout.Init.Constant(0), 1);
        return builder.build();
    }

    @Override
    public NDArray conditioning(NDList weights, NDArray times) {
        float[] t = times.toFloatArray();
        float[] deviations = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            deviations[i] = (float) Math.sqrt(1 - schedule.alphaBar((int) t[i]));
        }
        return Tensors.floats(times.getManager(), deviations, new Shape(t.length, 1));
    }

    @Override
    public NDArray predictNoise(NDList weights, NDArray noisy, NDArray conditioning, StepRandom random) {
        return noisy.div(conditioning);
    }
}
