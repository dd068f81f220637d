package dtad.torch.dte;

import dtad.detect.Detector;
import dtad.detect.DetectorContract;
import dtad.torch.NetworkParameters;

/** DTE-C keeps the detector contract (30 epochs instead of 400, so that the suite stays fast). */
class CategoricalDTEContractTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return CategoricalDTE.builder().set(NetworkParameters.EPOCHS, 30).build();
    }
}
