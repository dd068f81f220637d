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
 * per channel, {@link ImageScaling}). Higher = more anomalous.
 *
 * @param image    the image shape (or inferred from the row width)
 * @param steps    diffusion steps T
 * @param bins     number of time bins, 2..T
 * @param loss     the cross-entropy, see {@link CategoricalDTE.Loss}
 * @param widths   the CNN's widths: a stride-1 convolution, then one stride-2 convolution per further width
 * @param training epochs, batch, learning rate, weight decay and seed
 */
public record ImageCategoricalDTE(ImageSize image, int steps, int bins, CategoricalDTE.Loss loss,
                                  List<Integer> widths, TrainingSettings training)
        implements TimeBinClassifier, ImageDetector {
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

    public static final Method<ImageCategoricalDTE> METHOD = new Method<>("ImageDTE-C", Family.DIFFUSION_TIME,
            "Diffusion time estimation on images: a CNN classifies the binned diffusion time (score: expected bin)",
            DiffusionTimeEstimation.REFERENCE, NetworkParameters.addTraining(
                    ImageSize.addTo(ParameterTable.<ImageCategoricalDTE>builder(), ImageCategoricalDTE::image)
                            .add(STEPS).add(BINS).add(LOSS).add(WIDTHS), TRAINING, ImageCategoricalDTE::training)
                    .build(v -> new ImageCategoricalDTE(ImageSize.of(v), v.get(STEPS), v.get(BINS), v.get(LOSS),
                            v.get(WIDTHS), NetworkParameters.training(v))),
            CategoricalDTEModel::load);

    public ImageCategoricalDTE {
        if (image == null) {
            throw new IllegalArgumentException("Missing image size");
        }
        STEPS.require(steps);
        BINS.require(bins, STEPS.is(steps));
        LOSS.require(loss);
        widths = List.copyOf(WIDTHS.require(widths));
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
        return new TimeBinCnn(imageShape(features), widths, bins);
    }

    @Override
    public CategoricalDTEModel fit(Matrix train, Progress progress) {
        TrainingData data = TrainingData.of(train, rows -> ImageScaling.fit(rows, imageShape(rows.columns())));
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
