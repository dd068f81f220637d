package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.diffusion.NoiseSchedule;
import dtad.image.GaussianBlur;
import dtad.image.ImageShape;
import dtad.torch.Tensors;
import dtad.torch.TorchEngine;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code smooth}: the one-step score squares each draw's residual after a Gaussian over the image's pixels. */
class ResidualSmoothingTest {
    /** Two images of two 3 x 4 channels. */
    private static final ImageShape SHAPE = new ImageShape(2, 3, 4);
    private static final int N = 2;
    private static final ReconstructionSettings ONE_STEP = new ReconstructionSettings(100, List.of(20, 60), false,
            false, false).withScore(ReconstructionSettings.Score.ONE_STEP, 3).withSmoothing(1.5);

    private static float[] images() {
        SplittableRandom random = new SplittableRandom(3);
        float[] values = new float[N * SHAPE.values()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** Each plane of {@code values} blurred as {@link GaussianBlur} does, then squared. */
    private static double[] blurredSquares(float[] values, double sigma) {
        int plane = SHAPE.height() * SHAPE.width();
        double[] out = new double[values.length];
        for (int offset = 0; offset < values.length; offset += plane) {
            double[] map = new double[plane];
            for (int i = 0; i < plane; i++) {
                map[i] = values[offset + i];
            }
            double[] blurred = GaussianBlur.blur(map, 0, SHAPE.height(), SHAPE.width(), sigma);
            for (int i = 0; i < plane; i++) {
                out[offset + i] = blurred[i] * blurred[i];
            }
        }
        return out;
    }

    @Test
    void theOneStepErrorIsTheSquareOfEachChannelsBlurredResidual() {
        float[] x = images();
        double[] expected = blurredSquares(x, 1.5);
        AllNoiseDenoiser ideal = new AllNoiseDenoiser(NoiseSchedule.linear(100), SHAPE.values());
        ReverseChain chain = new ReverseChain(ONE_STEP, 0, new ResidualSmoothing(SHAPE, 1.5));
        float[] maps;
        float[] scores;
        try (NDManager manager = TorchEngine.newManager()) {
            NDArray rows = Tensors.floats(manager, x, new Shape(N, SHAPE.values()));
            maps = chain.squaredErrors(ideal, new NDList(), rows).toFloatArray();
            scores = chain.scores(ideal, new NDList(), rows).toFloatArray();
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], maps[i], 1e-4 + 1e-4 * expected[i], "value " + i);
        }
        for (int r = 0; r < N; r++) {
            double mean = 0;
            double unsmoothed = 0;
            for (int j = 0; j < SHAPE.values(); j++) {
                mean += expected[r * SHAPE.values() + j] / SHAPE.values();
                unsmoothed += (double) x[r * SHAPE.values() + j] * x[r * SHAPE.values() + j] / SHAPE.values();
            }
            assertEquals(mean, scores[r], 1e-4 * mean, "image " + r);
            assertTrue(scores[r] < 0.7 * unsmoothed, "smoothing white noise removes most of its energy");
        }
    }

    @Test
    void theImageNetworksDeclareTheKeyAndOlderModelFilesDidNotSmooth() {
        assertEquals(2.0, ImageDiT.METHOD.configure(Map.of("smooth", "2")).reconstruction().smooth());
        assertEquals(0.0, ImageDiT.METHOD.configureSaved(Map.of()).reconstruction().smooth());
        assertEquals(0.0, ImageDDPM.METHOD.configureSaved(Map.of()).reconstruction().smooth());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> ImageDDPM.METHOD.configure(Map.of("smooth", "-1")));
        assertTrue(negative.getMessage().contains("smooth"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DiT.METHOD.configure(Map.of("smooth", "1")),
                "the tabular networks have no pixels to smooth over");
        IllegalArgumentException tabular = assertThrows(IllegalArgumentException.class, () -> {
            DDPM d = DDPM.defaults();
            new DDPM(d.reconstruction().withSmoothing(1), d.width(), d.blockWidth(), d.blocks(), d.dropoutFirst(),
                    d.dropoutSecond(), d.timeDim(), d.training(), d.earlyStop());
        });
        assertEquals(ReconstructionParameters.SMOOTH_IMAGES_ONLY, tabular.getMessage());
    }
}
