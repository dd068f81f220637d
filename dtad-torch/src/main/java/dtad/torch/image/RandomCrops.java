package dtad.torch.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import dtad.image.ImageShape;
import dtad.torch.StepRandom;

/**
 * Random crops of flattened images, so that a convolutional network trains on images larger than it needs to
 * see at once: every row of a batch becomes a {@code side x side} window (or the whole height or width where the
 * image is smaller) at its own random offset, drawn from the step's {@link StepRandom}.
 *
 * <p>Why it is sound for a U-Net: its output at a pixel depends on a window around it (its receptive field, 41
 * pixels for ImageDDPM's default two levels) and on GroupNorm's statistics of the whole input. A crop larger than
 * the receptive field shows the network what the whole image would, and a training step costs the crop's pixels,
 * not the image's: at 224 x 224 a 64 px crop is an eighth of the work and memory.
 *
 * @param image the images' shape
 * @param side  the crop's side in pixels; 0 = no crop
 */
public record RandomCrops(ImageShape image, int side) {

    public RandomCrops {
        if (image == null) {
            throw new IllegalArgumentException("Missing image shape");
        }
        if (side < 0) {
            throw new IllegalArgumentException("Invalid crop side: " + side);
        }
    }

    /** Whether the images are cropped at all: a side is set and the image is larger than it. */
    public boolean crops() {
        return side > 0 && (image.height() > side || image.width() > side);
    }

    /** The shape of a crop (the image's own when it does not crop). */
    public ImageShape cropShape() {
        return crops() ? new ImageShape(image.channels(), Math.min(side, image.height()), Math.min(side, image.width()))
                : image;
    }

    /** A random crop of each row of {@code rows} ({@code [n, C H W]}), as rows {@code [n, C h w]}. */
    public NDArray of(NDArray rows, StepRandom random) {
        if (!crops()) {
            return rows;
        }
        ImageShape crop = cropShape();
        long n = rows.getShape().get(0);
        NDArray images = rows.reshape(n, image.channels(), image.height(), image.width());
        NDList windows = new NDList(Math.toIntExact(n));
        for (long r = 0; r < n; r++) {
            int y = random.nextInt(image.height() - crop.height() + 1);
            int x = random.nextInt(image.width() - crop.width() + 1);
            windows.add(images.get(new NDIndex("{}, :, {}:{}, {}:{}", r, y, y + crop.height(), x, x + crop.width())));
        }
        return NDArrays.stack(windows).reshape(n, crop.values());
    }
}
