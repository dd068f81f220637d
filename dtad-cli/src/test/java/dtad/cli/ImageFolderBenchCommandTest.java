package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.bench.results.CellDetails;
import dtad.bench.results.CellDetailsCsv;
import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import dtad.image.TextureGenerator;
import dtad.io.Leftovers;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dtad bench on image folders: MVTec-AD categories (pixel metrics, maps in the report) and class-split folders. */
class ImageFolderBenchCommandTest {
    private static final String[] SMALL_DIT = {"--param", "DiT.epochs=2", "--param", "DiT.hidden=16", "--param",
        "DiT.depth=1", "--param", "DiT.heads=2", "--param", "DiT.time_dim=16", "--param", "DiT.steps=20", "--param",
        "DiT.rec_t=2", "--param", "DiT.local_t=2"};

    @TempDir
    Path dir;

    private Path category(String name) throws IOException {
        Path category = dir.resolve(name);
        TextureGenerator.write(category, TextureGenerator.Options.defaults().withSize(16).withChannels(1)
                .withCounts(24, 4, 2), false);
        return category;
    }

    private static String[] args(Path data, Path out, String methods, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("bench", "--data-dir", data.toString(), "--methods",
                methods, "--seeds", "0", "--out", out.toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void anMvtecCategoryIsOneClassWithPixelMetricsForTheDetectorWithMapsAndItsImagesInTheReport() throws IOException {
        Path data = category("fabric16");
        Path out = dir.resolve("out");
        CommandRun run = CommandRun.of(args(data, out, "IForest,DiT", SMALL_DIT));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("one-class setting"), run.err());
        List<ResultRow> rows = ResultsCsv.read(out.resolve("results.csv"));
        assertEquals(List.of("fabric16|IForest|one-class|0", "fabric16|ImageDiT|one-class|0"),
                rows.stream().map(ResultRow::key).toList());
        for (ResultRow row : rows) {
            assertTrue(row.ok(), row.toString());
            assertEquals(24, row.nTrain());
            assertEquals(4 + 4 * 2, row.nTest());
        }
        Map<String, CellDetails> details = CellDetailsCsv.read(out.resolve(CellDetailsCsv.FILE));
        CellDetails iforest = details.get("fabric16|IForest|one-class|0");
        assertTrue(Double.isNaN(iforest.pixelAucRoc()), "IForest has no maps");
        // Process CPU counts in clock ticks (10 ms on Linux): IForest's fit on 24 small images may take less.
        assertTrue(iforest.fitCpuSeconds() >= 0, iforest.toString());
        CellDetails dit = details.get("fabric16|ImageDiT|one-class|0");
        assertTrue(dit.pixelAucRoc() > 0 && dit.pixelAucRoc() <= 1, dit.toString());
        assertTrue(dit.pro() >= 0 && dit.pro() <= 1, dit.toString());
        assertEquals(8, dit.defectRegions());
        assertTrue(Double.isNaN(dit.peakRssMib()), "one JVM for all cells: no peak per cell");
        assertTrue(dit.fitCpuSeconds() > 0 && dit.scoreCpuSeconds() >= 0, dit.toString());
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("Anomaly maps"), "the report's image section");
        assertTrue(Files.isRegularFile(out.resolve("plots/image-ImageDiT-1.png")));
        assertFalse(Files.exists(out.resolve("plots/image-IForest-1.png")), "IForest has no maps");
    }

    @Test
    void processPerCellRecordsEachCellsPeakMemory() throws IOException {
        Path data = category("fabric16");
        Path out = dir.resolve("out");
        CommandRun run = CommandRun.of(args(data, out, "IForest", "--process-per-cell"));
        assertEquals(0, run.exitCode(), run.err());
        CellDetails iforest = CellDetailsCsv.read(out.resolve(CellDetailsCsv.FILE)).get("fabric16|IForest|one-class|0");
        assertTrue(iforest.peakRssMib() > 20 && iforest.peakRssMib() < 64 * 1024, iforest.toString());
        assertTrue(Double.isNaN(iforest.pixelAucRoc()));
    }

