package dtad.torch.dte;

import dtad.detect.Detector;
import dtad.detect.DetectorContract;

/** DTE-IG keeps the detector contract (30 epochs instead of 400, so that the suite stays fast). */
class InverseGammaDTEContractTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        InverseGammaDTE d = InverseGammaDTE.defaults();
        return new InverseGammaDTE(d.steps(), d.score(), d.hidden(), d.dropout(), d.training().withEpochs(30));
    }
}
