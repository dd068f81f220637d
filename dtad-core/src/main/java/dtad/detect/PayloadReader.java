package dtad.detect;

import dtad.data.Matrix;
import java.io.IOException;

/**
 * Reads back what a {@link PayloadWriter} wrote. Checksums were verified before a loader sees it; a
 * missing payload or one of the wrong kind is refused with a message naming the model directory.
 */
public interface PayloadReader {
    Matrix matrix(String name) throws IOException;

    double[] doubles(String name) throws IOException;

    int[] ints(String name) throws IOException;

    byte[] bytes(String name) throws IOException;
}
