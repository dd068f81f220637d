package dtad.torch;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.TrainingInfo;
import java.io.IOException;

/**
 * The part every fitted network detector shares: a {@link TrainedNetwork} that owns the native
 * memory, its parameters as the {@value #PARAMETERS} payload of the model file (a {@link ParameterFile}:
 * the tensors' names and shapes, then little-endian float32 in the order of the network's
 * {@link ParameterLayout}), and freeing the native memory once the model is closed ({@link #release}).
 * Subclasses say what the network's output means as a score.
 */
public abstract class NetworkModel extends DetectorModel {
    /** The payload name of the network parameters. */
    public static final String PARAMETERS = "parameters";

    private final TrainedNetwork network;

    protected NetworkModel(TrainingInfo info, double[] trainingScores, TrainedNetwork network) {
        super(info, trainingScores);
        this.network = network;
    }

    protected final TrainedNetwork network() {
        return network;
    }

    /** Reads the parameter payload written by {@link #writePayloads}. */
    protected static byte[] readParameters(PayloadReader payloads) throws IOException {
        return payloads.bytes(PARAMETERS);
    }

    /**
     * {@code width} values per raw row (scaled inside) from {@code head}, as a {@code double[rows][width]}, for
     * the models' explanations: the model is held open meanwhile, and a NaN is refused as a bug (as in scores).
     */
    protected final double[][] perRow(Matrix x, int width, TrainedNetwork.Head head) {
        return checked(whileOpen(() -> network.evaluate(standardize(x), width, head)));
    }

    /**
     * The integrated gradients ({@link IntegratedGradients#standard()}) of {@code head}'s value (the score)
     * with respect to each raw row (scaled inside), from the training mean.
     */
    protected final double[][] integratedGradients(Matrix x, TrainedNetwork.Head head) {
        return integratedGradients(x, head, IntegratedGradients.standard());
    }

    /** As {@link #integratedGradients(Matrix, TrainedNetwork.Head)} with another path rule (more points: closer sums, more cost). */
    protected final double[][] integratedGradients(Matrix x, TrainedNetwork.Head head, IntegratedGradients rule) {
        return checked(whileOpen(() -> rule.attributions(network, standardize(x), head)));
    }

    private double[][] checked(Matrix values) {
        double[][] rows = values.toArray();
        for (int r = 0; r < rows.length; r++) {
            for (double v : rows[r]) {
                if (Double.isNaN(v)) {
                    // A bug, not a user error: never hand out a silent NaN.
                    throw new IllegalStateException(detector().method() + " produced a NaN contribution for row "
                            + (r + 1));
                }
            }
        }
        return rows;
    }

    @Override
    public void writePayloads(PayloadWriter out) throws IOException {
        out.bytes(PARAMETERS, network.parameterBytes());
    }

    /** The number of native arrays the model holds; constant while it scores (for leak checks). */
    public final int nativeArrays() {
        return network.nativeArrays();
    }

    @Override
    protected void release() {
        network.close();
    }
}
