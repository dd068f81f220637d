package dtad.torch.recon;

import dtad.data.Matrix;
import dtad.detect.TrainingData;
import dtad.image.ImageScaling;
import dtad.method.Family;
import dtad.method.Method;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.torch.TrainingSettings;
import dtad.torch.image.ImageDetector;
import dtad.torch.image.ImageSize;

/**
 * DiT reconstruction of images: the objective and scoring of {@link DDPM} with DiT's transformer
 * (Peebles and Xie, ICCV 2023) over 2-D patches ({@link ImagePatches}: patch embedding, fixed 2-D sin-cos
 * positions, the adaLN-Zero blocks and final layer of the tabular {@link DiT}, a linear head back to
 * patches), on rows that are flattened images ({@link ImageSize}; scaled per channel,
 * {@link ImageScaling}). Higher = more anomalous.
 *
 * <p>Any image size works: the automatic patch is the smallest power of two giving at most
 * {@value ImagePatches#MAX_TOKENS} tokens, at most {@value ImagePatches#MAX_AUTOMATIC_PATCH} pixels (224 x 224: 196
 * tokens), and images are zero-padded to a multiple of it. Network sizes
 * as the tabular DiT's defaults; training as {@link ImageDDPM}'s.
 *
 * @param reconstruction the diffusion and the scoring chain
 * @param image          the image shape (or inferred from the row width)
 * @param patch          the side of a patch in pixels; 0 chooses it (see above)
 * @param hidden         the token width (a multiple of 4 and of 2 heads)
 * @param depth          the number of transformer blocks
 * @param heads          attention heads
 * @param mlpRatio       the MLP's width as a multiple of {@code hidden}
 * @param timeDim        the width of the sinusoidal time embedding
 * @param training       epochs, batch, optimizer, seed, drop-last
 * @param earlyStop      the reference's early stop ({@link ReferenceStopping})
 */
public record ImageDiT(ReconstructionSettings reconstruction, ImageSize image, int patch, int hidden, int depth,
                       int heads, int mlpRatio, int timeDim, TrainingSettings training, boolean earlyStop)
        implements ReconstructionDetector, ImageDetector {

    public static final Method<ImageDiT> METHOD = new Method<>("ImageDiT", Family.RECONSTRUCTION,
            "Reconstruction error of a denoising diffusion model with a DiT (adaLN-Zero) over image patches",
            ReconstructionParameters.REFERENCE + "; Peebles, Xie. Scalable Diffusion Models with Transformers. "
                    + "ICCV 2023. arXiv:2212.09748", ReconstructionParameters.addTraining(
                    ImageSize.addTo(ReconstructionParameters.addReconstruction(ParameterTable.<ImageDiT>builder()),
                                    ImageDiT::image)
                            .add("patch", ParameterType.INTEGER, 0, ">= 0 (0 = auto)", "patch side in pixels; 0: "
                                    + "the smallest power of two giving at most " + ImagePatches.MAX_TOKENS
                                    + " patches, at most " + ImagePatches.MAX_AUTOMATIC_PATCH, ImageDiT::patch)
                            .add("hidden", ParameterType.INTEGER, 64, "multiple of 4 and of 2 heads", "token width",
                                    ImageDiT::hidden)
                            .add("depth", ParameterType.INTEGER, 2, ">= 1", "transformer blocks", ImageDiT::depth)
                            .add("heads", ParameterType.INTEGER, 4, ">= 1", "attention heads", ImageDiT::heads)
                            .add("mlp_ratio", ParameterType.INTEGER, 4, ">= 1", "MLP width / hidden",
                                    ImageDiT::mlpRatio)
                            .add("time_dim", ParameterType.INTEGER, 256, ">= 2",
                                    "width of the sinusoidal time embedding", ImageDiT::timeDim),
                    ImageDDPM.TRAINING, false)
                    .build(v -> new ImageDiT(ReconstructionParameters.reconstruction(v), ImageSize.of(v),
                            v.integer("patch"), v.integer("hidden"), v.integer("depth"), v.integer("heads"),
                            v.integer("mlp_ratio"), v.integer("time_dim"), ReconstructionParameters.training(v),
                            v.bool("early_stop"))),
            ReconstructionModel::load);

    public ImageDiT {
        ReconstructionParameters.requireCommon(reconstruction, training);
        if (image == null) {
            throw new IllegalArgumentException("Missing image size");
        }
        if (patch < 0) {
            throw new IllegalArgumentException("Invalid patch size: " + patch + " (0 for automatic, or at least 1)");
        }
        ReconstructionParameters.requirePositive("depth", depth);
        ReconstructionParameters.requirePositive("number of heads", heads);
        ReconstructionParameters.requirePositive("MLP ratio", mlpRatio);
        if (hidden < 4 || hidden % 4 != 0 || hidden % (2 * heads) != 0) {
            throw new IllegalArgumentException("Invalid hidden width: " + hidden + " (must be a positive multiple of 4"
                    + " and of " + 2 * heads + ", twice the number of heads)");
        }
        if (timeDim < 2) {
            throw new IllegalArgumentException("Invalid time embedding width: " + timeDim + " (at least 2)");
        }
    }

    /** The default configuration. */
    public static ImageDiT defaults() {
        return METHOD.defaults();
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    /** This configuration for images of another size. */
    public ImageDiT withImage(ImageSize size) {
        return new ImageDiT(reconstruction, size, patch, hidden, depth, heads, mlpRatio, timeDim, training, earlyStop);
    }

    /** How images of rows of {@code features} values become tokens. */
    ImagePatches patches(int features) {
        return patch == 0 ? ImagePatches.automatic(imageShape(features)) : new ImagePatches(imageShape(features), patch);
    }

    @Override
    public TrainingData trainingData(Matrix train) {
        return TrainingData.of(train, rows -> ImageScaling.fit(rows, imageShape(rows.columns())));
    }

    @Override
    public ImageDiT forFeatures(int features) {
        return withImage(ImageSize.of(imageShape(features)));
    }

    @Override
    public Denoiser denoiser(int features) {
        return new DiffusionTransformer(patches(features), hidden, depth, heads, mlpRatio, timeDim);
    }
}
