package dtad.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.io.NpyArray;
import dtad.io.NpyReader;
import java.awt.image.BufferedImage;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyMapWriterTest {
    @TempDir
    Path dir;

    private static final ImageShape GRAY = new ImageShape(1, 32, 32);

    /** A uniform 0.4 gray image. */
    private static double[] image() {
        double[] image = new double[32 * 32];
        java.util.Arrays.fill(image, 0.4);
        return image;
    }

    /** Zero but for 1.0 on rows and columns 8 to 11. */
    private static double[] map() {
        double[] map = new double[32 * 32];
        for (int y = 8; y < 12; y++) {
            for (int x = 8; x < 12; x++) {
                map[y * 32 + x] = 1;
            }
        }
        return map;
    }

    /** The expected overlay of colour {@code rgb} with opacity {@code opacity} on gray 0.4. */
    private static int over(int rgb, double opacity) {
        double g = 0.4 * 255;
        int r = (int) Math.round((1 - opacity) * g + opacity * ((rgb >> 16) & 0xFF));
        int gr = (int) Math.round((1 - opacity) * g + opacity * ((rgb >> 8) & 0xFF));
        int b = (int) Math.round((1 - opacity) * g + opacity * (rgb & 0xFF));
        return r << 16 | gr << 8 | b;
    }

    @Test
    void writesTheMapAsFloat32AndAHeatmapWithItsColourScale() throws Exception {
        Path stem = dir.resolve("maps/hole/000");
        AnomalyMapWriter.write(stem, GRAY, image(), 0, map(), 0, new AnomalyMapWriter.Range(0, 1), false);

        NpyArray npy = NpyReader.read(dir.resolve("maps/hole/000.npy"));
        assertEquals("<f4", npy.dtype().descriptor());
        assertArrayEquals(new int[] {32, 32}, npy.shape());
        assertArrayEquals(map(), npy.values());

        BufferedImage png = ImageIO.read(dir.resolve("maps/hole/000.png").toFile());
        // 32 pixels are drawn 4 times enlarged, to 128.
        assertEquals(128, png.getHeight());
        assertTrue(png.getWidth() > 128 + 6 + 12, "room for the colour scale and its labels");
        // Inside the defect: yellow at 75%; elsewhere dark purple at 25%, over the gray image.
        assertEquals(over(0xFDE725, 0.75), png.getRGB(4 * 9, 4 * 10) & 0xFFFFFF);
        assertEquals(over(0x440154, 0.25), png.getRGB(100, 100) & 0xFFFFFF);
        // The scale: the top colour at the top, the bottom colour at the bottom.
        assertEquals(0xFDE725, png.getRGB(128 + 6 + 5, 0) & 0xFFFFFF);
        assertEquals(0x440154, png.getRGB(128 + 6 + 5, 127) & 0xFFFFFF);
        int ink = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 128 + 6 + 12 + 2; x < png.getWidth(); x++) {
                ink += (png.getRGB(x, y) & 0xFF) < 160 ? 1 : 0;
            }
        }
        assertTrue(ink > 10, "the min and max labels are drawn");
    }

    @Test
    void coloursFollowTheGivenRangeSoThatImagesCompare() {
        BufferedImage half = AnomalyMapWriter.render(GRAY, image(), 0, map(), 0, new AnomalyMapWriter.Range(0, 2));
        // 1.0 in the range [0, 2] is its middle: viridis(0.5) at 50% opacity.
        assertEquals(over(0x26828E, 0.5), half.getRGB(4 * 9, 4 * 10) & 0xFFFFFF);
        assertEquals(0x26828E, AnomalyMapWriter.colour(0.5));
        assertEquals(0xFDE725, AnomalyMapWriter.colour(7));
    }

    @Test
    void drawsRgbImagesInGrayAndKeepsLargeImagesAtTheirSize() {
        ImageShape rgb = new ImageShape(3, 130, 140);
        double[] image = new double[1 + rgb.values()];
        double[] map = new double[3 + 130 * 140];
        for (int p = 0; p < 130 * 140; p++) {
            image[1 + p] = 0.4 / ImageConversion.RED;
        }
        BufferedImage png = AnomalyMapWriter.render(rgb, image, 1, map, 3, new AnomalyMapWriter.Range(0, 1));
        assertEquals(130, png.getHeight());
        // Only red in the image: its gray is 0.4 (BT.601 luma).
        assertEquals(over(0x440154, 0.25), png.getRGB(70, 60) & 0xFFFFFF);
    }

    @Test
    void refusesToOverwriteEitherFileUnlessAsked() throws Exception {
        Path stem = dir.resolve("000");
        Files.writeString(dir.resolve("000.png"), "mine");
        AnomalyMapWriter.Range range = new AnomalyMapWriter.Range(0, 1);
        assertThrows(FileAlreadyExistsException.class,
                () -> AnomalyMapWriter.write(stem, GRAY, image(), 0, map(), 0, range, false));
        assertFalse(Files.exists(dir.resolve("000.npy")), "nothing is written when one file exists");
        assertEquals("mine", Files.readString(dir.resolve("000.png")));
        AnomalyMapWriter.write(stem, GRAY, image(), 0, map(), 0, range, true);
        assertTrue(Files.size(dir.resolve("000.png")) > 100);
        double[] nan = map();
        nan[5] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> AnomalyMapWriter.Range.of(nan));
        assertThrows(IllegalArgumentException.class,
                () -> AnomalyMapWriter.render(GRAY, image(), 0, nan, 0, range));
    }
}
