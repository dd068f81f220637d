package dtad.torch.recon;

import dtad.detect.Detector;
import dtad.detect.DetectorContract;

/** DDPM keeps the detector contract (a small ResNet, 20 epochs and a 20-step chain, so that the suite stays fast). */
class DDPMContractTest extends DetectorContract {
    @Override
    protected Detector<?> detector() {
        return TinyConfigs.ddpm(20);
    }
}
