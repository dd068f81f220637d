package dtad.torch.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.image.ImageShape;
import dtad.torch.StepRandom;
import dtad.torch.StepRandoms;
import dtad.torch.TorchEngine;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random crops: each row becomes a window of its own image at a random offset, every offset reachable. */
class RandomCropsTest {
    private static final ImageShape IMAGE = new ImageShape(2, 10, 7);

    /** Value of image r at (c, y, x): every pixel of every image tells where it came from. */
    private static float value(int r, int c, int y, int x) {
        return r * 1000 + c * 100 + y * 10 + x;
    }

    @Test
    void eachRowIsAWindowOfItsOwnImage() {
        RandomCrops crops = new RandomCrops(IMAGE, 4);
        assertEquals(new ImageShape(2, 4, 4), crops.cropShape());
        int n = 50;
        float[] rows = new float[n * IMAGE.values()];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < 2; c++) {
                for (int y = 0; y < 10; y++) {
                    for (int x = 0; x < 7; x++) {
                        rows[r * IMAGE.values() + IMAGE.index(c, y, x)] = value(r, c, y, x);
                    }
                }
            }
        }
        Set<Integer> offsets = new HashSet<>();
        try (NDManager manager = TorchEngine.newManager()) {
            StepRandom random = StepRandoms.seeded(1, manager);
            float[] out = crops.of(manager.create(rows).reshape(n, IMAGE.values()), random).toFloatArray();
            assertEquals(n * 32, out.length);
            ImageShape crop = crops.cropShape();
            for (int r = 0; r < n; r++) {
                float first = out[r * 32];
                int y0 = (int) (first - r * 1000) / 10;
                int x0 = (int) (first - r * 1000) % 10;
                assertTrue(y0 <= 6 && x0 <= 3, "offset " + y0 + "," + x0);
                offsets.add(y0 * 10 + x0);
                for (int c = 0; c < 2; c++) {
                    for (int y = 0; y < 4; y++) {
                        for (int x = 0; x < 4; x++) {
                            assertEquals(value(r, c, y0 + y, x0 + x), out[r * 32 + crop.index(c, y, x)],
                                    "row " + r + " c" + c + " y" + y + " x" + x);
                        }
                    }
                }
            }
        }
        // 7 x 4 offsets, 50 draws: most of them seen, so offsets vary per row.
        assertTrue(offsets.size() >= 15, "offsets " + offsets);
    }

    @Test
    void smallerSidesAreKeptWholeAndSmallImagesAreNotCropped() {
        assertEquals(new ImageShape(2, 8, 7), new RandomCrops(IMAGE, 8).cropShape());
        assertTrue(new RandomCrops(IMAGE, 8).crops());
        assertTrue(!new RandomCrops(IMAGE, 10).crops());
        assertTrue(!new RandomCrops(IMAGE, 0).crops());
        try (NDManager manager = TorchEngine.newManager()) {
            NDArray rows = manager.zeros(new Shape(3, IMAGE.values()));
            assertSame(rows, new RandomCrops(IMAGE, 10).of(rows, StepRandoms.seeded(1, manager)));
        }
    }
}
