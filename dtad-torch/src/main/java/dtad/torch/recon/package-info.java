/**
 * Reconstruction detectors: a diffusion model trained on normal rows denoises a row back from
 * {@code t = rec_t - 1}, and the row scores by how far the reconstruction lands from it.
 *
 * <ul>
 *   <li>{@link dtad.torch.recon.DDPM}: the DTE paper's DDPM baseline ({@code diffusion/ddpm.py}) with its
 *       tabular ResNet denoiser ({@link dtad.torch.recon.TabularResNet}, BatchNorm running statistics as
 *       saved buffers);</li>
 *   <li>{@link dtad.torch.recon.DiT}: the same with a transformer denoiser
 *       ({@link dtad.torch.recon.DiffusionTransformer}: adaLN-Zero blocks over tokens made by a separate
 *       {@link dtad.torch.recon.Tokenizer}).</li>
 * </ul>
 * Both train with the shared {@link dtad.torch.TrainingLoop} on one objective
 * ({@link dtad.torch.recon.NoisePrediction}, "mean and variance" noising of
 * {@link dtad.diffusion.NoiseSchedule}) and score with one {@link dtad.torch.recon.ReverseChain}; one
 * model class ({@link dtad.torch.recon.ReconstructionModel}) serves both.
 */
package dtad.torch.recon;
