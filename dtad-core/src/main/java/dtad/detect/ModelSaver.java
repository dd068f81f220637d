package dtad.detect;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes fitted models to directories: the service behind {@link DetectorModel#save}. dtad-core's model
 * files ({@code dtad.model.ModelFiles}) provide it through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dtad.detect.ModelSaver}), so that the API does not depend on the file format:
 * a model only says what it holds ({@link DetectorModel#writePayloads}).
 */
public interface ModelSaver {

    /**
     * Writes {@code model} to {@code directory}, which must not exist yet (or be empty).
     *
     * @throws IllegalArgumentException if this saver cannot write the model's method
     */
    void save(DetectorModel model, Path directory) throws IOException;
}
