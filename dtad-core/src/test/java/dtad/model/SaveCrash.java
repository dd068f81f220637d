package dtad.model;

import dtad.classical.KNN;
import dtad.detect.DetectorModel;
import dtad.detect.TestData;
import java.nio.file.Path;

/**
 * A process that replaces a model and dies between moving the old one aside and moving the new one in
 * (as a kill at that moment would): {@code SaveCrash MODEL_DIR}. Used by {@link ModelFilesTest}.
 */
public final class SaveCrash {
    private SaveCrash() {
    }

    public static void main(String[] args) throws Exception {
        ModelFiles.betweenRenames = () -> Runtime.getRuntime().halt(CRASHED);
        try (DetectorModel model = new KNN(3, KNN.Score.LARGEST).fit(TestData.gaussian(50, 4, 2, 0))) {
            ModelFiles.save(model, Path.of(args[0]), true);
        }
        System.exit(0); // not reached
    }

    static final int CRASHED = 77;
}
