package dtad.torch.recon;

import dtad.torch.TrainingSettings;
import java.util.List;

/** Small configurations for tests: the reference architectures shrunk so that a fit takes a moment. */
final class TinyConfigs {
    static final ReconstructionSettings CHAIN = new ReconstructionSettings(100, List.of(20), false, false, false);

    private TinyConfigs() {
    }

    static TrainingSettings training(int epochs) {
        return new TrainingSettings(epochs, 32, 1e-3, 5e-4, 0, true);
    }

    static DDPM ddpm(ReconstructionSettings chain, int epochs) {
        return new DDPM(chain, 16, 32, 2, 0.4, 0.1, 16, training(epochs), true);
    }

    static DDPM ddpm(int epochs) {
        return ddpm(CHAIN, epochs);
    }

    static DiT dit(ReconstructionSettings chain, int epochs) {
        return new DiT(chain, 2, 16, 2, 2, 2, 16, training(epochs), true);
    }

    static DiT dit(int epochs) {
        return dit(CHAIN, epochs);
    }
}
