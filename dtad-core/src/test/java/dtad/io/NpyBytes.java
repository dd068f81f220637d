package dtad.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds NPY and NPZ bytes for tests, independently of the code under test: any supported dtype, byte
 * order, C or Fortran order and format version, or a raw header dict to write malformed files.
 */
final class NpyBytes {
    private NpyBytes() {
    }

    /** An NPY file of {@code rowMajor} values with the given dtype, order, shape and format version. */
    static byte[] npy(String descr, boolean fortran, int[] shape, double[] rowMajor, int version) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + shapeText(shape) + ", }";
        return withHeader(dict, data(descr, fortran, shape, rowMajor), version);
    }

    /** An NPY file with a header dict written as given (padded as numpy does) followed by {@code data}. */
    static byte[] withHeader(String dict, byte[] data, int version) {
        byte[] text = dict.getBytes(version == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int prefix = version == 1 ? 10 : 12;
        int padding = 64 - (prefix + text.length + 1) % 64;
        int headerLength = text.length + padding + 1;
        ByteBuffer out = ByteBuffer.allocate(prefix + headerLength + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            out.putShort((short) headerLength);
        } else {
            out.putInt(headerLength);
        }
        out.put(text).put(" ".repeat(padding).getBytes(StandardCharsets.US_ASCII)).put((byte) '\n').put(data);
        return out.array();
    }

    /** The data bytes of {@code rowMajor} values in the given dtype, in C or Fortran order. */
    static byte[] data(String descr, boolean fortran, int[] shape, double[] rowMajor) {
        char orderChar = descr.charAt(0);
        String code = "<>|=".indexOf(orderChar) >= 0 ? descr.substring(1) : descr;
        ByteOrder order = orderChar == '<' ? ByteOrder.LITTLE_ENDIAN
                : orderChar == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.nativeOrder();
        int size = code.charAt(1) - '0';
        ByteBuffer out = ByteBuffer.allocate(rowMajor.length * size).order(order);
        for (int i = 0; i < rowMajor.length; i++) {
            double value = rowMajor[fortran ? rowMajorIndexOfColumnMajor(i, shape) : i];
            switch (code) {
                case "f8" -> out.putDouble(value);
                case "f4" -> out.putFloat((float) value);
                case "f2" -> out.putShort(half(value));
                case "i8" -> out.putLong((long) value);
                case "i4" -> out.putInt((int) value);
                case "i2" -> out.putShort((short) value);
                case "i1" -> out.put((byte) value);
                case "u8" -> out.putLong(new java.math.BigDecimal(value).toBigInteger().longValue());
                case "u4" -> out.putInt((int) (long) value);
                case "u2" -> out.putShort((short) (int) value);
                case "u1" -> out.put((byte) (int) value);
                case "b1" -> out.put((byte) (value != 0 ? 1 : 0));
                default -> throw new IllegalArgumentException("No test encoder for " + descr);
            }
        }
        return out.array();
    }

    /** Where the {@code i}-th element of a column-major array sits in the row-major one. */
    private static int rowMajorIndexOfColumnMajor(int i, int[] shape) {
        int[] index = new int[shape.length];
        int rest = i;
        for (int axis = 0; axis < shape.length; axis++) {
            index[axis] = rest % shape[axis];
            rest /= shape[axis];
        }
        int flat = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            flat = flat * shape[axis] + index[axis];
        }
        return flat;
    }

    /** IEEE half precision bits of a value that half precision holds exactly. */
    static short half(double value) {
        if (Double.isNaN(value)) {
            return 0x7E00;
        }
        int sign = Double.doubleToRawLongBits(value) < 0 ? 0x8000 : 0;
        double magnitude = Math.abs(value);
        int bits;
        if (Double.isInfinite(magnitude)) {
            bits = 0x7C00;
        } else if (magnitude < 0x1p-14) {
            bits = (int) (magnitude * 0x1p24);
            check(bits * 0x1p-24 == magnitude, value);
        } else {
            int exponent = Math.getExponent(magnitude);
            int mantissa = (int) ((magnitude / Math.scalb(1.0, exponent) - 1) * 1024);
            check(exponent <= 15 && (1 + mantissa / 1024.0) * Math.scalb(1.0, exponent) == magnitude, value);
            bits = ((exponent + 15) << 10) | mantissa;
        }
        return (short) (sign | bits);
    }

    private static void check(boolean exact, double value) {
        if (!exact) {
            throw new IllegalArgumentException(value + " is not exact in half precision");
        }
    }

    static String shapeText(int[] shape) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return text.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** A zip archive of the given entries (in iteration order), stored or deflated. */
    static byte[] zip(Map<String, byte[]> entries, boolean deflate) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                byte[] content = entry.getValue();
                if (deflate) {
                    zipEntry.setMethod(ZipEntry.DEFLATED);
                } else {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(content.length);
                    zipEntry.setCompressedSize(content.length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A little-endian float64 C-order NPY file, version 1.0. */
    static byte[] f8(int[] shape, double... rowMajor) {
        return npy("<f8", false, shape, rowMajor, 1);
    }

    /** A little-endian int64 C-order 1-D NPY file, version 1.0. */
    static byte[] i8(double... values) {
        return npy("<i8", false, new int[] {values.length}, values, 1);
    }

    static Path write(Path directory, String name, byte[] bytes) {
        try {
            return Files.write(directory.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
