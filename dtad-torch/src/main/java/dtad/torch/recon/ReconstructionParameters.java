package dtad.torch.recon;

import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.method.ParameterValues;
import dtad.torch.NetworkParameters;
import dtad.torch.TrainingSettings;

/** The parameters DDPM and DiT declare alike: the diffusion and scoring chain, and the training. */
final class ReconstructionParameters {
    static final String REFERENCE = "Livernoche, Jain, Hezaveh, Ravanbakhsh. On Diffusion Modeling for Anomaly "
            + "Detection. ICLR 2024. arXiv:2305.18593 (DDPM baseline, diffusion/ddpm.py); Ho, Jain, Abbeel. "
            + "Denoising Diffusion Probabilistic Models. NeurIPS 2020";
    /** The reference's training: up to 400 epochs of batch 64 (last partial batch dropped), Adam 1e-4, L2 5e-4. */
    static final TrainingSettings TRAINING = new TrainingSettings(400, 64, 1e-4, 5e-4, 0, true);

    private ReconstructionParameters() {
    }

    static <D extends ReconstructionDetector> ParameterTable.Builder<D> addReconstruction(
            ParameterTable.Builder<D> builder) {
        return addReconstruction(builder, ReconstructionSettings.DEFAULT);
    }

    /** Declares the diffusion and chain parameters with the defaults {@code r}. */
    static <D extends ReconstructionDetector> ParameterTable.Builder<D> addReconstruction(
            ParameterTable.Builder<D> builder, ReconstructionSettings r) {
        return builder
                .add("steps", ParameterType.INTEGER, r.steps(), ">= 2",
                        "diffusion steps T (linear betas 1e-4 to 1e-2)", d -> d.reconstruction().steps())
                .add("rec_t", ParameterType.POSITIVE_INTEGERS, r.starts(), "1..steps each",
                        "reconstruction start(s): a reverse chain t = s-1 .. 0 per start s; several: geometric mean "
                                + "of their errors (the reference: 250)", d -> d.reconstruction().starts())
                .add("noise_first", ParameterType.BOOLEAN, r.noiseFirst(), "true|false",
                        "noise the row to t = s-1 before denoising (the reference starts from the row itself)",
                        d -> d.reconstruction().noiseFirst())
                .add("full_path", ParameterType.BOOLEAN, r.fullPath(), "true|false",
                        "score the summed squared step-to-step differences instead of the final error",
                        d -> d.reconstruction().fullPath())
                .add("posterior_noise", ParameterType.BOOLEAN, r.posteriorNoise(), "true|false",
                        "add sqrt(posterior variance) z at each step t > 0 (commented out in the reference)",
                        d -> d.reconstruction().posteriorNoise());
    }

    static <D extends ReconstructionDetector> ParameterTable.Builder<D> addTraining(ParameterTable.Builder<D> builder) {
        return addTraining(builder, TRAINING, true);
    }

    /** Declares the training parameters with the given defaults. */
    static <D extends ReconstructionDetector> ParameterTable.Builder<D> addTraining(ParameterTable.Builder<D> builder,
                                                                                 TrainingSettings defaults,
                                                                                 boolean earlyStop) {
        return NetworkParameters.addTraining(builder, defaults, ReconstructionDetector::training)
                .add("drop_last", ParameterType.BOOLEAN, defaults.dropLast(), "true|false",
                        "drop each epoch's last partial batch (as the reference)", d -> d.training().dropLast())
                .add("early_stop", ParameterType.BOOLEAN, earlyStop, "true|false",
                        "after epoch 51, stop when the epoch's mean loss exceeds the one 39 epochs earlier "
                                + "(as the reference)", ReconstructionDetector::earlyStop);
    }

    static ReconstructionSettings reconstruction(ParameterValues v) {
        return new ReconstructionSettings(v.integer("steps"), v.integers("rec_t"), v.bool("noise_first"),
                v.bool("full_path"), v.bool("posterior_noise"));
    }

    static TrainingSettings training(ParameterValues v) {
        return NetworkParameters.training(v).withDropLast(v.bool("drop_last"));
    }

    static void requireCommon(ReconstructionSettings reconstruction, TrainingSettings training) {
        if (reconstruction == null) {
            throw new IllegalArgumentException("Missing reconstruction settings");
        }
        if (training == null) {
            throw new IllegalArgumentException("Missing training settings");
        }
    }

    static void requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("Invalid " + what + ": " + value + " (at least 1)");
        }
    }

    static void requireDropout(String what, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Invalid " + what + ": " + p + " (must be in [0, 1))");
        }
    }
}
