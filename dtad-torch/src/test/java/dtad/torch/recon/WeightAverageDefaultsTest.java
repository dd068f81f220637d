package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dtad.torch.NetworkParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ema}: every reconstruction network keeps its last weights by default, and older model files did. */
class WeightAverageDefaultsTest {
    @Test
    void everyReconstructionNetworkKeepsItsLastWeightsByDefault() {
        // ImageDiT with ema=0.999 averaged 89.13 on Fashion-MNIST one-class against 89.03 (docs/benchmarks.md).
        assertEquals(0.0, ImageDiT.defaults().training().ema());
        assertEquals(0.0, ImageDDPM.defaults().training().ema());
        assertEquals(0.0, DDPM.defaults().training().ema());
        assertEquals(0.0, DiT.defaults().training().ema());
        assertEquals(0.999, ImageDiT.builder().set(NetworkParameters.EMA, 0.999).build().training().ema());
    }

    @Test
    void modelFilesSavedBeforeTheKeyKeptTheLastWeights() {
        assertEquals(0.0, ImageDiT.METHOD.configureSaved(Map.of()).training().ema());
        assertEquals(0.0, ImageDDPM.METHOD.configureSaved(Map.of()).training().ema());
    }

    @Test
    void theKeyIsSetByNameAndChecked() {
        assertEquals(0.99, DDPM.defaults().toBuilder().set(NetworkParameters.EMA, 0.99).build().training().ema());
        assertThrows(IllegalArgumentException.class,
                () -> DDPM.defaults().toBuilder().set(NetworkParameters.EMA, 1.0).build());
    }
}
