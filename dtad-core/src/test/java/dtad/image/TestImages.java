package dtad.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Builds the image files the tests read: PNG and other formats through javax.imageio, IDX, NPY and NPZ bytes. */
final class TestImages {
    private TestImages() {
    }

    /** A gray image whose pixel (y, x) is {@code (seed + 7 y + 3 x) mod 256}. */
    static BufferedImage gray(int height, int width, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, grayValue(seed, y, x));
            }
        }
        return image;
    }

    static int grayValue(int seed, int y, int x) {
        return (seed + 7 * y + 3 * x) & 0xFF;
    }

    /** An RGB image with red {@code 10 x}, green {@code 20 y}, blue {@code seed} (mod 256). */
    static BufferedImage rgb(int height, int width, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((10 * x) & 0xFF) << 16 | ((20 * y) & 0xFF) << 8 | (seed & 0xFF));
            }
        }
        return image;
    }

    /** Writes an image in a format javax.imageio knows ("png", "bmp", "gif", "jpg"). */
    static Path write(Path file, BufferedImage image, String format) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path png(Path file, BufferedImage image) {
        return write(file, image, "png");
    }

    static Path bytes(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An IDX file: magic, dimensions, then the values as unsigned bytes. */
    static byte[] idx(int magic, int[] dims, int[] values) {
        ByteBuffer out = ByteBuffer.allocate(4 + 4 * dims.length + values.length).order(ByteOrder.BIG_ENDIAN);
        out.putInt(magic);
        for (int d : dims) {
            out.putInt(d);
        }
        for (int v : values) {
            out.put((byte) v);
        }
        return out.array();
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An NPY (version 1.0) file of C-order values in dtype {@code |u1}, {@code <f4}, {@code <f8} or {@code <i8}. */
    static byte[] npy(String descr, int[] shape, double[] values) {
        StringBuilder shapeText = new StringBuilder("(");
        for (int d : shape) {
            shapeText.append(d).append(", ");
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText + "), }";
        int padding = 64 - (10 + dict.length() + 1) % 64;
        int headerLength = dict.length() + padding + 1;
        int size = descr.charAt(2) - '0';
        ByteBuffer out = ByteBuffer.allocate(10 + headerLength + size * values.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) headerLength);
        out.put(dict.getBytes(StandardCharsets.US_ASCII)).put(" ".repeat(padding).getBytes(StandardCharsets.US_ASCII))
                .put((byte) '\n');
        for (double v : values) {
            switch (descr) {
                case "|u1" -> out.put((byte) v);
                case "<f4" -> out.putFloat((float) v);
                case "<f8" -> out.putDouble(v);
                case "<i8" -> out.putLong((long) v);
                default -> throw new IllegalArgumentException(descr);
            }
        }
        return out.array();
    }

    /** An NPZ archive of the given entries (name to NPY bytes). */
    static byte[] npz(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
