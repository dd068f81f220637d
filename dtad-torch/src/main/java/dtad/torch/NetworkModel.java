package dtad.torch;

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
