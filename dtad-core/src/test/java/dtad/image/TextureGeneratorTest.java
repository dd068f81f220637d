package dtad.image;

import static dtad.io.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.image.TextureGenerator.Defect;
import dtad.image.TextureGenerator.Options;
import dtad.image.TextureGenerator.Texture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextureGeneratorTest {
    @TempDir
    Path root;

    /** 4 training, 2 good test and 2 images per defect of 32 x 32 RGB fabric. */
    private static final Options SMALL = Options.defaults().withSize(32).withCounts(4, 2, 2).withSeed(7);

    @Test
    void generatesTheMvtecLayoutInMemory() {
        MvtecReader.Category category = TextureGenerator.generate(SMALL);
        ImageSet train = category.split().train();
        ImageSet test = category.split().test();
        assertEquals(new ImageShape(3, 32, 32), train.shape());
        assertEquals(4, train.size());
        assertEquals(List.of("blob", "good", "hole", "scratch", "stain"), test.classNames());
        assertEquals(10, test.size());
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 3, 3, 4, 4}, test.classes());
        assertArrayEquals(new int[] {1, 1, 0, 0, 1, 1, 1, 1, 1, 1}, test.labels());
        assertEquals(new ImageShape(1, 32, 32), category.maskShape());
        for (int i = 0; i < test.size(); i++) {
            double defectPixels = 0;
            for (double m : category.masks().row(i)) {
                assertTrue(m == 0 || m == 1, "masks are binary");
                defectPixels += m;
            }
            if (test.labels()[i] == 0) {
                assertEquals(0, defectPixels, "a good image has an empty mask");
            } else {
                // A defect is visible but small: at least 4 pixels, at most a quarter of the image.
                assertTrue(defectPixels >= 4 && defectPixels <= 256, "defect of " + defectPixels + " pixels");
            }
        }
    }

    @Test
    void isReproducibleUnderASeedAndVariesWithIt() {
        MvtecReader.Category a = TextureGenerator.generate(SMALL);
        MvtecReader.Category b = TextureGenerator.generate(SMALL);
        assertArrayEquals(a.split().train().pixels().values(), b.split().train().pixels().values());
        assertArrayEquals(a.split().test().pixels().values(), b.split().test().pixels().values());
        assertArrayEquals(a.masks().values(), b.masks().values());
        MvtecReader.Category other = TextureGenerator.generate(SMALL.withSeed(8));
        assertFalse(java.util.Arrays.equals(a.split().train().pixels().values(),
                other.split().train().pixels().values()));
    }

    @Test
    void pinnedImagesStayTheSameAcrossVersions() {
        // Golden values (8-bit sums) of SMALL, so that a change of the generated benchmark data is a decision.
        MvtecReader.Category category = TextureGenerator.generate(SMALL);
        assertEquals(1482433, Math.round(255 * java.util.Arrays.stream(category.split().train().pixels().values()).sum()));
        assertEquals(3684873, Math.round(255 * java.util.Arrays.stream(category.split().test().pixels().values()).sum()));
        assertEquals(269, java.util.Arrays.stream(category.masks().values()).sum());
    }

    @Test
    void addingDefectImagesDoesNotChangeTheTrainingImages() {
        // Each image has its own stream, split off in a fixed order: training images come first.
        MvtecReader.Category few = TextureGenerator.generate(SMALL);
        MvtecReader.Category more = TextureGenerator.generate(SMALL.withCounts(4, 2, 5));
        assertArrayEquals(few.split().train().pixels().values(), more.split().train().pixels().values());
    }

    @Test
    void defectsChangeExactlyTheMaskedPixels() {
        for (int channels : new int[] {1, 3}) {
            for (Texture texture : Texture.values()) {
                Options options = SMALL.withTexture(texture).withChannels(channels).withSize(48);
                MvtecReader.Category drawn = TextureGenerator.generate(options);
                MvtecReader.Category clean = TextureGenerator.generate(options, false);
                ImageSet test = drawn.split().test();
                int plane = 48 * 48;
                for (int i = 0; i < test.size(); i++) {
                    double[] with = test.pixels().row(i);
                    double[] without = clean.split().test().pixels().row(i);
                    double[] mask = drawn.masks().row(i);
                    int masked = 0;
                    int changed = 0;
                    for (int p = 0; p < plane; p++) {
                        boolean differs = false;
                        for (int c = 0; c < channels; c++) {
                            differs |= with[c * plane + p] != without[c * plane + p];
                        }
                        if (mask[p] == 0) {
                            assertFalse(differs, texture + " image " + i + ": unmasked pixel " + p + " changed");
                        } else {
                            masked++;
                            changed += differs ? 1 : 0;
                        }
                    }
                    assertTrue(changed >= 0.8 * masked, texture + " image " + i + ": only " + changed + " of "
                            + masked + " masked pixels changed");
                }
            }
        }
    }

    @Test
    void goodImagesVaryButShareTheirStatistics() {
        for (Texture texture : Texture.values()) {
            ImageSet train = TextureGenerator.generate(SMALL.withTexture(texture).withCounts(20, 1, 1)).split().train();
            double[] means = new double[train.size()];
            for (int i = 0; i < means.length; i++) {
                means[i] = java.util.Arrays.stream(train.pixels().row(i)).average().orElseThrow();
            }
            for (int i = 1; i < means.length; i++) {
                assertFalse(java.util.Arrays.equals(train.pixels().row(0), train.pixels().row(i)), texture.id());
                assertEquals(means[0], means[i], 0.12, texture + ": image means differ too much");
            }
        }
    }

    @Test
    void writesFilesThatMvtecReaderReadsBackExactly() throws Exception {
        Options options = SMALL.withChannels(1).withSize(20).withDefects(List.of(Defect.HOLE, Defect.SCRATCH));
        Path dir = root.resolve("fabric");
        MvtecReader.Category written = TextureGenerator.write(dir, options, false);
        assertTrue(Files.isRegularFile(dir.resolve("train/good/003.png")));
        assertTrue(Files.isRegularFile(dir.resolve("test/good/001.png")));
        assertTrue(Files.isRegularFile(dir.resolve("test/hole/001.png")));
        assertTrue(Files.isRegularFile(dir.resolve("ground_truth/scratch/000_mask.png")));
        try (Stream<Path> siblings = Files.list(root)) {
            assertEquals(List.of(dir), siblings.toList(), "no temporary folder is left behind");
        }
        MvtecReader.Category read = MvtecReader.read(dir, ImageOptions.DEFAULT);
        assertEquals(written.split().test().classNames(), read.split().test().classNames());
        assertArrayEquals(written.split().test().labels(), read.split().test().labels());
        assertArrayEquals(written.split().test().classes(), read.split().test().classes());
        assertArrayEquals(written.split().train().pixels().values(), read.split().train().pixels().values());
        assertArrayEquals(written.split().test().pixels().values(), read.split().test().pixels().values());
        assertArrayEquals(written.masks().values(), read.masks().values());
    }

    @Test
    void refusesANonEmptyFolderUnlessAskedToReplaceIt() throws Exception {
        Path dir = root.resolve("grid");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertRefused(dir.toString(), () -> TextureGenerator.write(dir, SMALL, false), "not empty");
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
        TextureGenerator.write(dir, SMALL, true);
        assertFalse(Files.exists(dir.resolve("notes.txt")));
        assertTrue(Files.isRegularFile(dir.resolve("test/stain/001.png")));
        Path file = root.resolve("file.png");
        Files.writeString(file, "x");
        assertRefused(file.toString(), () -> TextureGenerator.write(file, SMALL, true), "is a file");
    }

    @Test
    void acceptsTheSmallestSizeAndRefusesBadOptions() {
        MvtecReader.Category tiny = TextureGenerator.generate(SMALL.withSize(16));
        assertEquals(new ImageShape(3, 16, 16), tiny.split().test().shape());
        assertThrows(IllegalArgumentException.class, () -> SMALL.withSize(15));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withChannels(2));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withCounts(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withDefects(List.of(Defect.BLOB, Defect.BLOB)));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withDefects(List.of()));
    }
}
