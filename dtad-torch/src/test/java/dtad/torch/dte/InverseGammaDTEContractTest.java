package dtad.torch.dte;

import dtad.detect.Detector;
import dtad.detect.DetectorContract;
import dtad.torch.NetworkParameters;

/** DTE-IG keeps the detector contract (30 epochs instead of 400, so that the suite stays fast). */
class InverseGammaDTEContractTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return InverseGammaDTE.builder().set(NetworkParameters.EPOCHS, 30).build();
    }
}
