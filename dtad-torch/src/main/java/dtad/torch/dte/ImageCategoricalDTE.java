package dtad.torch.dte;

import dtad.data.Matrix;
import dtad.detect.Progress;
import dtad.detect.TrainingData;
import dtad.image.ImageScaling;
import dtad.method.Family;
import dtad.method.Method;
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

    public static final Method<ImageCategoricalDTE> METHOD = new Method<>("ImageDTE-C", Family.DIFFUSION_TIME,
            "Diffusion time estimation on images: a CNN classifies the binned diffusion time (score: expected bin)",
            DiffusionTimeEstimation.REFERENCE, NetworkParameters.addTraining(
                    ImageSize.addTo(ParameterTable.<ImageCategoricalDTE>builder(), ImageCategoricalDTE::image)
                            .add("steps", ParameterType.INTEGER, DiffusionTimeEstimation.STEPS, ">= 2",
                                    "diffusion steps T", ImageCategoricalDTE::steps)
                            .add("bins", ParameterType.INTEGER, 7, "2..steps", "number of diffusion time bins",
                                    ImageCategoricalDTE::bins)
                            .add("loss", ParameterType.choice(CategoricalDTE.Loss.class), CategoricalDTE.Loss.STANDARD,
                                    "standard|reference", "as DTE-C's loss", ImageCategoricalDTE::loss)
                            .add("widths", ParameterType.POSITIVE_INTEGERS, List.of(8, 16, 32), "each >= 1",
                                    "CNN widths: one stride-1 convolution, then a stride-2 one per further width",
                                    ImageCategoricalDTE::widths), TRAINING, ImageCategoricalDTE::training)
                    .build(v -> new ImageCategoricalDTE(ImageSize.of(v), v.integer("steps"), v.integer("bins"),
                            v.choice("loss", CategoricalDTE.Loss.class), v.integers("widths"),
                            NetworkParameters.training(v))),
            CategoricalDTEModel::load);

    public ImageCategoricalDTE {
        if (image == null) {
            throw new IllegalArgumentException("Missing image size");
        }
        DiffusionTimeEstimation.requireSteps(steps);
        if (bins < 2 || bins > steps) {
            throw new IllegalArgumentException("Invalid number of bins: " + bins + " (must be in 2.." + steps + ")");
        }
        if (loss == null) {
            throw new IllegalArgumentException("Missing loss");
        }
        widths = DiffusionTimeEstimation.requireNetwork(widths, 0, training);
    }

    /** The default configuration. */
    public static ImageCategoricalDTE defaults() {
        return METHOD.defaults();
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
        ImageCategoricalDTE resolved = new ImageCategoricalDTE(ImageSize.of(imageShape(features)), steps, bins, loss,
                widths, training);
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
