package example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.classical.KNN;
import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.Progress;
import dtad.detect.TestData;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import dtad.method.Constraint;
import dtad.method.Family;
import dtad.method.Method;
import dtad.method.MethodCatalog;
import dtad.method.Parameter;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A detector that only this test defines (outside dtad's packages, with no {@code META-INF/services} entry)
 * saves and loads through the public API, with its method given to the model files instead of registered.
 */
class OwnDetectorModelFilesTest {
    private static final Matrix TRAIN = TestData.gaussian(60, 3, 11, 0);
    private static final Matrix TEST = TestData.withPlantedOutlier(25, 3, 12);

    /** Score: the distance to the nearest of the first {@code keep} training rows. */
    record NearestKept(int keep) implements Detector<NearestKeptModel> {
        static final Parameter<NearestKept, Integer> KEEP = Parameter.of("keep", ParameterType.INTEGER, 10,
                Constraint.atLeast(1), "training rows kept", NearestKept::keep);
        static final Method<NearestKept> METHOD = new Method<>("Nearest-Kept", Family.CLASSICAL,
                "distance to the nearest of the first training rows", "none (a test's own detector)",
                ParameterTable.<NearestKept>builder()
                        .add(KEEP)
                        .build(v -> new NearestKept(v.get(KEEP))),
                NearestKeptModel::load);

        NearestKept {
            KEEP.require(keep);
        }

        @Override
        public String method() {
            return METHOD.name();
        }

        @Override
        public NearestKeptModel fit(Matrix train, Progress progress) {
            TrainingData data = TrainingData.of(train, keep);
            Matrix kept = data.standardized().rowRange(0, keep);
            return new NearestKeptModel(this, data.info(), distances(kept, data.standardized()), kept);
        }
    }

    static final class NearestKeptModel extends DetectorModel {
        private final NearestKept detector;
        private final Matrix kept;

        NearestKeptModel(NearestKept detector, TrainingInfo info, double[] trainingScores, Matrix kept) {
            super(info, trainingScores);
            this.detector = detector;
            this.kept = kept;
        }

        static NearestKeptModel load(NearestKept detector, TrainingInfo info, double[] trainingScores,
                PayloadReader payloads) throws IOException {
            return new NearestKeptModel(detector, info, trainingScores, payloads.matrix("kept"));
        }

        @Override
        public NearestKept detector() {
            return detector;
        }

        @Override
        protected double[] scoreStandardized(Matrix standardized) {
            return distances(kept, standardized);
        }

        @Override
        public void writePayloads(PayloadWriter out) throws IOException {
            out.matrix("kept", kept);
        }
    }

    private static double[] distances(Matrix kept, Matrix rows) {
        double[] out = new double[rows.rows()];
        for (int i = 0; i < rows.rows(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < kept.rows(); j++) {
                double sum = 0;
                for (int c = 0; c < rows.columns(); c++) {
                    double d = rows.get(i, c) - kept.get(j, c);
                    sum += d * d;
                }
                best = Math.min(best, Math.sqrt(sum));
            }
            out[i] = best;
        }
        return out;
    }

    @TempDir
    Path dir;

    @Test
    void savesWithItsMethodAndLoadsWithAnInjectedCatalogGivingTheSameScores() throws IOException {
        Path saved = dir.resolve("own");
        double[] scores;
        try (NearestKeptModel model = new NearestKept(7).fit(TRAIN)) {
            scores = model.score(TEST);
            ModelFiles.save(model, NearestKept.METHOD, saved);
        }
        assertTrue(Files.readString(saved.resolve("manifest.json")).contains("\"keep\" : \"7\""));
        try (DetectorModel loaded = ModelFiles.load(saved, MethodCatalog.of(NearestKept.METHOD))) {
            assertEquals(new NearestKept(7), loaded.detector());
            assertArrayEquals(scores, loaded.score(TEST));
            assertEquals(TRAIN.rows(), loaded.trainingScores().length);
        }
    }

    @Test
    void theInstalledMethodsPlusOwnLoadBothKinds() throws IOException {
        MethodCatalog methods = MethodCatalog.installed().with(NearestKept.METHOD);
        try (DetectorModel own = new NearestKept(5).fit(TRAIN); DetectorModel knn = new KNN().fit(TRAIN)) {
            ModelFiles.save(own, NearestKept.METHOD, dir.resolve("own"));
            knn.save(dir.resolve("knn"));
            try (DetectorModel ownAgain = ModelFiles.load(dir.resolve("own"), methods);
                 DetectorModel knnAgain = ModelFiles.load(dir.resolve("knn"), methods)) {
                assertArrayEquals(own.score(TEST), ownAgain.score(TEST));
                assertArrayEquals(knn.score(TEST), knnAgain.score(TEST));
            }
        }
    }

    @Test
    void theShortFormsSayHowToSaveAndLoadAMethodThatIsNotInstalled() throws IOException {
        Path target = dir.resolve("own");
        try (NearestKeptModel model = new NearestKept(5).fit(TRAIN)) {
            IllegalArgumentException save = assertThrows(IllegalArgumentException.class, () -> model.save(target));
            assertTrue(save.getMessage().contains("'Nearest-Kept' is not installed")
                    && save.getMessage().contains("ModelFiles.save(model, method, directory)"), save.getMessage());
            assertFalse(Files.exists(target), "nothing written when the method is unknown");
            ModelFiles.save(model, NearestKept.METHOD, target);
        }
        InputException load = assertThrows(InputException.class, () -> ModelFiles.load(target));
        assertTrue(load.getMessage().contains("Unknown method 'Nearest-Kept'"), load.getMessage());
        InputException otherCatalog = assertThrows(InputException.class,
                () -> ModelFiles.load(target, MethodCatalog.of(KNN.METHOD)));
        assertTrue(otherCatalog.getMessage().endsWith("known methods: KNN"), otherCatalog.getMessage());
    }

    @Test
    void refusesToSaveAModelWithAnotherMethodsDeclaration() throws IOException {
        try (DetectorModel knn = new KNN().fit(TRAIN)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ModelFiles.save(knn, NearestKept.METHOD, dir.resolve("knn")));
            assertTrue(e.getMessage().contains("not one of Nearest-Kept"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("knn")));
    }

    @Test
    void aCatalogRefusesANameTwiceInAnyCase() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MethodCatalog.of(KNN.METHOD).with(KNN.METHOD));
        assertTrue(e.getMessage().contains("registered twice: KNN"), e.getMessage());
    }
}
