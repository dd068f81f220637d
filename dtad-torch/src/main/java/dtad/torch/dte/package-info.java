/**
 * The Diffusion Time Estimation networks of Livernoche et al., "On Diffusion Modeling for Anomaly
 * Detection" (ICLR 2024, arXiv:2305.18593), as in the authors' PyTorch reference ({@code diffusion/dte.py}):
 * {@link dtad.torch.dte.CategoricalDTE} (DTE-C), {@link dtad.torch.dte.InverseGammaDTE} (DTE-IG) and
 * {@link dtad.torch.dte.GaussianDTE} (DTE-G). Each noises training rows with variance-only diffusion
 * ({@code x_t = x_0 + sqrt(sigma2_t) eps}, {@link dtad.diffusion.NoiseSchedule}) and trains an MLP to
 * tell the diffusion time of a noised row; a row that looks as if it had been diffused for long is
 * anomalous.
 */
package dtad.torch.dte;
