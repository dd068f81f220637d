package dtad.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.image.AnomalyMapWriter;
import dtad.image.ImageSet;
import dtad.image.MvtecReader;
import dtad.image.TextureGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageSectionTest {
    /** 16 x 16 gray fabric: 2 good test images, 2 with holes, 2 with blobs. */
    private static final MvtecReader.Category CATEGORY = TextureGenerator.generate(
            TextureGenerator.Options.defaults().withSize(16).withChannels(1).withCounts(2, 2, 2)
                    .withDefects(List.of(TextureGenerator.Defect.HOLE, TextureGenerator.Defect.BLOB)));

    /** A detector whose map is its mask (0.9 on defects, 0.1 elsewhere), its score the map's mean. */
    private static ImageResults oracle() {
        ImageSet test = CATEGORY.split().test();
        double[] masks = CATEGORY.masks().values();
        double[] maps = new double[masks.length];
        double[] scores = new double[test.size()];
        for (int i = 0; i < maps.length; i++) {
            maps[i] = 0.1 + 0.8 * masks[i];
            scores[i / 256] += maps[i] / 256;
        }
        return new ImageResults("oracle", test, scores, Matrix.wrap(test.size(), 256, maps), CATEGORY.masks());
    }

    @Test
    void showsTheTopImagesOfEachDetectorWithItsMetrics() throws Exception {
        ImageResults oracle = oracle();
        Document.Section section = ImageSection.of(List.of(oracle), 3);
        assertEquals("images", section.anchor());
        Document.Paragraph metrics = (Document.Paragraph) section.blocks().get(1);
        assertTrue(metrics.text().contains("image AUC-ROC 1.000, pixel AUC-ROC 1.000, PRO (FPR up to 0.3) 1.000"),
                metrics.text());
        List<Plot> plots = ((Document.Figures) section.blocks().get(2)).plots();
        assertEquals(3, plots.size());
        assertEquals("image-oracle-1", plots.get(0).name());
        // The best-scored image is the one with the largest defect; its caption names its class.
        int top = 0;
        for (int i = 1; i < oracle.scores().length; i++) {
            top = oracle.scores()[i] > oracle.scores()[top] ? i : top;
        }
        String topClass = oracle.test().classNames().get(oracle.test().classes()[top]);
        assertTrue(plots.get(0).caption().contains(topClass), plots.get(0).caption());
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(plots.get(0).png()));
        assertEquals(Png.SCALE * plots.get(0).width(), png.getWidth());
        assertEquals(Png.SCALE * plots.get(0).height(), png.getHeight());
    }

    @Test
    void drawsTheMaskBesideTheHeatmapAtTheSameEnlargement() {
        ImageResults oracle = oracle();
        int defect = 0; // the first test image is a blob (classes in folder order: blob, good, hole)
        BufferedImage picture = ImageSection.picture(oracle, defect, new AnomalyMapWriter.Range(0, 1));
        int scale = 128 / 16;
        assertEquals(128, picture.getHeight());
        int left = picture.getWidth() - 16 * scale;
        double[] mask = oracle.masks().row(defect);
        for (int p = 0; p < 256; p++) {
            int expected = mask[p] == 1 ? 0xFFFFFF : 0x000000;
            int y = (p / 16) * scale + scale / 2;
            int x = left + (p % 16) * scale + scale / 2;
            assertEquals(expected, picture.getRGB(x, y) & 0xFFFFFF, "mask pixel " + p);
        }
    }

    @Test
    void theReportGainsTheSectionInHtmlAndMarkdown() {
        Document plain = new Document("report", List.of(), List.of());
        assertSame(plain, Reports.withImages(plain, List.of(), 3));
        Document document = Reports.withImages(plain, List.of(oracle()), 2);
        String html = HtmlRenderer.render(document);
        assertTrue(html.contains("Anomaly maps"));
        assertTrue(html.contains("alt=\"oracle #2\" src=\"data:image/png;base64,"));
        assertTrue(MarkdownRenderer.render(document).contains("](plots/image-oracle-1.png)"));
        assertThrows(IllegalArgumentException.class, () -> ImageSection.of(List.of(oracle()), 0));
    }
}
