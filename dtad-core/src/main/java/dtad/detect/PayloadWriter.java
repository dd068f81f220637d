package dtad.detect;

import dtad.data.Matrix;
import java.io.IOException;

/**
 * Where a model writes its fitted state. Arrays become NPY files (so numpy can read them too), bytes
 * (e.g. network parameters) raw files; each gets a checksum in the manifest. Names are short words
 * ({@code [a-z0-9_]+}), unique per model.
 */
public interface PayloadWriter {
    void matrix(String name, Matrix value) throws IOException;

    void doubles(String name, double[] value) throws IOException;

    void ints(String name, int[] value) throws IOException;

    void bytes(String name, byte[] value) throws IOException;
}
