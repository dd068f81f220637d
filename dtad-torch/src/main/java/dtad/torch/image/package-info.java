/**
 * What the image networks share: rows that are flattened images ({@link dtad.image.ImageShape}, C x H x W
 * values) reshaped to {@code [n, C, H, W]} tensors and padded ({@link dtad.torch.image.ImageGrid}), the
 * functional layers {@link dtad.torch.image.Conv2d} and {@link dtad.torch.image.GroupNorm}, and the image
 * shape a detector is configured with ({@link dtad.torch.image.ImageSize}, {@link dtad.torch.image.ImageDetector}).
 * The detectors themselves are {@code ImageDDPM} and {@code ImageDiT} ({@code dtad.torch.recon}) and
 * {@code ImageDTE-C} ({@code dtad.torch.dte}).
 */
package dtad.torch.image;
