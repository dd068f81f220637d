package dtad.io;

import dtad.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of an NPY file (format versions 1.0, 2.0 and 3.0): the magic string, the version, and a
 * Python dict literal with the keys {@code descr}, {@code fortran_order} and {@code shape}.
 *
 * @param major        the format's major version, 1 to 3
 * @param dtype        the element type
 * @param fortranOrder whether the data is in column-major order
 * @param shape        the array's dimensions
 * @param dataOffset   where the data starts, in bytes from the start of the file
 */
record NpyHeader(int major, NpyDtype dtype, boolean fortranOrder, int[] shape, int dataOffset) {
    /** The first six bytes of every NPY file. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The most elements dtad holds in one array (a Java array's limit). */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** A stream's header longer than this is refused as truncated; numpy writes a few hundred bytes. */
    static final int MAX_STREAMED_HEADER = 1 << 20;

    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /** The number of elements the shape holds. */
    long elements() {
        return elements(shape);
    }

    /** Reads the header at the start of {@code file}; problems are refused with {@code source} first. */
    static NpyHeader parse(ByteBuffer file, String source) {
        int length = file.limit();
        if (length == 0) {
            throw new InputException(source + ": is empty");
        }
        if (!startsWith(file, MAGIC)) {
            if (startsWith(file, ZIP_MAGIC)) {
                throw new InputException(source + ": is a zip archive (an NPZ file?), not an NPY file");
            }
            if (length < MAGIC.length && startsWith(file, Arrays.copyOf(MAGIC, length))) {
                throw new InputException(source + ": truncated NPY header (" + length + " bytes)");
            }
            throw new InputException(source + ": not an NPY file (bad magic bytes)");
        }
        if (length < 10) {
            throw new InputException(source + ": truncated NPY header (" + length + " bytes)");
        }
        int major = Byte.toUnsignedInt(file.get(6));
        int minor = Byte.toUnsignedInt(file.get(7));
        if (major < 1 || major > 3 || minor != 0) {
            throw new InputException(source + ": unsupported NPY format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        ByteBuffer le = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int start = major == 1 ? 10 : 12;
        if (length < start) {
            throw new InputException(source + ": truncated NPY header (" + length + " bytes)");
        }
        long headerLength = major == 1 ? Short.toUnsignedInt(le.getShort(8)) : Integer.toUnsignedLong(le.getInt(8));
        if (start + headerLength > length) {
            throw new InputException(source + ": truncated NPY header: " + headerLength + " bytes declared, "
                    + (length - start) + " present");
        }
        byte[] raw = new byte[(int) headerLength];
        file.get(start, raw);
        String text = new String(raw, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<?, ?> dict = dict(text, source);
        NpyDtype dtype = dtype(dict.get("descr"), source);
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean)) {
            throw malformed(source, "'fortran_order' must be True or False, found " + describe(fortran));
        }
        int[] shape = shape(dict.get("shape"), source);
        if (elements(shape) > MAX_ELEMENTS) {
            throw new InputException(source + ": array too large: shape " + shapeText(shape) + " has "
                    + (elements(shape) == Long.MAX_VALUE ? "too many" : String.valueOf(elements(shape)))
                    + " elements, at most " + MAX_ELEMENTS + " are supported");
        }
        return new NpyHeader(major, dtype, (Boolean) fortran, shape, (int) (start + headerLength));
    }

    /**
     * Reads the header at the start of {@code in} and nothing after it, so a large array's shape is
     * known without unpacking its data; refused as {@link #parse} refuses.
     */
    static NpyHeader read(InputStream in, String source) throws IOException {
        byte[] prefix = in.readNBytes(12);
        int major = prefix.length > 6 ? Byte.toUnsignedInt(prefix[6]) : 0;
        int start = major == 1 ? 10 : 12;
        if (prefix.length < start || major < 1 || major > 3) {
            return parse(ByteBuffer.wrap(prefix), source); // refuses: not NPY, unsupported or truncated
        }
        ByteBuffer le = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN);
        long declared = major == 1 ? Short.toUnsignedInt(le.getShort(8)) : Integer.toUnsignedLong(le.getInt(8));
        byte[] header = Arrays.copyOf(prefix, Math.max(prefix.length, start + (int) Math.min(declared,
                MAX_STREAMED_HEADER)));
        int read = in.readNBytes(header, prefix.length, header.length - prefix.length);
        return parse(ByteBuffer.wrap(header, 0, prefix.length + read).slice(), source);
    }

    private static Map<?, ?> dict(String text, String source) {
        if (text.isBlank()) {
            throw malformed(source, "the header dict is empty");
        }
        Object value;
        try {
            value = PythonLiteral.parse(text);
        } catch (PythonLiteral.Malformed e) {
            throw malformed(source, e.getMessage() + " in " + Messages.clip(text.strip()));
        }
        if (!(value instanceof Map<?, ?> dict)) {
            throw malformed(source, "not a dict: " + Messages.clip(text.strip()));
        }
        for (String key : KEYS) {
            if (!dict.containsKey(key)) {
                throw malformed(source, "missing key '" + key + "'");
            }
        }
        for (Object key : dict.keySet()) {
            if (!KEYS.contains(key)) {
                throw malformed(source, "unexpected key " + describe(key));
            }
        }
        return dict;
    }

    private static NpyDtype dtype(Object descr, String source) {
        if (descr instanceof List<?>) {
            throw new InputException(source + ": structured dtypes (records with named fields) are not supported");
        }
        if (!(descr instanceof String text)) {
            throw malformed(source, "'descr' must be a string, found " + describe(descr));
        }
        return NpyDtype.parse(text, source);
    }

    private static int[] shape(Object value, String source) {
        if (!(value instanceof PythonLiteral.Tuple tuple)) {
            throw malformed(source, "'shape' must be a tuple of integers, found " + describe(value));
        }
        int[] shape = new int[tuple.items().size()];
        for (int i = 0; i < shape.length; i++) {
            Object item = tuple.items().get(i);
            if (!(item instanceof Long dimension) || dimension < 0) {
                throw malformed(source, "'shape' must be a tuple of integers >= 0, found " + describe(item));
            }
            if (dimension > Integer.MAX_VALUE) {
                throw new InputException(source + ": array too large: dimension " + dimension + " in shape");
            }
            shape[i] = (int) (long) dimension;
        }
        return shape;
    }

    /** The product of the dimensions, or {@link Long#MAX_VALUE} if it exceeds {@link #MAX_ELEMENTS}. */
    static long elements(int[] shape) {
        for (int dimension : shape) {
            if (dimension == 0) {
                return 0;
            }
        }
        long product = 1;
        for (int dimension : shape) {
            product *= dimension;
            if (product > MAX_ELEMENTS) {
                return Long.MAX_VALUE;
            }
        }
        return product;
    }

    /** A shape as Python writes it: {@code (3, 2)}, {@code (3,)}, {@code ()}. */
    static String shapeText(int[] shape) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return text.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static String describe(Object value) {
        if (value instanceof String text) {
            return "'" + Messages.clip(text) + "'";
        }
        if (value instanceof PythonLiteral.Tuple tuple) {
            return Messages.clip(tuple.items().toString().replace('[', '(').replace(']', ')'));
        }
        return Messages.clip(String.valueOf(value));
    }

    private static InputException malformed(String source, String reason) {
        return new InputException(source + ": malformed NPY header: " + reason);
    }

    private static boolean startsWith(ByteBuffer file, byte[] prefix) {
        if (file.limit() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (file.get(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
