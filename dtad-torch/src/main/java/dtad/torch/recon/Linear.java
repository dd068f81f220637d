package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dtad.torch.ParameterLayout;

/**
 * A fully connected layer {@code y = x W^T + b} as {@code torch.nn.Linear}: weight {@code [out, in]},
 * bias {@code [out]}, applied to the last axis of any input. Holds only the positions of its two
 * tensors in the network's tensor list.
 */
record Linear(int weight, int bias, int in, int out) {

    /** Declares a layer with PyTorch's default initialisation (uniform in {@code +-1/sqrt(in)}). */
    static Linear declare(ParameterLayout.Builder builder, String name, int in, int out) {
        ParameterLayout.Init init = ParameterLayout.Init.linearDefault(in);
        return declare(builder, name, in, out, init, init);
    }

    /** Declares a layer with the given initialisations of the weight and the bias. */
    static Linear declare(ParameterLayout.Builder builder, String name, int in, int out,
                          ParameterLayout.Init weightInit, ParameterLayout.Init biasInit) {
        int w = builder.add(name + ".weight", weightInit, out, in);
        int b = builder.add(name + ".bias", biasInit, out);
        return new Linear(w, b, in, out);
    }

    /** Xavier-uniform weights ({@code +-sqrt(6 / (in + out))}) and zero bias, as DiT initialises its layers. */
    static Linear declareXavier(ParameterLayout.Builder builder, String name, int in, int out) {
        return declare(builder, name, in, out, new ParameterLayout.Init.Uniform(Math.sqrt(6.0 / (in + out))),
                new ParameterLayout.Init.Constant(0));
    }

    /** Zero weights and bias (adaLN-Zero's modulation and DiT's output layer). */
    static Linear declareZero(ParameterLayout.Builder builder, String name, int in, int out) {
        ParameterLayout.Init zero = new ParameterLayout.Init.Constant(0);
        return declare(builder, name, in, out, zero, zero);
    }

    /** {@code x W^T + b}; the result lives in {@code x}'s manager. */
    NDArray apply(NDList weights, NDArray x) {
        return x.getNDArrayInternal().linear(x, weights.get(weight), weights.get(bias)).singletonOrThrow();
    }
}
