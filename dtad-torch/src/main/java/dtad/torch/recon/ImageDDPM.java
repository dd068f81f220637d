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
import dtad.torch.Objective;
import dtad.torch.TrainingSettings;
import dtad.torch.image.ImageDetector;
import dtad.torch.image.ImageSize;
import dtad.torch.image.RandomCrops;
import java.util.List;

/**
 * DDPM reconstruction of images: {@link DDPM}'s objective ({@link NoisePrediction}) and a reconstruction
 * error ({@link ReverseChain}; by default the one-step reconstruction from three noise levels,
 * {@link ReconstructionSettings#IMAGES}, where DDPM runs the reverse chain from the row) with a small U-Net denoiser
 * ({@link ImageUNet}) over rows that are flattened images ({@link ImageSize}; scaled per channel,
 * {@link ImageScaling}). Higher = more anomalous.
 *
 * <p>Unlike ImageDiT, no local term by default ({@code local_t=0}; {@link LocalPeak}): its chain costs 25 U-Net
 * passes per image, at the fit (every training image) and at scoring, where a U-Net pass at 28 x 28 costs about
 * 1.7 ms of CPU per image (docs/benchmarks.md): Fashion-MNIST would score at about 16 images per CPU-second instead
 * of 49 (the default's twelve passes). {@code local_t=25} finds small defects as it does for ImageDiT.
 *
 * <p>A method of its own rather than a mode of {@code DDPM}: its network, its hyperparameters and its
 * training defaults (a few epochs at a higher learning rate, as image diffusion models train, instead of
 * the reference's 400 epochs at 1e-4) share nothing with the tabular ResNet, whose table and golden
 * values stay as they are. Any image size works: the U-Net pads to a multiple of {@code 2^(levels-1)}, and
 * images larger than {@code crop} train on random crops ({@link #CROP}), so that a fit's time and memory per
 * image stop growing with the image (scoring, one U-Net pass per start on the whole image, still does).
 *
 * <p><b>Speed</b> (AMD EPYC, 2 cores, shared machine, 2026-12-06; docs/benchmarks.md). A training step at the
 * defaults (64 images of 28 x 28) costs about 180-290 ms of CPU when glibc keeps freed memory for the next step,
 * as the {@code dtad} launcher makes it ({@code MALLOC_MMAP_THRESHOLD_}, {@code MALLOC_TRIM_THRESHOLD_}), against
 * 540-850 ms without at the same load; 20 epochs of one Fashion-MNIST class (6,000 images) would then take about
 * 335 s of CPU on an idle machine. Measured through {@code dtad bench} on the idle machine (docs/fashion-mnist-one-class):
 * class 0 fitted in 574 s (594 s of CPU; AUC-ROC 0.875013, to the last digit as before the glibc
 * settings), class 9 in 412 s; scoring 10,000 test images took 21-23 s (about 450 images/s). Those were one
 * training thread and one noise draw per level; since, the U-Net trains on every core (a step 1.6 times faster on
 * two, {@link ImageUNet#trainsOnAllCores}) and the score averages four draws (four times the scoring passes).
 * At those defaults, all 10 classes one at a time on the otherwise idle machine: fits of 414-681 s (class 2
 * took 681 s, then 558 s for the same computation: the spread is run to run), scoring 79-119 images/s. The spread
 * was glibc's per-thread arenas giving the step's memory back to the kernel: with {@code MALLOC_ARENA_MAX=1}, which
 * the launcher now sets, class 2 fitted in 273 s and class 9 in 268 s (the same weights), scoring 127-138 images/s.
 *
 * @param reconstruction the diffusion and the scoring chain
 * @param image          the image shape (or inferred from the row width)
 * @param base           the channels of the U-Net's first level
 * @param multipliers    each level's channels as a multiple of {@code base}
 * @param timeDim        the width of the sinusoidal time embedding
 * @param crop           the side of the random crops the U-Net trains on when the images are larger (0: whole images)
 * @param training       epochs, batch, optimizer, seed, drop-last
 * @param earlyStop      the reference's early stop ({@link ReferenceStopping})
 */
