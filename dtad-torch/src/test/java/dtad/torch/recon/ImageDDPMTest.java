package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.InputException;
import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.image.ImageShape;
import dtad.method.Methods;
import dtad.metrics.RankingMetrics;
import dtad.model.ModelFiles;
import dtad.torch.ParameterVector;
import dtad.torch.TorchEngine;
import dtad.torch.TrainingSettings;
import dtad.torch.image.ImageSize;
import dtad.torch.image.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The image DDPM: a small U-Net on 8x8 bar images learns them and ranks vertical bars above them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageDDPMTest {
    private static final ImageShape SHAPE = new ImageShape(1, 8, 8);
    private final List<Double> losses = new ArrayList<>();
    private ReconstructionModel model;

    /** A short chain: scoring runs the U-Net once per step on blocks of 256 images, the cost of these tests. */
    static final ReconstructionSettings CHAIN = new ReconstructionSettings(100, List.of(3), false, false, false);

    static ImageDDPM tiny(ImageSize size, int epochs) {
        return size.setIn(new TrainingSettings(epochs, 32, 1e-3, 0, 0, true).setIn(CHAIN.setIn(ImageDDPM.builder())))
                .set(ImageDDPM.BASE, 8).set(ImageDDPM.MULTIPLIERS, List.of(1, 2)).set(ImageDDPM.TIME_DIM, 16)
                .set(ReconstructionParameters.EARLY_STOP, false).build();
    }

    @BeforeAll
    void fit() {
        model = tiny(ImageSize.INFERRED, 6).fit(TestImages.normal(256, SHAPE, 1),
                (done, total, message) -> losses.add(Double.parseDouble(message.substring("loss ".length()))));
    }

    @AfterAll
    void close() {
        model.close();
    }

    @Test
    void isRegisteredWithTheImageShapeAsParameters() {
        assertEquals(ImageDDPM.METHOD, Methods.find("ImageDDPM"));
        ImageDDPM configured = ImageDDPM.METHOD.configure(Map.of("channels", "3", "height", "10", "width", "14"));
        assertEquals(new ImageSize(3, 10, 14), configured.image());
        assertThrows(IllegalArgumentException.class,
                () -> ImageDDPM.METHOD.configure(Map.of("channels", "3")));
    }

    @Test
    void fittedModelRecordsTheInferredShape() {
        assertEquals(new ImageSize(1, 8, 8), ((ImageDDPM) model.detector()).image());
    }

    @Test
    void theUNetTrainsOnEveryCoreAndTheEngineKeepsOneThreadOutsideTheFit() {
        assertTrue(tiny(ImageSize.INFERRED, 1).denoiser(64).trainsOnAllCores());
        assertEquals(1, dtad.torch.TorchEngine.threads());
    }

    @Test
    void trainingLossDecreases() {
        assertEquals(6, losses.size());
        assertTrue(losses.get(5) < 0.85 * losses.get(0), "losses " + losses);
    }

    @Test
    void verticalBarsScoreAboveHorizontalOnes() {
        double[] scores = model.score(TestImages.mixed(100, 20, SHAPE, 7));
        double auc = RankingMetrics.aucRoc(scores, TestImages.labels(100, 20));
        assertTrue(auc > 0.8, "AUC " + auc);
    }

    @Test
    void scoringLeavesNoNativeArraysBehind() {
        Matrix test = TestImages.mixed(5, 5, SHAPE, 8);
        model.score(test);
        int before = model.nativeArrays();
        model.score(test);
        assertEquals(before, model.nativeArrays());
    }

    @Test
    void seededFitsRepeat() {
        Matrix train = TestImages.normal(32, SHAPE, 2);
        Matrix test = TestImages.mixed(5, 5, SHAPE, 3);
        try (ReconstructionModel a = tiny(ImageSize.INFERRED, 1).fit(train);
             ReconstructionModel b = tiny(ImageSize.INFERRED, 1).fit(train)) {
            assertArrayEquals(a.score(test), b.score(test));
        }
    }

    @Test
    void savedModelScoresIdenticallyAndKeepsItsShape(@TempDir Path dir) throws Exception {
        Matrix test = TestImages.mixed(10, 5, SHAPE, 4);
        model.save(dir.resolve("model"));
        String manifest = Files.readString(dir.resolve("model").resolve("manifest.json"));
        assertTrue(manifest.contains("\"height\" : \"8\""), manifest);
        try (DetectorModel loaded = ModelFiles.load(dir.resolve("model"))) {
            assertArrayEquals(model.score(test), loaded.score(test));
            InputException e = assertThrows(InputException.class,
                    () -> ((ImageDDPM) loaded.detector()).requireShape(new ImageShape(3, 8, 8)));
            assertTrue(e.getMessage().contains("1x8x8"), e.getMessage());
        }
    }

    @Test
    void oddSizesAndColourImagesWork() {
        for (ImageShape shape : List.of(new ImageShape(1, 10, 14), new ImageShape(3, 5, 3))) {
            ImageDDPM config = tiny(ImageSize.of(shape), 1);
            try (ReconstructionModel fitted = config.fit(TestImages.normal(32, shape, 5))) {
                double[] scores = fitted.score(TestImages.mixed(3, 3, shape, 6));
                assertEquals(6, scores.length);
                for (double s : scores) {
                    assertTrue(Double.isFinite(s) && s >= 0, shape + ": " + s);
                }
            }
        }
    }

    @Test
    void refusesRowsOfTheWrongSizeForTheConfiguredShape() {
        InputException e = assertThrows(InputException.class,
                () -> tiny(new ImageSize(1, 8, 8), 1).fit(TestImages.normal(10, new ImageShape(1, 6, 6), 1)));
        assertTrue(e.getMessage().contains("1x8x8"), e.getMessage());
    }

    @Test
    void unetPredictsNoiseOfTheImageShapeAndStartsAtZero() {
        ImageUNet net = new ImageUNet(new ImageShape(3, 10, 14), 8, List.of(1, 2, 2), 16);
        try (NDManager manager = TorchEngine.newManager()) {
            ParameterVector p = ParameterVector.of(manager, net.layout(),
                    net.layout().initialValues(new SplittableRandom(1)));
            NDArray x = manager.randomNormal(new Shape(5, 3 * 10 * 14));
            NDArray eps = net.predictNoise(p.tensors(), x,
                    net.conditioning(p.tensors(), manager.create(new float[] {0, 1, 2, 3, 4})), null);
            assertEquals(new Shape(5, 420), eps.getShape());
            // The zero output convolution: the untrained network predicts no noise.
            assertEquals(0f, eps.abs().max().getFloat());
        }
    }

    @Test
    void scoringPassEqualsTheRecordedTrainingPass() {
        // Scoring updates its temporaries in place and skips the output-channel padding of the convolutions;
        // it must compute what the recorded pass of training computes, with every weight non-zero.
        ImageUNet net = new ImageUNet(new ImageShape(1, 12, 12), 8, List.of(1, 3), 16);
        SplittableRandom random = new SplittableRandom(4);
        float[] values = new float[net.layout().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (0.2 * random.nextGaussian());
        }
        try (NDManager manager = TorchEngine.newManager()) {
            NDArray x = manager.randomNormal(new Shape(6, 144));
            NDArray times = manager.create(new float[] {0, 3, 9, 20, 40, 80});
            ParameterVector scoring = ParameterVector.of(manager, net.layout(), values);
            float[] scored = net.predictNoise(scoring.tensors(), x, net.conditioning(scoring.tensors(), times), null)
                    .toFloatArray();
            ParameterVector training = ParameterVector.of(manager, net.layout(), values);
            training.recordGradients();
            float[] recorded = net.predictNoise(training.tensors(), x,
                    net.conditioning(training.tensors(), times), null).toFloatArray();
            assertTrue(recorded[0] != 0f);
            assertArrayEquals(recorded, scored, 1e-5f);
        }
    }

    @Test
    void largeImagesTrainOnCropsOfTheSameNetwork() {
        // The U-Net's parameters do not depend on the image size, so the crop's network trains the image's.
        List<String> full = describe(new ImageUNet(new ImageShape(3, 224, 224), 8, List.of(1, 2), 16));
        assertEquals(full, describe(new ImageUNet(new ImageShape(3, 64, 64), 8, List.of(1, 2), 16)));
        ImageShape large = new ImageShape(1, 24, 24);
        Matrix train = TestImages.normal(128, large, 1);
        Matrix test = TestImages.mixed(40, 20, large, 7);
        ImageDDPM cropped = tiny(ImageSize.INFERRED, 6).toBuilder().set(ImageDDPM.CROP, 8).build();
        try (ReconstructionModel onCrops = cropped.fit(train);
             ReconstructionModel whole = tiny(ImageSize.INFERRED, 6).fit(train)) {
            double[] scores = onCrops.score(test);
            // Trained on 8 x 8 windows, scored on the whole 24 x 24 images.
            double auc = RankingMetrics.aucRoc(scores, TestImages.labels(40, 20));
            assertTrue(auc > 0.8, "AUC " + auc);
            assertTrue(!Arrays.equals(scores, whole.score(test)), "the crops were not used");
        }
    }

    @Test
    void imagesNoLargerThanTheCropTrainWhole() {
        Matrix train = TestImages.normal(32, SHAPE, 2);
        Matrix test = TestImages.mixed(5, 5, SHAPE, 3);
        try (ReconstructionModel a = tiny(ImageSize.INFERRED, 1).toBuilder().set(ImageDDPM.CROP, 8).build().fit(train);
             ReconstructionModel b = tiny(ImageSize.INFERRED, 1).toBuilder().set(ImageDDPM.CROP, 0).build().fit(train)) {
            assertArrayEquals(a.score(test), b.score(test));
        }
    }

    private static List<String> describe(ImageUNet net) {
        return net.layout().tensors().stream().map(t -> t.name() + Arrays.toString(t.shape())).toList();
    }

    @Test
    void upsamplingRepeatsEachPixelIntoASquare() {
        try (NDManager manager = TorchEngine.newManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
                    ImageUNet.upsample2x(x).toFloatArray());
        }
    }
}
