package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The engine loads offline from the native jar; this fails (never skips) where it cannot. */
class TorchEngineTest {

    @Test
    void loadsPyTorchOfflineWithOneIntraOpThread() {
        assertEquals("PyTorch", TorchEngine.engine().getEngineName());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals(1, TorchEngine.threads());
    }

    @Test
    void exclusiveWorkRunsAndReturnsItsValue() {
        assertEquals(42, TorchEngine.exclusively(() -> TorchEngine.exclusively(() -> 42)));
    }
}
