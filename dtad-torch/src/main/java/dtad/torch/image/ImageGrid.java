package dtad.torch.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dtad.image.ImageShape;

/**
 * Flattened images as the image networks compute on them, and back: rows {@code [n, C H W]} become
 * tensors {@code [n, C, H', W']} whose height and width are padded up to a multiple of {@code multiple}
 * (zeros at the bottom and the right, i.e. the training mean after scaling), so that a network can
 * halve them or cut them into whole patches; the padding is cropped off again on the way back.
 *
 * @param shape    the images' shape
 * @param multiple what the padded height and width are multiples of (1: no padding)
 */
public record ImageGrid(ImageShape shape, int multiple) {

    public ImageGrid {
        if (shape == null) {
            throw new IllegalArgumentException("Missing image shape");
        }
        if (multiple < 1) {
            throw new IllegalArgumentException("Invalid padding multiple: " + multiple);
        }
    }

    public int channels() {
        return shape.channels();
    }

    /** The padded height. */
    public int height() {
        return roundUp(shape.height());
    }

    /** The padded width. */
    public int width() {
        return roundUp(shape.width());
    }

    private int roundUp(int size) {
        return (size + multiple - 1) / multiple * multiple;
    }

    /** Rows {@code [n, C H W]} as padded images {@code [n, C, H', W']}. */
    public NDArray images(NDArray rows) {
        long n = rows.getShape().get(0);
        NDArray images = rows.reshape(n, shape.channels(), shape.height(), shape.width());
        int bottom = height() - shape.height();
        int right = width() - shape.width();
        if (bottom == 0 && right == 0) {
            return images;
        }
        // torch.nn.functional.pad order: last axis first (left, right), then (top, bottom).
        return images.pad(new Shape(0, right, 0, bottom), 0);
    }

    /** Padded images {@code [n, C, H', W']} back to rows {@code [n, C H W]}, the padding cropped. */
    public NDArray rows(NDArray images) {
        long n = images.getShape().get(0);
        NDArray cropped = height() == shape.height() && width() == shape.width() ? images
                : images.get(new NDIndex(":, :, :{}, :{}", shape.height(), shape.width()));
        return cropped.reshape(n, shape.values());
    }
}
