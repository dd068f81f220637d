package dtad.torch.dte;

import dtad.data.Matrix;
import dtad.detect.Progress;
import dtad.detect.TrainingData;
import dtad.image.ImageScaling;
import dtad.method.Family;
import dtad.method.Constraint;
import dtad.method.Method;
import dtad.method.Parameter;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.torch.Network;
import dtad.torch.NetworkParameters;
import dtad.torch.StoppingRule;
import dtad.torch.TrainedNetwork;
import dtad.torch.TrainingLoop;
import dtad.torch.TrainingSettings;
import dtad.torch.image.ImageDetector;
import dtad.torch.image.ImageSize;
import java.util.List;

/**
 * DTE-C on images: {@link CategoricalDTE}'s objective (variance-only noising, cross-entropy of the
 * diffusion-time bin) and score (the expected bin, with the per-bin posterior) with a small CNN
 * ({@link TimeBinCnn}) instead of the MLP, on rows that are flattened images ({@link ImageSize}; scaled
 * per pixel by default, see {@link Scaling}). Higher = more anomalous.
 *
 * <p>Defaults chosen on Fashion-MNIST one-class (seed 0, AUC-ROC %, shared machine), classes 0/3/5/2/6/8:
 * mean head, channel scaling (the first version) 52.8/70.2/83.9/55.6/49.5/42.5; dense head, channel
 * scaling 63.5/67.1/74.8 on 0/3/5; mean head, pixel scaling 74.3/73.8 on 0/3; dense head, pixel scaling
 * 84.9/80.2/80.9/75.5/67.2/68.4 (the default; 76.2 against 59.1 on the six).
 *
 * @param image    the image shape (or inferred from the row width)
 * @param steps    diffusion steps T
 * @param bins     number of time bins, 2..T
 * @param loss     the cross-entropy, see {@link CategoricalDTE.Loss}
 * @param widths   the CNN's widths: a stride-1 convolution, then one stride-2 convolution per further width
 * @param head     how the CNN's feature maps become the bins' logits ({@link Head})
 * @param scaling  how pixels are scaled before noising ({@link Scaling})
 * @param training epochs, batch, learning rate, weight decay and seed
 */
