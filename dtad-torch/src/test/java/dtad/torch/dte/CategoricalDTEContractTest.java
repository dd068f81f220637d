package dtad.torch.dte;

import dtad.detect.Detector;
import dtad.detect.DetectorContract;

/** DTE-C keeps the detector contract (30 epochs instead of 400, so that the suite stays fast). */
class CategoricalDTEContractTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        CategoricalDTE d = CategoricalDTE.defaults();
        return new CategoricalDTE(d.steps(), d.bins(), d.loss(), d.hidden(), d.dropout(), d.training().withEpochs(30));
    }
}
