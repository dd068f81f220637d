package dtad.io;

import dtad.InputException;
import dtad.data.Dataset;
import dtad.data.Matrix;
import java.nio.file.Path;

/**
 * The arrays of an NPZ data file as stored: the features {@code X} and, when present, the labels
 * {@code y}, each with its dtype, before they become a {@link Dataset}.
 *
 * @param file the NPZ file
 * @param x    the features, entry {@code X.npy}
 * @param y    the labels, entry {@code y.npy}, or {@code null} when the file has none
 */
public record NpzArrays(Path file, NpyArray x, NpyArray y) {

    /** The data set's name: the file name without {@code .npz}. */
    public String name() {
        return InputFiles.baseName(file);
    }

    /**
     * The data set: {@code X} must have rank 2; {@code y}, if present, rank 1 (or one column), one label
     * per row of {@code X}, each 0 or 1.
     */
    public Dataset toDataset() {
        Matrix features = x.toMatrix();
        int[] labels = null;
        if (y != null) {
            labels = y.toLabels();
            if (labels.length != features.rows()) {
                throw new InputException(y.source() + ": " + labels.length + " labels for " + features.rows()
                        + " rows of X (shape " + x.shapeText() + ")");
            }
        }
        return new Dataset(name(), features, labels);
    }
}