public record ImageCategoricalDTE(ImageSize image, int steps, int bins, CategoricalDTE.Loss loss,
                                  List<Integer> widths, Head head, Scaling scaling, TrainingSettings training)
        implements TimeBinClassifier, ImageDetector {

    /** How the classifier reads its last feature maps. */
    public enum Head {
        /**
         * The mean over the pixels, then a linear layer: the classifier sees local statistics only and
         * cannot tell where in the image they are. Estimating the noise level from them is easy on any
         * image, so the score follows texture rather than class (Fashion-MNIST one-class, 10 classes,
         * seeds 0-2: 66.95 average AUC-ROC). Model files saved before {@code head} existed have this head.
         */
        MEAN,
        /**
         * The maps averaged over blocks to at most 8 x 8 cells, flattened, then a hidden layer of 256 (SiLU)
         * and a linear layer: the classifier knows where each feature is, so it can learn what the normal
         * images look like as a whole, as the tabular DTE-C's MLP does (the default).
         */
        DENSE
    }

    /** How the training images' pixels are scaled (the noise is added on that scale). */
    public enum Scaling {
        /** One mean and scale per channel ({@link ImageScaling}): the images keep their look. Files saved before {@code scaling} existed. */
        CHANNEL,
        /**
         * One mean and scale per pixel, as the tabular DTE-C scales its columns (the default), each scale at
         * least half its channel's: the noise is measured against how much each pixel varies among the
         * normal images, so ink where the normal images are blank reads as much noise, a late diffusion time.
         */
        PIXEL
    }
    /** The default training: 20 epochs of batch 64, Adam 1e-3, no weight decay. */
    static final TrainingSettings TRAINING = new TrainingSettings(20, 64, 1e-3, 0, 0);

    /** {@code steps}: DTE-C's T. */
    public static final Parameter<ImageCategoricalDTE, Integer> STEPS = DteParameters.STEPS.bind(
            DiffusionTimeEstimation.STEPS, ImageCategoricalDTE::steps);
    /** {@code bins}: DTE-C's 7. */
    public static final Parameter<ImageCategoricalDTE, Integer> BINS = DteParameters.BINS.bind(7,
            ImageCategoricalDTE::bins);
    /** {@code loss}: DTE-C's default. */
    public static final Parameter<ImageCategoricalDTE, CategoricalDTE.Loss> LOSS = DteParameters.LOSS.bind(
            CategoricalDTE.Loss.STANDARD, "as DTE-C's loss", ImageCategoricalDTE::loss);
    /** {@code widths}: the CNN's widths. */
    public static final Parameter<ImageCategoricalDTE, List<Integer>> WIDTHS = Parameter.of("widths",
            ParameterType.POSITIVE_INTEGERS, List.of(8, 16, 32), Constraint.each(Constraint.atLeast(1)),
            "CNN widths: one stride-1 convolution, then a stride-2 one per further width", ImageCategoricalDTE::widths);

    /** {@code head}: dense; files saved before the key existed have the mean head. */
    public static final Parameter<ImageCategoricalDTE, Head> HEAD = Parameter.of("head", ParameterType.choice(Head.class),
            Head.DENSE, Constraint.none(), "mean: mean over the pixels then linear (position-blind); dense: "
                    + "pooled to at most 8x8 cells, flattened, hidden layer of 256", ImageCategoricalDTE::head)
            .inOlderModelFiles(Head.MEAN);

    /**
     * With {@link Scaling#PIXEL}, no pixel's scale is below this share of its channel's. Unbounded, a pixel
     * blank in nearly every normal image got the scale of a few specks, ink there became values far outside
     * the training range and the score inverted (Fashion-MNIST one-class, seed 0, classes 7/0/4: 30.7/84.9/64.6
     * AUC-ROC; floor 0.1: 85.8/84.5/71.7; floor 0.5: 91.3/84.4/67.1).
     */
    static final double PIXEL_SCALE_FLOOR = 0.5;

    /** {@code scaling}: per pixel; files saved before the key existed were scaled per channel. */
    public static final Parameter<ImageCategoricalDTE, Scaling> SCALING = Parameter.of("scaling",
            ParameterType.choice(Scaling.class), Scaling.PIXEL, Constraint.none(),
            "pixel: a mean and scale per pixel (as tabular DTE-C); channel: per channel", ImageCategoricalDTE::scaling)
            .inOlderModelFiles(Scaling.CHANNEL);

    public static final Method<ImageCategoricalDTE> METHOD = new Method<>("ImageDTE-C", Family.DIFFUSION_TIME,
            "Diffusion time estimation on images: a CNN classifies the binned diffusion time (score: expected bin)",
            DiffusionTimeEstimation.REFERENCE, DiffusionTimeEstimation.addTraining(
                    ImageSize.addTo(ParameterTable.<ImageCategoricalDTE>builder(), ImageCategoricalDTE::image)
                            .add(STEPS).add(BINS).add(LOSS).add(WIDTHS).add(HEAD).add(SCALING), TRAINING, ImageCategoricalDTE::training)
                    .build(v -> new ImageCategoricalDTE(ImageSize.of(v), v.get(STEPS), v.get(BINS), v.get(LOSS),
                            v.get(WIDTHS), v.get(HEAD), v.get(SCALING),
                            DiffusionTimeEstimation.training(v))),
            CategoricalDTEModel::load);

    public ImageCategoricalDTE {
        if (image == null) {
            throw new IllegalArgumentException("Missing image size");
        }
        STEPS.require(steps);
        BINS.require(bins, STEPS.is(steps));
        LOSS.require(loss);
        widths = List.copyOf(WIDTHS.require(widths));
        HEAD.require(head);
        SCALING.require(scaling);
        if (training == null) {
            throw new IllegalArgumentException("Missing training settings");
        }
    }

    /** The default configuration. */
    public static ImageCategoricalDTE defaults() {
        return METHOD.defaults();
    }

    /** Settings by name, from the defaults: {@code ImageCategoricalDTE.builder().set(WIDTHS, List.of(4, 8)).build()}. */
    public static ParameterTable.Settings<ImageCategoricalDTE> builder() {
        return METHOD.parameters().settings();
    }

    /** Settings by name, from this configuration. */
    public ParameterTable.Settings<ImageCategoricalDTE> toBuilder() {
        return METHOD.parameters().settings(this);
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    @Override
    public Network network(int features) {
        return new TimeBinCnn(imageShape(features), widths, bins, head);
    }

    @Override
    public CategoricalDTEModel fit(Matrix train, Progress progress) {
        TrainingData data = TrainingData.of(train, rows -> scaling == Scaling.PIXEL
                ? ImageScaling.perPixel(rows, imageShape(rows.columns()), PIXEL_SCALE_FLOOR)
                : ImageScaling.fit(rows, imageShape(rows.columns())));
        int features = data.standardized().columns();
        ImageCategoricalDTE resolved = ImageSize.of(imageShape(features)).setIn(toBuilder()).build();
        TrainedNetwork trained = TrainingLoop.train(resolved.network(features),
                CategoricalDTE.objective(steps, bins, loss), data.standardized(), training, StoppingRule.NEVER,
                progress);
        try {
            return CategoricalDTEModel.fitted(resolved, data, trained);
        } catch (RuntimeException | Error e) {
            trained.close();
            throw e;
        }
    }
}
