package dtad.image;

import dtad.io.AtomicFiles;
import dtad.io.NpyWriter;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes the anomaly map of one image (one score per pixel, higher = more anomalous) as two files beside
 * each other: {@code <stem>.npy}, the map as a float32 {@code height x width} array for programs, and
 * {@code <stem>.png}, a heatmap for people.
 *
 * <p>The heatmap: the image in gray, with the map's colour from a compact viridis table (dark purple, low,
 * through teal to yellow, high) laid over it; the colour's opacity grows with the map value, from 25% at the
 * bottom of the range to 75% at its top, so low-scored areas still show the product and high-scored ones
 * stand out. The map is normalised by a {@link Range} given by the caller, the same for every image of a
 * run, so equal colours mean equal scores across images; values outside the range take its end colours. To
 * the right, a colour scale with the range's maximum at the top and minimum at the bottom. Images smaller
 * than {@value #MIN_DISPLAY} pixels are enlarged by an integer factor (nearest neighbour) so the picture
 * stays readable; the {@code .npy} map keeps the image's size.
 */
public final class AnomalyMapWriter {
    /** The smallest side of the drawn image; smaller images are enlarged by a whole factor. */
    public static final int MIN_DISPLAY = 128;
    private static final double MIN_OPACITY = 0.25;
    private static final double MAX_OPACITY = 0.75;
    private static final int GAP = 6;
    private static final int BAR = 12;
    private static final Color INK = new Color(0x33, 0x33, 0x33);
    /** Viridis (matplotlib, CC0) at 0, 1/8, ..., 1, interpolated linearly between. */
    private static final int[] VIRIDIS = {
        0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xFDE725
    };

    private AnomalyMapWriter() {
    }

    /** The scores that map to the two ends of the colour scale. */
    public record Range(double min, double max) {
        public Range {
            if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
                throw new IllegalArgumentException("Invalid map range: [" + min + ", " + max + "]");
            }
        }

        /** The smallest and largest of all the values (e.g. the maps of every test image of a run). */
        public static Range of(double[] values) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("NaN in the anomaly maps");
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (values.length == 0) {
                throw new IllegalArgumentException("No anomaly map values");
            }
            return new Range(min, max);
        }

        /** Where {@code value} lies in the range, clamped to [0, 1]; 0 when the range is one value. */
        public double position(double value) {
            return max == min ? 0 : Math.max(0, Math.min(1, (value - min) / (max - min)));
        }
    }

    /**
     * Writes {@code <stem>.npy} and {@code <stem>.png} for the image of {@code shape} at
     * {@code image[imageOffset ...]} and its map ({@code height x width} values at {@code map[mapOffset ...]}).
     * Neither file is written when one exists and {@code overwrite} is false.
     *
     * @throws FileAlreadyExistsException when a file exists and overwriting was not asked
     */
    public static void write(Path stem, ImageShape shape, double[] image, int imageOffset, double[] map,
                             int mapOffset, Range range, boolean overwrite) throws IOException {
        Path npy = sibling(stem, ".npy");
        Path png = sibling(stem, ".png");
        if (!overwrite) {
            for (Path file : new Path[] {npy, png}) {
                if (Files.exists(file)) {
                    throw new FileAlreadyExistsException(file.toString(), null, "exists and overwriting was not asked");
                }
            }
        }
        BufferedImage heatmap = render(shape, image, imageOffset, map, mapOffset, range);
        NpyWriter.writeFloat32(npy, new int[] {shape.height(), shape.width()}, map, mapOffset, overwrite);
        AtomicFiles.write(png, overwrite, out -> {
            if (!ImageIO.write(heatmap, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    /** The heatmap picture that {@link #write} saves, e.g. for embedding in a report. */
    public static BufferedImage render(ImageShape shape, double[] image, int imageOffset, double[] map,
                                       int mapOffset, Range range) {
        int h = shape.height();
        int w = shape.width();
        int plane = h * w;
        if (mapOffset < 0 || mapOffset + plane > map.length) {
            throw new IllegalArgumentException("The anomaly map holds fewer than " + h + " x " + w + " values");
        }
        double[] gray = shape.channels() == 1 ? image : ImageConversion.toChannels(image, imageOffset, shape, 1);
        int grayOffset = shape.channels() == 1 ? imageOffset : 0;
        int scale = Math.max(1, (MIN_DISPLAY + Math.max(h, w) - 1) / Math.max(h, w));
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        String maxLabel = label(range.max());
        String minLabel = label(range.min());
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D probeGraphics = probe.createGraphics();
        FontMetrics metrics = probeGraphics.getFontMetrics(font);
        int textWidth = Math.max(metrics.stringWidth(maxLabel), metrics.stringWidth(minLabel));
        probeGraphics.dispose();
        int height = Math.max(h * scale, 3 * metrics.getHeight());
        int width = w * scale + GAP + BAR + 4 + textWidth + 4;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, 0xFFFFFF);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double score = map[mapOffset + y * w + x];
                if (Double.isNaN(score)) {
                    throw new IllegalArgumentException("Anomaly map: NaN at row " + y + ", column " + x);
                }
                double v = range.position(score);
                double opacity = MIN_OPACITY + (MAX_OPACITY - MIN_OPACITY) * v;
                double g = 255 * Math.max(0, Math.min(1, gray[grayOffset + y * w + x]));
                int color = colour(v);
                int rgb = blend(g, (color >> 16) & 0xFF, opacity) << 16 | blend(g, (color >> 8) & 0xFF, opacity) << 8
                        | blend(g, color & 0xFF, opacity);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        out.setRGB(x * scale + dx, y * scale + dy, rgb);
                    }
                }
            }
        }
        int barX = w * scale + GAP;
        int barHeight = h * scale;
        for (int y = 0; y < barHeight; y++) {
            int color = colour(barHeight == 1 ? 1 : 1 - (double) y / (barHeight - 1));
            for (int x = 0; x < BAR; x++) {
                out.setRGB(barX + x, y, color);
            }
        }
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            g.setColor(INK);
            g.drawString(maxLabel, barX + BAR + 4, metrics.getAscent());
            g.drawString(minLabel, barX + BAR + 4, barHeight - metrics.getDescent());
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The viridis colour at {@code v} in [0, 1], as 0xRRGGBB. */
    public static int colour(double v) {
        double t = Math.max(0, Math.min(1, v)) * (VIRIDIS.length - 1);
        int i = Math.min((int) t, VIRIDIS.length - 2);
        double f = t - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int gr = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return r << 16 | gr << 8 | bl;
    }

    private static int blend(double gray, int colour, double opacity) {
        return (int) Math.round((1 - opacity) * gray + opacity * colour);
    }

    private static String label(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }

    private static Path sibling(Path stem, String extension) {
        Path name = stem.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("No file name in " + stem);
        }
        return stem.resolveSibling(name + extension);
    }
}
