package dtad.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.param.Param;

/**
 * A param holding a method's own parameters as text (key to value), with the JSON codec that Spark's
 * {@code DefaultParamsWriter}/{@code Reader} need to save an unfitted {@link DtadDetector} (Spark's
 * {@code Param} encodes only strings and vectors itself).
 */
final class TextMapParam extends Param<Map<String, String>> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    TextMapParam(String parent, String name, String doc) {
        super(parent, name, doc);
    }

    @Override
    public String jsonEncode(Map<String, String> value) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + name() + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Map<String, String> jsonDecode(String json) {
        try {
            return Map.copyOf(JSON.readValue(json, new TypeReference<Map<String, String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Param " + name() + " is not a JSON object of text values: "
                    + e.getOriginalMessage(), e);
        }
    }
}
