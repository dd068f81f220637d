package dtad.torch.dte;

import dtad.detect.Detector;
import dtad.detect.DetectorContract;

/** DTE-G keeps the detector contract (30 epochs instead of 400, so that the suite stays fast). */
class GaussianDTEContractTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        GaussianDTE d = GaussianDTE.defaults();
        return new GaussianDTE(d.steps(), d.hidden(), d.dropout(), d.training().withEpochs(30));
    }
}
