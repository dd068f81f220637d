package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.image.ImageShape;
import dtad.image.PngWriter;
import dtad.image.TextureGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fit and score on images: folders, class subfolders, MVTec-AD categories; the image shape travels with the model. */
class ImageCommandTest {
    private static final ImageShape GRAY8 = new ImageShape(1, 8, 8);

    @TempDir
    Path dir;

    /** Writes {@code count} gray 8x8 images: faint noise, plus a bright square when {@code defect}. */
    static void writeImages(Path folder, String prefix, int count, boolean defect, long seed, ImageShape shape)
            throws IOException {
        Files.createDirectories(folder);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            double[] pixels = new double[shape.values()];
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = 0.2 + 0.1 * random.nextDouble();
            }
            if (defect) {
                for (int c = 0; c < shape.channels(); c++) {
                    for (int y = 2; y < 6; y++) {
                        for (int x = 2; x < 6; x++) {
                            pixels[shape.index(c, y, x)] = 1;
                        }
                    }
                }
            }
            PngWriter.write(folder.resolve(String.format("%s%03d.png", prefix, i)), shape, pixels, 0, false);
        }
    }

    @Test
    void tabularMethodFitsOnPixelsAndScoresAFolderWithAFileColumnAndAuc() throws IOException {
        writeImages(dir.resolve("train"), "n", 30, false, 1, GRAY8);
        writeImages(dir.resolve("test/good"), "g", 6, false, 2, GRAY8);
        writeImages(dir.resolve("test/scratch"), "s", 3, true, 3, GRAY8);
        Path model = dir.resolve("model");
        CommandRun fit = CommandRun.of("fit", "--method", "KNN", "--train", dir.resolve("train").toString(),
                "--out", model.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.err().contains("Images: fitting KNN on the flattened pixels of 30 images of 1x8x8 (64 values each)"),
                fit.err());
        assertTrue(Files.readString(model.resolve("manifest.json")).contains("c0_y7_x7"));

        Path scores = dir.resolve("scores.csv");
        CommandRun score = CommandRun.of("score", "--model", model.toString(), "--data", dir.resolve("test").toString(),
                "--out", scores.toString(), "--contamination", "0.1");
        assertEquals(0, score.exitCode(), score.err());
        List<String> lines = Files.readAllLines(scores);
        assertEquals("file,score,label", lines.get(0));
        assertEquals(1 + 9, lines.size());
        assertTrue(lines.get(1).startsWith("good/g000.png,"), lines.get(1));
        assertTrue(lines.get(9).startsWith("scratch/s002.png,"), lines.get(9));
        for (int i = 7; i <= 9; i++) {
            assertTrue(lines.get(i).endsWith(",1"), "the bright squares are anomalies: " + lines.get(i));
        }
        assertTrue(score.err().contains("Against the folders' labels: AUC-ROC 1.0000"), score.err());
        CommandRun maps = CommandRun.of("score", "--model", model.toString(), "--data", dir.resolve("test").toString(),
                "--out", dir.resolve("s2.csv").toString(), "--maps", dir.resolve("maps").toString());
        assertTrue(maps.isOneLineUserError() && maps.err().contains("needs an ImageDDPM, ImageDiT or DTE-NP model"), maps.err());
    }

    @Test
    void imagesOfAnotherShapeAreOneLineErrorsNamingTheFolderUnlessConverted() throws IOException {
        writeImages(dir.resolve("train"), "n", 20, false, 1, GRAY8);
        writeImages(dir.resolve("rgb"), "c", 3, false, 2, new ImageShape(3, 8, 8));
        writeImages(dir.resolve("big"), "b", 3, false, 3, new ImageShape(1, 12, 12));
        Path model = dir.resolve("model");
        assertEquals(0, CommandRun.of("fit", "--method", "IForest", "--train", dir.resolve("train").toString(),
                "--out", model.toString()).exitCode());
        for (String folder : new String[] {"rgb", "big"}) {
            CommandRun run = CommandRun.of("score", "--model", model.toString(), "--data",
                    dir.resolve(folder).toString(), "--out", dir.resolve(folder + ".csv").toString());
            assertTrue(run.isOneLineUserError(), run.err());
            assertTrue(run.err().contains(dir.resolve(folder).toString()) && run.err().contains("1x8x8"), run.err());
        }
        CommandRun converted = CommandRun.of("score", "--model", model.toString(), "--data",
                dir.resolve("big").toString(), "--size", "8", "--out", dir.resolve("big.csv").toString());
        assertEquals(0, converted.exitCode(), converted.err());
        CommandRun gray = CommandRun.of("score", "--model", model.toString(), "--data",
                dir.resolve("rgb").toString(), "--channels", "1", "--out", dir.resolve("rgb.csv").toString());
        assertEquals(0, gray.exitCode(), gray.err());
    }

    @Test
    void ditOnAnMvtecCategoryUsesTheImageNetworkAndRecordsItsShape() throws IOException {
        Path category = grayFabric(8);
        Path model = dir.resolve("model");
        CommandRun fit = CommandRun.of("fit", "--method", "DiT", "--train", category.toString(), "--out",
                model.toString(), "-p", "epochs=1", "-p", "hidden=16", "-p", "depth=1", "-p", "heads=2",
                "-p", "time_dim=16", "-p", "steps=20", "-p", "rec_t=2", "-p", "local_t=2");
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.err().contains("Images: using ImageDiT (DiT over 2-D patches) for 8 images of 1x16x16"),
                fit.err());
        String manifest = Files.readString(model.resolve("manifest.json"));
        assertTrue(manifest.contains("\"height\"") && manifest.contains("\"16\""), manifest);

        Path scores = dir.resolve("scores.csv");
        Path maps = dir.resolve("maps");
        CommandRun score = CommandRun.of("score", "--model", model.toString(), "--data", category.toString(),
                "--out", scores.toString(), "--maps", maps.toString());
        assertEquals(0, score.exitCode(), score.err());
        String defect = TextureGenerator.Defect.values()[0].id();
        for (String stem : new String[] {"good/000", "good/002", defect + "/000", defect + "/001"}) {
            assertTrue(Files.isRegularFile(maps.resolve(stem + ".png")), stem);
            assertTrue(Files.isRegularFile(maps.resolve(stem + ".npy")), stem);
        }
        assertTrue(score.err().contains("Wrote 5 anomaly maps (.npy and .png, blur sigma 0.25 pixels)"), score.err());
        assertTrue(score.err().contains("Against the defect masks: pixel-level AUC-ROC "), score.err());
        CommandRun again = CommandRun.of("score", "--model", model.toString(), "--data", category.toString(),
                "--out", dir.resolve("again.csv").toString(), "--maps", maps.toString());
        assertTrue(again.isOneLineUserError() && again.err().contains("--force"), again.err());
        List<String> lines = Files.readAllLines(scores);
        assertEquals("file,score", lines.get(0));
        assertEquals(1 + 3 + 2, lines.size());
        assertTrue(lines.get(1).startsWith("test/good/000.png,") && lines.get(5).startsWith("test/scratch/"), lines.toString());
        assertTrue(score.err().contains("Against the folders' labels: AUC-ROC"), score.err());

        CommandRun rgb = CommandRun.of("score", "--model", model.toString(), "--data", category.toString(),
                "--channels", "3", "--out", dir.resolve("rgb.csv").toString());
        assertTrue(rgb.isOneLineUserError(), rgb.err());
        assertTrue(rgb.err().contains("3 channel(s), the model was fitted on 1"), rgb.err());
    }

    /** An MVTec-AD category of 16 px gray fabric: {@code train} good training images, 3 good and 2 defective test images. */
    private Path grayFabric(int train) throws IOException {
        Path category = dir.resolve("fabric");
        TextureGenerator.write(category, TextureGenerator.Options.defaults().withSize(16).withChannels(1)
                .withCounts(train, 3, 2).withDefects(List.of(TextureGenerator.Defect.values()[0])), false);
        return category;
    }

    @Test
    void dteNpWritesMapsOfAnMvtecCategory() throws IOException {
        Path category = grayFabric(12);
        Path model = dir.resolve("model");
        assertEquals(0, CommandRun.of("fit", "--method", "DTE-NP", "--train", category.toString(), "--out",
                model.toString()).exitCode());
        Path maps = dir.resolve("maps");
        CommandRun score = CommandRun.of("score", "--model", model.toString(), "--data", category.toString(),
                "--out", dir.resolve("scores.csv").toString(), "--maps", maps.toString());
        assertEquals(0, score.exitCode(), score.err());
        String defect = TextureGenerator.Defect.values()[0].id();
        for (String stem : new String[] {"good/000", defect + "/001"}) {
            assertTrue(Files.isRegularFile(maps.resolve(stem + ".png")), stem);
            assertTrue(Files.isRegularFile(maps.resolve(stem + ".npy")), stem);
        }
        assertTrue(score.err().contains("Wrote 5 anomaly maps") && score.err().contains("pixel-level AUC-ROC "),
                score.err());
    }

    @Test
    void aTableModelRefusesImagesAndImageOptionsAreRefusedForTables() throws IOException {
        writeImages(dir.resolve("images"), "n", 5, false, 1, GRAY8);
        Path table = dir.resolve("t.csv");
        Files.writeString(table, "a,b\n1,2\n2,3\n3,1\n4,4\n5,2\n1,1\n2,2\n3,3\n");
        Path model = dir.resolve("model");
        assertEquals(0, CommandRun.of("fit", "--method", "KNN", "-p", "k=2", "--train", table.toString(), "--out",
                model.toString()).exitCode());
        CommandRun images = CommandRun.of("score", "--model", model.toString(), "--data",
                dir.resolve("images").toString(), "--out", dir.resolve("s.csv").toString());
        assertTrue(images.isOneLineUserError(), images.err());
        assertTrue(images.err().contains("was fitted on a table, not on images"), images.err());
        CommandRun missing = CommandRun.of("fit", "--method", "KNN", "--train", dir.resolve("photos").toString(),
                "--out", dir.resolve("m3").toString());
        assertTrue(missing.isOneLineUserError(), missing.err());
        assertTrue(missing.err().contains(dir.resolve("photos") + ": file or folder not found"), missing.err());
        CommandRun scoreMissing = CommandRun.of("score", "--model", model.toString(), "--data",
                dir.resolve("photos").toString(), "--out", dir.resolve("s3.csv").toString());
        assertTrue(scoreMissing.isOneLineUserError(), scoreMissing.err());
        assertTrue(scoreMissing.err().contains(dir.resolve("photos") + ": file or folder not found"), scoreMissing.err());
        CommandRun sized = CommandRun.of("fit", "--method", "KNN", "--train", table.toString(), "--size", "8",
                "--out", dir.resolve("m2").toString());
        assertTrue(sized.isOneLineUserError(), sized.err());
    }

    @Test
    void generateTexturesWritesAnMvtecCategoryAndRefusesAFullFolderWithoutForce() throws IOException {
        Path out = dir.resolve("textures");
        CommandRun run = CommandRun.of("generate", "--type", "textures", "--size", "16", "--channels", "1",
                "--texture", "grid", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("200 training images and 150 test images (100 with defects) of 1x16x16 grid"),
                run.out());
        try (var files = Files.list(out.resolve("train/good"))) {
            assertEquals(200, files.count());
        }
        assertTrue(Files.isRegularFile(out.resolve("test/scratch/000.png")), "test images by defect");
        assertTrue(Files.isRegularFile(out.resolve("ground_truth/scratch/000_mask.png")), "masks beside them");
        byte[] before = Files.readAllBytes(out.resolve("train/good/000.png"));

        CommandRun again = CommandRun.of("generate", "--type", "textures", "--size", "16", "--seed", "5",
                "--out", out.toString());
        assertTrue(again.isOneLineUserError(), again.err());
        assertTrue(again.err().contains("not empty") && again.err().contains("--force"), again.err());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("train/good/000.png")));
        assertEquals(0, CommandRun.of("generate", "--type", "textures", "--size", "16", "--seed", "5", "--force",
                "--out", out.toString()).exitCode());
        CommandRun texture = CommandRun.of("generate", "--type", "textures", "--texture", "wood", "--out",
                dir.resolve("other").toString());
        assertTrue(texture.isOneLineUserError() && texture.err().contains("fabric, grid or gradient"), texture.err());
    }

    @Test
    void dteCOnAnIdxFileUsesTheImageClassifierAndScoresWithoutAFileColumn() throws IOException {
        int n = 24;
        byte[] pixels = new byte[n * 64];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) random.nextInt(256);
        }
        Path idx = dir.resolve("train-images-idx3-ubyte");
        Files.write(idx, ImageBenchCommandTest.idx(0x0803, new int[] {n, 8, 8}, pixels));
        Path model = dir.resolve("model");
        CommandRun fit = CommandRun.of("fit", "--method", "DTE-C", "--train", idx.toString(), "--out", model.toString(),
                "-p", "epochs=1");
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.err().contains("Images: using ImageDTE-C (DTE-C with a convolutional classifier) for 24 images "
                + "of 1x8x8"), fit.err());
        Path scores = dir.resolve("scores.csv");
        CommandRun score = CommandRun.of("score", "--model", model.toString(), "--data", idx.toString(),
                "--out", scores.toString(), "--posterior");
        assertEquals(0, score.exitCode(), score.err());
        List<String> lines = Files.readAllLines(scores);
        assertEquals(1 + n, lines.size());
        assertTrue(lines.get(0).startsWith("score,p_"), lines.get(0));
        CommandRun labelled = CommandRun.of("score", "--model", model.toString(), "--data", idx.toString(),
                "--label-column", "y", "--out", dir.resolve("s2.csv").toString());
        assertTrue(labelled.isOneLineUserError() && labelled.err().contains("images have no columns"), labelled.err());
    }
}