    @Test
    void anMvtecCategoryRefusesAnotherSetting() throws IOException {
        Path data = category("fabric16");
        CommandRun run = CommandRun.of(args(data, dir.resolve("out"), "IForest", "--setting", "semi"));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("one-class setting"), run.err());
    }

    @Test
    void aFolderOfCategoriesGivesOneDataSetEach() throws IOException {
        Path root = dir.resolve("mvtec");
        Files.createDirectories(root);
        TextureGenerator.Options options = TextureGenerator.Options.defaults().withSize(16).withChannels(1)
                .withCounts(24, 4, 2);
        TextureGenerator.write(root.resolve("fabric"), options, false);
        TextureGenerator.write(root.resolve("grid"), options.withTexture(TextureGenerator.Texture.GRID), false);
        Path out = dir.resolve("out");
        CommandRun run = CommandRun.of(args(root, out, "IForest"));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("fabric|IForest|one-class|0", "grid|IForest|one-class|0"),
                ResultsCsv.read(out.resolve("results.csv")).stream().map(ResultRow::key).toList());
    }

    @Test
    void aFolderSplitIntoClassesIsADataSetPerClass() throws IOException {
        Path data = dir.resolve("shapes");
        for (String part : List.of("train", "test")) {
            for (String shape : List.of("bars", "dots")) {
                Path folder = data.resolve(part).resolve(shape);
                Files.createDirectories(folder);
                for (int i = 0; i < (part.equals("train") ? 12 : 5); i++) {
                    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
                    for (int y = 0; y < 8; y++) {
                        for (int x = 0; x < 8; x++) {
                            boolean on = shape.equals("bars") ? x % 2 == 0 : (x + y) % 3 == 0;
                            int v = (on ? 200 : 30) + (i * 7 + x * 3 + y) % 20;
                            image.getRaster().setSample(x, y, 0, v);
                        }
                    }
                    ImageIO.write(image, "png", folder.resolve(String.format("%02d.png", i)).toFile());
                }
            }
        }
        Path out = dir.resolve("out");
        CommandRun run = CommandRun.of(args(data, out, "KNN", "--setting", "one-class"));
        assertEquals(0, run.exitCode(), run.err());
        List<ResultRow> rows = ResultsCsv.read(out.resolve("results.csv"));
        assertEquals(List.of("shapes_bars|KNN|one-class|0", "shapes_dots|KNN|one-class|0"),
                rows.stream().map(ResultRow::key).toList());
        for (ResultRow row : rows) {
            assertTrue(row.ok(), row.toString());
            assertEquals(12, row.nTrain());
            assertEquals(10, row.nTest());
            assertEquals(1.0, row.aucRoc(), 1e-9, "the other class is plainly different");
        }
    }

    @Test
    void badMvtecLayoutsFailTheirCellsNamingThePath() throws IOException {
        Path wrongMask = category("wrong-mask");
        Path mask;
        try (Stream<Path> masks = Files.walk(wrongMask.resolve("ground_truth"))) {
            mask = masks.filter(p -> p.toString().endsWith("_mask.png")).sorted().findFirst().orElseThrow();
        }
        ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY), "png", mask.toFile());
        assertFailedNaming(wrongMask, mask + ": mask of size 20x20");

        Path noMasks = category("no-masks");
        Leftovers.deleteRecursively(noMasks.resolve("ground_truth").resolve("blob"));
        assertFailedNaming(noMasks, noMasks.resolve("test").resolve("blob") + ": defect folder without masks");

        Path noGood = category("no-good");
        Leftovers.deleteRecursively(noGood.resolve("test").resolve("good"));
        assertFailedNaming(noGood, noGood.resolve("test").resolve("good") + ": folder not found");
    }

    private void assertFailedNaming(Path data, String message) throws IOException {
        Path out = dir.resolve("out-" + data.getFileName());
        CommandRun run = CommandRun.of(args(data, out, "IForest"));
        assertEquals(0, run.exitCode(), run.err());
        ResultRow row = ResultsCsv.read(out.resolve("results.csv")).get(0);
        assertFalse(row.ok());
        assertTrue(row.error().contains(message), row.error());
        assertTrue(run.out().contains("1 of 1 cells failed"), run.out());
    }
}
