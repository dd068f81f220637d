/**
 * Image data: {@link dtad.image.ImageSet} (images of one {@link dtad.image.ImageShape}, flattened to rows in
 * (channel, row, column) order, pixels scaled to [0, 1]) and its readers, {@link dtad.image.ImageSources} the
 * entry point: folders of PNG, JPEG, BMP or GIF files (flat, or one subfolder per class), IDX files (the MNIST
 * family, plain or gzipped) and {@code .npy}/{@code .npz} arrays. {@link dtad.image.ImageOptions} resize images
 * to a common size and convert them to gray or RGB; {@link dtad.image.ImageSplit#oneClass} makes the one-class
 * protocol's split. {@link dtad.image.TextureGenerator} makes MVTec-AD-like textures with defects and masks;
 * {@link dtad.image.AnomalyMapWriter} and {@link dtad.image.GaussianBlur} write and smooth anomaly maps. Every
 * unusable input is refused with a one-line {@link dtad.InputException} naming the file.
 */
package dtad.image;