public record ImageDDPM(ReconstructionSettings reconstruction, ImageSize image, int base, List<Integer> multipliers,
                        int timeDim, int crop, TrainingSettings training, boolean earlyStop)
        implements ReconstructionDetector, ImageDetector {

    /** The default training: 20 epochs of batch 64 (last partial batch dropped), Adam 1e-3, no weight decay. */
    static final TrainingSettings TRAINING = new TrainingSettings(20, 64, 1e-3, 0, 0, true);

    /** {@code base}: the first level's channels. */
    public static final Parameter<ImageDDPM, Integer> BASE = Parameter.of("base", ParameterType.INTEGER, 16,
            Constraint.atLeast(1), "channels of the U-Net's first level", ImageDDPM::base);
    /** {@code multipliers}: one per U-Net level. */
    public static final Parameter<ImageDDPM, List<Integer>> MULTIPLIERS = Parameter.of("multipliers",
            ParameterType.POSITIVE_INTEGERS, List.of(1, 2), Constraint.each(Constraint.atLeast(1)),
            "channels of each U-Net level as multiples of base (one level each)", ImageDDPM::multipliers);
    /** {@code time_dim}: the time embedding's width. */
    public static final Parameter<ImageDDPM, Integer> TIME_DIM = ReconstructionParameters.TIME_DIM.bind(64,
            ImageDDPM::timeDim);

    /**
     * {@code crop}: the U-Net trains on random {@code crop x crop} windows of larger images ({@link RandomCrops}).
     * 64 by default: at most 64 x 64 images train whole as before, and a 224 x 224 step costs what a 64 x 64 one
     * does (whole, its activations at batch 64 exceeded 15 GB). Scoring always sees the whole image. Model files
     * from before it trained on whole images.
     */
    public static final Parameter<ImageDDPM, Integer> CROP = Parameter.of("crop", ParameterType.INTEGER, 64,
            Constraint.atLeast(0).note("0 = whole images"), "train the U-Net on random square crops of this side "
                    + "of larger images (the U-Net sees about 41 pixels around a pixel)", ImageDDPM::crop)
            .inOlderModelFiles(0);

    /** The image networks' score without the local term (see the class comment). */
    static final ReconstructionSettings DEFAULT_SCORE = ReconstructionSettings.IMAGES.withLocalStart(0);

    public static final Method<ImageDDPM> METHOD = new Method<>("ImageDDPM", Family.RECONSTRUCTION,
            "Reconstruction error of a denoising diffusion model with a U-Net over images (one step from noised images)",
            ReconstructionParameters.REFERENCE, ReconstructionParameters.addTraining(
                    ImageSize.addTo(ReconstructionParameters.addImageReconstruction(ParameterTable.<ImageDDPM>builder(), DEFAULT_SCORE),
                                    ImageDDPM::image)
                            .add(BASE).add(MULTIPLIERS).add(TIME_DIM).add(CROP), TRAINING, false, Constraint.none())
                    .build(v -> new ImageDDPM(ReconstructionParameters.imageReconstruction(v), ImageSize.of(v),
                            v.get(BASE), v.get(MULTIPLIERS), v.get(TIME_DIM), v.get(CROP), ReconstructionParameters.training(v),
                            v.get(ReconstructionParameters.EARLY_STOP))),
            ReconstructionModel::load);

    public ImageDDPM {
        ReconstructionParameters.requireCommon(reconstruction, training);
        if (image == null) {
            throw new IllegalArgumentException("Missing image size");
        }
        BASE.require(base);
        multipliers = List.copyOf(MULTIPLIERS.require(multipliers));
        TIME_DIM.require(timeDim);
        CROP.require(crop);
    }

    /** The default configuration. */
    public static ImageDDPM defaults() {
        return METHOD.defaults();
    }

    /** Settings by name, from the defaults: {@code ImageDDPM.builder().set(BASE, 8).build()}. */
    public static ParameterTable.Settings<ImageDDPM> builder() {
        return METHOD.parameters().settings();
    }

    /** Settings by name, from this configuration. */
    public ParameterTable.Settings<ImageDDPM> toBuilder() {
        return METHOD.parameters().settings(this);
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    /** This configuration for images of another size. */
    public ImageDDPM withImage(ImageSize size) {
        return size.setIn(toBuilder()).build();
    }

    @Override
    public TrainingData trainingData(Matrix train) {
        return TrainingData.of(train, rows -> ImageScaling.fit(rows, imageShape(rows.columns())));
    }

    @Override
    public ImageDDPM forFeatures(int features) {
        return withImage(ImageSize.of(imageShape(features)));
    }

    @Override
    public Denoiser denoiser(int features) {
        return new ImageUNet(imageShape(features), base, multipliers, timeDim);
    }

    /** Noise prediction on random crops of images larger than {@code crop}: a U-Net of the crop's shape shares the parameters. */
    @Override
    public Objective.Factory objective(Denoiser denoiser) {
        RandomCrops crops = new RandomCrops(imageShape(denoiser.features()), crop);
        if (!crops.crops()) {
            return ReconstructionDetector.super.objective(denoiser);
        }
        ImageUNet cropped = new ImageUNet(crops.cropShape(), base, multipliers, timeDim);
        return NoisePrediction.of(reconstruction).objective(cropped, crops);
    }
}
