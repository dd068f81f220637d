package dtad.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;

/**
 * The multilayer perceptron of the DTE reference implementation (Livernoche et al., 2024,
 * {@code diffusion/dte.py}, class {@code MLP}): linear layers {@code inputs -> hidden[0] -> ... ->
 * hidden[k-1] -> outputs}, a ReLU after every hidden layer, and dropout after every hidden layer but
 * the first. The output is linear (no softmax: the model that uses the network decides what its output
 * means). Parameters are initialised as PyTorch's {@code nn.Linear}: weights and biases uniform in
 * {@code +-1/sqrt(fanIn)}; weights are stored {@code [out, in]} as there. Dropout is inverted dropout
 * as {@code torch.nn.Dropout} (kept activations scaled by {@code 1/(1-p)}), with masks drawn by
 * {@link StepRandom}.
 *
 * <p><b>Members.</b> With {@code members = k > 1} the network is {@code k} such MLPs side by side, each with its own
 * weights (initialised apart), fed the same rows: layer weights are {@code [k, in, out]} and each layer one batched
 * product, so the members cost {@code k} times the arithmetic but not {@code k} times the ops. The output is
 * {@code [rows, k * outputs]}, member by member. Trained by a loss that is the sum of the members' losses, each
 * member gets the gradient of its own loss: {@code k} fits in one, sharing only the batches and the noise.
 */
public final class Mlp implements Network {
    private final int inputs;
    private final List<Integer> hidden;
    private final int outputs;
    private final double dropout;
    private final int members;
    private final ParameterLayout layout;

    /**
     * @param inputs  features per row
     * @param hidden  widths of the hidden layers (at least one)
     * @param outputs width of the output layer
     * @param dropout dropout probability after hidden layers 2..k, in {@code [0, 1)}
     */
    public Mlp(int inputs, List<Integer> hidden, int outputs, double dropout) {
        this(inputs, hidden, outputs, dropout, 1);
    }

    /**
     * @param inputs  features per row
     * @param hidden  widths of the hidden layers (at least one)
     * @param outputs width of each member's output layer
     * @param dropout dropout probability after hidden layers 2..k, in {@code [0, 1)}
     * @param members MLPs side by side (see the class comment); 1 is the plain MLP
     */
    public Mlp(int inputs, List<Integer> hidden, int outputs, double dropout, int members) {
        if (members < 1) {
            throw new IllegalArgumentException("Invalid number of members: " + members);
        }
        if (inputs < 1) {
            throw new IllegalArgumentException("Invalid number of inputs: " + inputs);
        }
        if (outputs < 1) {
            throw new IllegalArgumentException("Invalid number of outputs: " + outputs);
        }
        this.inputs = inputs;
        this.hidden = requireHidden(hidden);
        this.outputs = outputs;
        this.dropout = requireDropout(dropout);
        this.members = members;
        ParameterLayout.Builder builder = ParameterLayout.builder();
        int in = inputs;
        for (int i = 0; i <= this.hidden.size(); i++) {
            int out = i < this.hidden.size() ? this.hidden.get(i) : outputs;
            ParameterLayout.Init init = ParameterLayout.Init.linearDefault(in);
            if (members == 1) {
                builder.add("layer" + i + ".weight", init, out, in);
                builder.add("layer" + i + ".bias", init, out);
            } else {
                // Stored as the batched product reads them, so that no view of a weight is made per step.
                builder.add("layer" + i + ".weight", init, members, in, out);
                builder.add("layer" + i + ".bias", init, members, 1, out);
            }
            in = out;
        }
        this.layout = builder.build();
    }

    /**
     * Checks hidden layer widths (at least one layer, each at least 1 wide): the one check of them, which
     * the detectors built on this network call when they are configured. Returns an immutable copy.
     */
    public static List<Integer> requireHidden(List<Integer> hidden) {
        if (hidden == null || hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new IllegalArgumentException("Invalid hidden layer widths: " + hidden + " (at least one, each >= 1)");
        }
        return List.copyOf(hidden);
    }

    /** Checks a dropout probability, which must be in {@code [0, 1)}; returns it. */
    public static double requireDropout(double dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("Invalid dropout probability: " + dropout + " (must be in [0, 1))");
        }
        return dropout;
    }

    /** Makes the network for a number of input features (known only when the data arrive). */
    @FunctionalInterface
    public interface Factory {
        Mlp create(int inputs);
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public NDArray forward(NDList weights, NDArray input) {
        return forward(weights, input, null);
    }

    @Override
    public NDArray forwardTraining(NDList weights, NDArray input, StepRandom random) {
        return forward(weights, input, random);
    }

    /**
     * The forward pass; {@code random == null} means no dropout. With members, {@code [rows, in]} times
     * {@code [k, in, out]} is {@code [k, rows, out]}, and the members' outputs are laid side by side at the end.
     */
    private NDArray forward(NDList weights, NDArray input, StepRandom random) {
        long rows = input.getShape().get(0);
        NDArray x = input;
        int layers = hidden.size() + 1;
        for (int i = 0; i < layers; i++) {
            NDArray w = weights.get(2 * i);
            NDArray b = weights.get(2 * i + 1);
            x = members == 1 ? x.getNDArrayInternal().linear(x, w, b).singletonOrThrow() : x.matMul(w).add(b);
            if (i < layers - 1) {
                x = x.getNDArrayInternal().relu();
                if (i > 0 && random != null && dropout > 0) {
                    NDArray mask = random.dropoutMask(members * rows, hidden.get(i), dropout);
                    x = x.mul(members == 1 ? mask : mask.reshape(x.getShape()));
                }
            }
        }
        return members == 1 ? x : x.transpose(1, 0, 2).reshape(rows, (long) members * outputs);
    }

    public int inputs() {
        return inputs;
    }

    public List<Integer> hidden() {
        return hidden;
    }

    public int outputs() {
        return outputs;
    }

    public double dropout() {
        return dropout;
    }

    /** MLPs side by side; the output has {@code members * outputs} columns. */
    public int members() {
        return members;
    }
}
