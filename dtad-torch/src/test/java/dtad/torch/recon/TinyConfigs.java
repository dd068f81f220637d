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
        return training(epochs).setIn(chain.setIn(DDPM.builder()))
                .set(DDPM.WIDTH, 16).set(DDPM.BLOCK_WIDTH, 32).set(DDPM.BLOCKS, 2)
                .set(DDPM.DROPOUT_FIRST, 0.4).set(DDPM.DROPOUT_SECOND, 0.1).set(DDPM.TIME_DIM, 16)
                .set(ReconstructionParameters.EARLY_STOP, true).build();
    }

    static DDPM ddpm(int epochs) {
        return ddpm(CHAIN, epochs);
    }

    static DiT dit(ReconstructionSettings chain, int epochs) {
        return training(epochs).setIn(chain.setIn(DiT.builder()))
                .set(DiT.PATCH, 2).set(DiT.HIDDEN, 16).set(DiT.DEPTH, 2).set(DiT.HEADS, 2).set(DiT.MLP_RATIO, 2)
                .set(DiT.TIME_DIM, 16).set(ReconstructionParameters.EARLY_STOP, true).build();
    }

    static DiT dit(int epochs) {
        return dit(CHAIN, epochs);
    }
}
