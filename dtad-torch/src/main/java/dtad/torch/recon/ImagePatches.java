package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import dtad.image.ImageShape;
import dtad.torch.image.ImageGrid;

/**
 * Flattened images as DiT's tokens (Peebles and Xie, 2023): each image is zero-padded at the bottom and
 * the right to a multiple of {@code patch} ({@link ImageGrid}) and cut into {@code patch x patch}
 * squares, one token of {@code C patch^2} values each, in row-major order of the patch grid; the
 * padding is cropped off again when the tokens become an image. Positions are DiT's fixed 2-D sin-cos
 * embedding ({@code get_2d_sincos_pos_embed}): half of the width embeds the patch's column, half its
 * row, each as DiT's 1-D embedding.
 *
 * @param shape the images
 * @param patch the side of a patch in pixels
 */
record ImagePatches(ImageShape shape, int patch) implements Patching {
    /** The most tokens the automatic patch size gives (attention costs grow with the square of it). */
    static final int MAX_TOKENS = 64;
    /**
     * The largest automatic patch side: ViT's and DiT's 16 pixels, which cuts 224 x 224 images into 196 tokens.
     * Wider patches would put thousands of values in one token of 64 and blur where a defect is.
     */
    static final int MAX_AUTOMATIC_PATCH = 16;

    ImagePatches {
        if (patch < 1) {
            throw new IllegalArgumentException("Invalid patch size: " + patch + " (at least 1)");
        }
    }

    /**
     * The smallest power-of-two patch that cuts the image into at most {@value #MAX_TOKENS} tokens, but at most
     * {@value #MAX_AUTOMATIC_PATCH} pixels: 1 up to 8x8, 2 up to 16x16, 4 up to 32x32 (28x28 gives 49 tokens), 8 up
     * to 64x64, 16 from there on (128x128: 64 tokens; 224x224: 196 tokens, DiT's and ViT's patching).
     */
    static ImagePatches automatic(ImageShape shape) {
        int p = 1;
        while (p < MAX_AUTOMATIC_PATCH && (long) ceilDiv(shape.height(), p) * ceilDiv(shape.width(), p) > MAX_TOKENS) {
            p *= 2;
        }
        return new ImagePatches(shape, p);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private ImageGrid grid() {
        return new ImageGrid(shape, patch);
    }

    private int rows() {
        return grid().height() / patch;
    }

    private int columns() {
        return grid().width() / patch;
    }

    @Override
    public int features() {
        return shape.values();
    }

    @Override
    public int tokens() {
        return rows() * columns();
    }

    @Override
    public int patch() {
        return shape.channels() * patch * patch;
    }

    @Override
    public NDArray tokenize(NDArray rows) {
        long n = rows.getShape().get(0);
        return grid().images(rows).reshape(n, shape.channels(), rows(), patch, columns(), patch)
                .transpose(0, 2, 4, 1, 3, 5).reshape(n, tokens(), patch());
    }

    @Override
    public NDArray untokenize(NDArray tokens) {
        long n = tokens.getShape().get(0);
        ImageGrid grid = grid();
        NDArray images = tokens.reshape(n, rows(), columns(), shape.channels(), patch, patch)
                .transpose(0, 3, 1, 4, 2, 5).reshape(n, shape.channels(), grid.height(), grid.width());
        return grid.rows(images);
    }

    @Override
    public float[] positions(int hidden) {
        if (hidden % 4 != 0) {
            throw new IllegalArgumentException("Invalid hidden width for 2-D positions: " + hidden
                    + " (a multiple of 4)");
        }
        int half = hidden / 2;
        float[] byColumn = DiffusionTransformer.positions(columns(), half);
        float[] byRow = DiffusionTransformer.positions(rows(), half);
        float[] out = new float[tokens() * hidden];
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < columns(); c++) {
                int token = r * columns() + c;
                System.arraycopy(byColumn, c * half, out, token * hidden, half);
                System.arraycopy(byRow, r * half, out, token * hidden + half, half);
            }
        }
        return out;
    }
}
