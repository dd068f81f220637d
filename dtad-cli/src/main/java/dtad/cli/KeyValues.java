package dtad.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns repeated {@code --param KEY=VALUE} arguments into a map, refusing one without {@code =}. */
final class KeyValues {
    private KeyValues() {
    }

    static Map<String, String> parse(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--param expects KEY=VALUE, got '" + pair + "'");
            }
            out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return out;
    }
}
