package dtad.torch.recon;

import dtad.detect.Detector;
import dtad.detect.DetectorContract;
import java.util.List;

/**
 * DiT keeps the detector contract (one small block over 3 tokens, 20 epochs). The chain runs all 40
 * steps of a short schedule: from the default 20 % start, this tiny, briefly trained transformer
 * reconstructs the far planted outlier about as well as the inliers (its LayerNorms make it blind to
 * the scale of a token), while the whole chain separates it clearly.
 */
class DiTContractTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return TinyConfigs.training(20).setIn(new ReconstructionSettings(40, List.of(40), false, false, false)
                .setIn(DiT.builder())).set(DiT.PATCH, 2).set(DiT.HIDDEN, 16).set(DiT.DEPTH, 1).set(DiT.HEADS, 2)
                .set(DiT.MLP_RATIO, 2).set(DiT.TIME_DIM, 16).set(ReconstructionParameters.EARLY_STOP, true).build();
    }

    /** A reverse chain per call makes each round slow; DTE-C and DDPM race more rounds of the same guard. */
    @Override
    protected int closeRaceRounds() {
        return 3;
    }
}
