package dtad.model;

import dtad.detect.DetectorModel;
import dtad.detect.ModelSaver;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@link ModelSaver} service behind {@link DetectorModel#save}: {@link ModelFiles#save(DetectorModel, Path)}
 * (installed methods). Listed in {@code META-INF/services/dtad.detect.ModelSaver}; not meant to be used directly.
 */
public final class ModelFilesSaver implements ModelSaver {

    @Override
    public void save(DetectorModel model, Path directory) throws IOException {
        ModelFiles.save(model, directory);
    }
}
