package dtad.image;

import dtad.InputException;
import dtad.io.InputFiles;
import dtad.io.Messages;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file (PNG, JPEG, BMP or GIF, through {@code javax.imageio}) into pixel values in (C, H, W)
 * order scaled to [0, 1]: a grayscale file gives 1 channel (8 or 16 bits, divided by 255 or 65535), any other
 * file 3 channels (RGB as sRGB 8-bit, divided by 255; a palette image such as a GIF counts as colour). An alpha
 * channel is composited over white. A GIF's first frame is read.
 */
public final class ImageFiles {
    /** The file extensions of images, lower case. */
    public static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    private ImageFiles() {
    }

    /** An image's shape and its values in (C, H, W) order. */
    public record Decoded(ImageShape shape, double[] values) {
    }

    /** Whether the file name ends in one of the image {@link #EXTENSIONS} (any case). */
    public static boolean isImageName(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(text::endsWith);
    }

    /** Reads and decodes an image file; anything that is not a readable image is refused, naming the file. */
    public static Decoded read(Path file) {
        InputFiles.requireFile(file);
        BufferedImage image;
        try {
            // From the file, not a stream: ImageIO would cache a stream in a temporary file.
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new InputException(file + ": damaged or unreadable image (" + Messages.of(e) + ")", e);
        }
        if (image == null) {
            throw new InputException(file + ": not an image file that Java can read (supported: PNG, JPEG, BMP, GIF)");
        }
        return decode(image);
    }

    /**
     * The height and width of an image file, from its header (the pixels are not decoded); a file that is not a
     * readable image is refused, naming it.
     */
    public static int[] size(Path file) {
        InputFiles.requireFile(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new InputException(file + ": not an image file that Java can read (supported: PNG, JPEG, BMP, GIF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getHeight(0), reader.getWidth(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException input) {
                throw input;
            }
            throw new InputException(file + ": damaged or unreadable image (" + Messages.of(e) + ")", e);
        }
    }

    /** The pixel values of a decoded image. */
    public static Decoded decode(BufferedImage image) {
        int height = image.getHeight();
        int width = image.getWidth();
        int plane = height * width;
        ColorModel model = image.getColorModel();
        boolean gray = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(model instanceof IndexColorModel);
        if (gray) {
            Raster raster = image.getRaster();
            double max = (1L << model.getComponentSize(0)) - 1;
            double alphaMax = model.hasAlpha() ? (1L << model.getComponentSize(1)) - 1 : 1;
            double[] values = new double[plane];
            int[] line = new int[width];
            int[] alpha = new int[width];
            for (int y = 0; y < height; y++) {
                raster.getSamples(0, y, width, 1, 0, line);
                if (model.hasAlpha()) {
                    raster.getSamples(0, y, width, 1, 1, alpha);
                }
                for (int x = 0; x < width; x++) {
                    double v = line[x] / max;
                    if (model.hasAlpha()) {
                        double a = alpha[x] / alphaMax;
                        v = v * a + (1 - a);
                    }
                    values[y * width + x] = v;
                }
            }
            return new Decoded(new ImageShape(1, height, width), values);
        }
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        double[] values = new double[3 * plane];
        for (int p = 0; p < plane; p++) {
            int pixel = argb[p];
            double a = (pixel >>> 24) / 255.0;
            values[p] = over(((pixel >> 16) & 0xFF) / 255.0, a);
            values[plane + p] = over(((pixel >> 8) & 0xFF) / 255.0, a);
            values[2 * plane + p] = over((pixel & 0xFF) / 255.0, a);
        }
        return new Decoded(new ImageShape(3, height, width), values);
    }

    /** A value composited over white with opacity {@code alpha}. */
    private static double over(double value, double alpha) {
        return alpha == 1 ? value : value * alpha + (1 - alpha);
    }
}
