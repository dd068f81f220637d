package dtad.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import dtad.bench.protocol.Setting;
import dtad.bench.protocol.Split;
import dtad.image.ImageShape;
import dtad.image.TextureGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetsTest {
    private static final TextureGenerator.Options SMALL = TextureGenerator.Options.defaults().withSize(16)
            .withChannels(1).withCounts(6, 2, 1);

    @Test
    void anMvtecCategoryIsOneDataSetWhoseOneClassSplitCarriesTheMasks(@TempDir Path dir) throws IOException {
        Path category = dir.resolve("fabric");
        TextureGenerator.write(category, SMALL, false);
        assertTrue(ImageFolderDatasets.present(category));
        ImageFolderDatasets folders = ImageFolderDatasets.in(category);
        assertTrue(folders.mvtec());
        List<DatasetSource> sources = folders.catalog().select("all");
        assertEquals(List.of("fabric"), sources.stream().map(DatasetSource::name).toList());
        assertEquals(new ImageShape(1, 16, 16), folders.shape(sources));
        assertEquals(6, sources.get(0).size().trainingRows(Setting.ONE_CLASS));
        Split split = sources.get(0).splitter().split(Setting.ONE_CLASS, 0);
        assertEquals(6, split.train().rows());
        assertEquals(2 + 4, split.test().rows());
        assertEquals(4, split.testAnomalies());
        assertEquals(6, split.testImages().masks().rows());
        assertEquals(256, split.testImages().masks().columns());
        InputException semi = assertThrows(InputException.class,
                () -> sources.get(0).splitter().split(Setting.SEMI, 0));
        assertTrue(semi.getMessage().contains("--setting one-class"), semi.getMessage());
    }

    @Test
    void aFolderSplitIntoClassesIsADataSetPerClassWithoutMasks(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("two");
        for (String part : List.of("train", "test")) {
            TextureGenerator.write(dir.resolve("tmp-" + part), SMALL, false);
            Files.createDirectories(data.resolve(part));
            Files.move(dir.resolve("tmp-" + part).resolve("train").resolve("good"), data.resolve(part).resolve("a"));
            Files.move(dir.resolve("tmp-" + part).resolve("test").resolve("blob"), data.resolve(part).resolve("b"));
        }
        assertTrue(ImageFolderDatasets.present(data));
        ImageFolderDatasets folders = ImageFolderDatasets.in(data);
        assertFalse(folders.mvtec());
        List<DatasetSource> sources = folders.catalog().select("all");
        assertEquals(List.of("two_a", "two_b"), sources.stream().map(DatasetSource::name).toList());
        Split split = sources.get(1).splitter().split(Setting.ONE_CLASS, 0);
        assertEquals(1, split.train().rows(), "the training images of class b");
        assertEquals(6 + 1, split.test().rows());
        assertEquals(6, split.testAnomalies(), "class a is the anomaly when b is normal");
        assertNull(split.testImages());
    }

    @Test
    void otherFoldersAreNotImageData(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("plain"));
        Files.writeString(dir.resolve("plain").resolve("x.npz"), "");
        assertFalse(ImageFolderDatasets.present(dir.resolve("plain")));
        assertFalse(ImageFolderDatasets.present(dir.resolve("missing")));
    }
}
