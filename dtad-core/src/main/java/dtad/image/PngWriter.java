package dtad.image;

import dtad.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes one image as an 8-bit PNG (gray for 1 channel, RGB for 3): values in [0, 1] become
 * {@code round(255 v)}, values outside are clamped first, NaN is refused. The file is written atomically ({@link AtomicFiles}),
 * and an existing file is replaced only when asked.
 */
public final class PngWriter {
    private PngWriter() {
    }

    /** Writes the image of {@code shape} stored at {@code values[offset ...]} in (C, H, W) order. */
    public static void write(Path file, ImageShape shape, double[] values, int offset, boolean overwrite)
            throws IOException {
        BufferedImage image = toImage(shape, values, offset);
        AtomicFiles.write(file, overwrite, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    /** Writes image {@code i} of a set. */
    public static void write(Path file, ImageSet images, int i, boolean overwrite) throws IOException {
        write(file, images.shape(), images.pixels().values(), images.pixels().offset(i), overwrite);
    }

    /** The image as a gray or RGB {@link BufferedImage} of 8-bit samples. */
    public static BufferedImage toImage(ImageShape shape, double[] values, int offset) {
        int channels = shape.channels();
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("A PNG of " + channels + " channels is not supported (1 or 3)");
        }
        int h = shape.height();
        int w = shape.width();
        BufferedImage image = new BufferedImage(w, h, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster raster = image.getRaster();
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = values[offset + shape.index(c, y, x)];
                    if (Double.isNaN(v)) {
                        throw new IllegalArgumentException("NaN at channel " + c + ", row " + y + ", column " + x);
                    }
                    raster.setSample(x, y, c, (int) Math.round(255 * Math.max(0, Math.min(1, v))));
                }
            }
        }
        return image;
    }
}
