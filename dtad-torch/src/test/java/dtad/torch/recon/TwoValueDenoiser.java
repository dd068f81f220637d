package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dtad.torch.ParameterLayout;
import dtad.torch.StepRandom;

/** A denoiser of rows of two values with no weights of its own, whose noise prediction has a closed form: the chain's and the one-step score's tests. */
interface TwoValueDenoiser extends Denoiser {
    @Override
    default int features() {
        return 2;
    }

    @Override
    default ParameterLayout layout() {
        ParameterLayout.Builder builder = ParameterLayout.builder();
        builder.add("unused", new ParameterLayout.Init.Constant(0), 1);
        return builder.build();
    }

    /** Predicts {@code a x}, whatever the time: the reverse chain then has a closed form. */
    record Proportional(float a) implements TwoValueDenoiser {
        @Override
        public NDArray conditioning(NDList weights, NDArray times) {
            return times.reshape(-1, 1).mul(0f);
        }

        @Override
        public NDArray predictNoise(NDList weights, NDArray noisy, NDArray conditioning, StepRandom random) {
            return noisy.mul(a).add(conditioning);
        }
    }
}
