package dtad.torch.recon;

import dtad.detect.Detector;
import dtad.detect.DetectorContract;
import java.util.List;

/**
 * DDPM with a random chain (noised first, sampling noise at each step) still keeps the contract: the
 * noise is seeded per row, so scores repeat and do not depend on the batch.
 */
class DDPMSampledChainContractTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return TinyConfigs.ddpm(new ReconstructionSettings(100, List.of(20), true, false, true), 20);
    }

    /** A reverse chain per call makes each round slow; DTE-C and DDPM race more rounds of the same guard. */
    @Override
    protected int closeRaceRounds() {
        return 3;
    }
}
