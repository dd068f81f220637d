package dtad.torch.recon;

import dtad.data.Matrix;
import dtad.detect.TrainingData;
import dtad.image.ImageScaling;
import dtad.method.Constraint;
import dtad.method.Family;
import dtad.method.Method;
import dtad.method.Parameter;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.torch.TrainingSettings;
import dtad.torch.image.ImageDetector;
import dtad.torch.image.ImageSize;

/**
 * DiT reconstruction of images: the objective of {@link DDPM} and the image networks' score (by default the
 * one-step reconstruction from three noise levels, {@link ReconstructionSettings#IMAGES}) with DiT's transformer
 * (Peebles and Xie, ICCV 2023) over 2-D patches ({@link ImagePatches}: patch embedding, fixed 2-D sin-cos
 * positions, the adaLN-Zero blocks and final layer of the tabular {@link DiT}, a linear head back to
 * patches), on rows that are flattened images ({@link ImageSize}; scaled per channel,
 * {@link ImageScaling}). Higher = more anomalous.
 *
 * <p>Any image size works: the automatic patch is the smallest power of two giving at most
 * {@value ImagePatches#MAX_TOKENS} tokens, at most {@value ImagePatches#MAX_AUTOMATIC_PATCH} pixels (224 x 224: 196
 * tokens), and images are zero-padded to a multiple of it. Network sizes
 * as the tabular DiT's defaults; training as {@link ImageDDPM}'s, for three times the epochs ({@link #TRAINING}).
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

    /**
     * The default training: ImageDDPM's, but 60 epochs. On Fashion-MNIST one-class (seed 0, with four draws) the
     * 10-class mean rose from 86.35 AUC-ROC at 20 epochs to 89.03, the noisiest levels gaining most; a fit of one
     * class (6,000 images) took 406-506 s on a shared two-core machine (docs/fashion-mnist-one-class).
     */
    static final TrainingSettings TRAINING = ImageDDPM.TRAINING.withEpochs(60);

    /** {@code patch}: automatic by default. */
    public static final Parameter<ImageDiT, Integer> PATCH = Parameter.of("patch", ParameterType.INTEGER, 0,
            Constraint.atLeast(0).note("0 = auto"), "patch side in pixels; 0: the smallest power of two giving at most "
                    + ImagePatches.MAX_TOKENS + " patches, at most " + ImagePatches.MAX_AUTOMATIC_PATCH, ImageDiT::patch);
    /** {@code heads}: DiT's key (declared before {@link #HIDDEN}, whose rule refers to it). */
    public static final Parameter<ImageDiT, Integer> HEADS = DiT.HEADS.declaration().bind(4, ImageDiT::heads);
    /** {@code hidden}: the token width, a multiple of 4 (the 2-D sin-cos positions) and of twice the heads. */
    public static final Parameter<ImageDiT, Integer> HIDDEN = Parameter.of("hidden", ParameterType.INTEGER, 64,
            Constraint.multipleOf(4).and(Constraint.multipleOf(2, HEADS.declaration())), "token width",
            ImageDiT::hidden);
    /** {@code depth}: DiT's key. */
    public static final Parameter<ImageDiT, Integer> DEPTH = DiT.DEPTH.declaration().bind(2, ImageDiT::depth);
    /** {@code mlp_ratio}: DiT's key. */
    public static final Parameter<ImageDiT, Integer> MLP_RATIO = DiT.MLP_RATIO.declaration().bind(4,
            ImageDiT::mlpRatio);
    /** {@code time_dim}: the sinusoidal embedding's width. */
    public static final Parameter<ImageDiT, Integer> TIME_DIM = ReconstructionParameters.TIME_DIM.bind(256,
            "width of the sinusoidal time embedding", ImageDiT::timeDim);

    public static final Method<ImageDiT> METHOD = new Method<>("ImageDiT", Family.RECONSTRUCTION,
            "Reconstruction error of a denoising diffusion model with a DiT (adaLN-Zero) over image patches",
            ReconstructionParameters.REFERENCE + "; Peebles, Xie. Scalable Diffusion Models with Transformers. "
                    + "ICCV 2023. arXiv:2212.09748", ReconstructionParameters.addTraining(
                    ImageSize.addTo(ReconstructionParameters.addImageReconstruction(ParameterTable.<ImageDiT>builder(), ReconstructionSettings.IMAGES),
                                    ImageDiT::image)
                            .add(PATCH).add(HIDDEN).add(DEPTH).add(HEADS).add(MLP_RATIO).add(TIME_DIM),
                    TRAINING, false, Constraint.none())
                    .build(v -> new ImageDiT(ReconstructionParameters.imageReconstruction(v), ImageSize.of(v),
                            v.get(PATCH), v.get(HIDDEN), v.get(DEPTH), v.get(HEADS), v.get(MLP_RATIO),
                            v.get(TIME_DIM), ReconstructionParameters.training(v),
                            v.get(ReconstructionParameters.EARLY_STOP))),
            ReconstructionModel::load);

    public ImageDiT {
        ReconstructionParameters.requireCommon(reconstruction, training);
        if (image == null) {
            throw new IllegalArgumentException("Missing image size");
        }
        PATCH.require(patch);
        DEPTH.require(depth);
        HEADS.require(heads);
        MLP_RATIO.require(mlpRatio);
        HIDDEN.require(hidden, HEADS.is(heads));
        TIME_DIM.require(timeDim);
    }

    /** The default configuration. */
    public static ImageDiT defaults() {
        return METHOD.defaults();
    }

    /** Settings by name, from the defaults: {@code ImageDiT.builder().set(DEPTH, 1).build()}. */
    public static ParameterTable.Settings<ImageDiT> builder() {
        return METHOD.parameters().settings();
    }

    /** Settings by name, from this configuration. */
    public ParameterTable.Settings<ImageDiT> toBuilder() {
        return METHOD.parameters().settings(this);
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    /** This configuration for images of another size. */
    public ImageDiT withImage(ImageSize size) {
        return size.setIn(toBuilder()).build();
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
