package dtad.torch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The network parameters payload of a model file, which describes itself: the magic bytes
 * {@code DTADPARM}, a little-endian int32 header length, a UTF-8 JSON header listing each tensor's name
 * and shape in order ({@code {"tensors":[{"name":"layer0.weight","shape":[8,3]},...]}}), then the values
 * as little-endian float32, tensor after tensor. Reading checks the header against the network's
 * layout, so a change of tensor order, names or shapes is refused instead of loading silently wrong
 * (a same-size reordering passes a size check).
 *
 * <p>Payloads of model format 1 are the bare float32 values; they are still read, checked by size only.
 */
public final class ParameterFile {
    private static final byte[] MAGIC = "DTADPARM".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParameterFile() {
    }

    /** One tensor of the header. */
    record TensorEntry(String name, long[] shape) {
    }

    /** The header of the payload. */
    record Header(List<TensorEntry> tensors) {
    }

    /** The payload for {@code values} laid out by {@code layout}. */
    public static byte[] write(ParameterLayout layout, float[] values) {
        if (values.length != layout.size()) {
            throw new IllegalArgumentException(values.length + " values for " + layout.size() + " parameters");
        }
        byte[] header;
        try {
            header = JSON.writeValueAsBytes(header(layout));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the parameter header", e);
        }
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + header.length + 4 * values.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putInt(header.length).put(header);
        out.asFloatBuffer().put(values);
        return out.array();
    }

    /**
     * The values of a payload, after checking that it describes {@code layout}'s tensors (or, for a
     * format-1 payload without header, that it has their size).
     *
     * @throws IllegalArgumentException naming the first tensor that differs, or the sizes
     */
    public static float[] read(ParameterLayout layout, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (!hasMagic(bytes)) {
            return values(layout, in, bytes.length);
        }
        in.position(MAGIC.length);
        int length = in.remaining() >= 4 ? in.getInt() : -1;
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("the parameter payload's header is truncated");
        }
        Header header;
        try {
            header = JSON.readValue(bytes, in.position(), length, Header.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the parameter payload's header is damaged (" + e.getMessage() + ")");
        }
        in.position(in.position() + length);
        requireSameTensors(header(layout), header);
        return values(layout, in, in.remaining());
    }

    private static float[] values(ParameterLayout layout, ByteBuffer in, int bytes) {
        if (bytes != 4L * layout.size()) {
            throw new IllegalArgumentException("The network has " + layout.size() + " parameters ("
                    + 4L * layout.size() + " bytes), the payload has " + bytes + " bytes");
        }
        float[] values = new float[layout.size()];
        in.asFloatBuffer().get(values);
        return values;
    }

    private static boolean hasMagic(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    private static Header header(ParameterLayout layout) {
        List<TensorEntry> entries = new ArrayList<>();
        for (ParameterLayout.Tensor t : layout.tensors()) {
            entries.add(new TensorEntry(t.name(), t.shape()));
        }
        return new Header(entries);
    }

    private static void requireSameTensors(Header expected, Header found) {
        List<TensorEntry> want = expected.tensors();
        List<TensorEntry> got = found.tensors() == null ? List.of() : found.tensors();
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String w = i < want.size() ? describe(want.get(i)) : "nothing";
            String g = i < got.size() ? describe(got.get(i)) : "nothing";
            if (!w.equals(g)) {
                throw new IllegalArgumentException("the parameters do not fit the network: tensor " + (i + 1)
                        + " is " + g + " in the file, " + w + " in this version's network");
            }
        }
    }

    private static String describe(TensorEntry t) {
        return t == null ? "null" : t.name() + " " + Arrays.toString(t.shape());
    }
}
