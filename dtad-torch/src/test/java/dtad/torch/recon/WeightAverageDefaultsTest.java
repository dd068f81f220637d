package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dtad.torch.NetworkParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ema}: which networks keep the moving average of their weights, and what older model files stand for. */
class WeightAverageDefaultsTest {
    @Test
    void imageDitKeepsTheAverageTheTabularNetworksTheirLastWeights() {
        assertEquals(0.999, ImageDiT.defaults().training().ema());
        assertEquals(0.0, DDPM.defaults().training().ema());
        assertEquals(0.0, DiT.defaults().training().ema());
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
