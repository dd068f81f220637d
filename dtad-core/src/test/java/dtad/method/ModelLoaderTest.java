package dtad.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelLoaderTest {
    private static final ModelLoader<String> PLAIN = (detector, info, scores, payloads) -> null;

    @Test
    void aPlainLoaderConfiguresWithTheManifestAsItIs() {
        Map<String, String> manifest = Map.of("k", "5");
        assertSame(manifest, PLAIN.storedParameters(manifest));
    }

    @Test
    void aKeyAbsentFromAnOlderManifestTakesTheValueThoseFilesWereMadeWith() {
        ModelLoader<String> loader = ModelLoader.assuming(Map.of("link", "square"), PLAIN);
        assertEquals(Map.of("link", "square", "steps", "400"), loader.storedParameters(Map.of("steps", "400")));
        assertEquals(Map.of("link", "exp", "steps", "400"),
                loader.storedParameters(Map.of("link", "exp", "steps", "400")), "a stored value wins");
    }
}
