package dtad.io;

import dtad.InputException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The element type of an NPY array as its header's {@code descr} gives it, e.g. {@code "<f8"}: a
 * {@link NpyType} and the byte order of its elements. {@code '|'}, {@code '='} and no prefix mean the
 * machine's byte order, as numpy reads them.
 *
 * @param descriptor the descriptor as written in the file, e.g. {@code "<f8"} or {@code "|u1"}
 * @param type       the element type
 * @param order      the byte order of the elements
 */
public record NpyDtype(String descriptor, NpyType type, ByteOrder order) {

    /** The numpy name of the element type, e.g. {@code float64}. */
    public String name() {
        return type.numpyName();
    }

    /**
     * Parses a {@code descr} string; an unreadable type (object, complex, string, datetime, void, ...) is
     * refused with a message that starts with {@code source}.
     */
    static NpyDtype parse(String descriptor, String source) {
        String code = descriptor;
        ByteOrder order = ByteOrder.nativeOrder();
        if (!code.isEmpty() && "<>|=".indexOf(code.charAt(0)) >= 0) {
            if (code.charAt(0) == '<') {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (code.charAt(0) == '>') {
                order = ByteOrder.BIG_ENDIAN;
            }
            code = code.substring(1);
        }
        NpyType type = NpyType.ofCode(code);
        if (type == null) {
            throw new InputException(source + ": " + unsupported(descriptor, code));
        }
        return new NpyDtype(descriptor, type, order);
    }

    private static String unsupported(String descriptor, String code) {
        String quoted = "'" + Messages.clip(descriptor) + "'";
        char kind = code.isEmpty() ? ' ' : code.charAt(0);
        return switch (kind) {
            case 'O' -> "object arrays (dtype " + quoted + ", pickled Python objects) are not supported";
            case 'c' -> "complex dtype " + quoted + " is not supported";
            case 'U', 'S', 'a' -> "string dtype " + quoted + " is not supported";
            case 'M', 'm' -> "date/time dtype " + quoted + " is not supported";
            case 'V' -> "structured or void dtype " + quoted + " is not supported";
            default -> "dtype " + quoted + " is not supported; supported: " + Arrays.stream(NpyType.values())
                    .map(t -> t.numpyName() + " (" + t.code() + ")").collect(Collectors.joining(", "));
        };
    }
}
