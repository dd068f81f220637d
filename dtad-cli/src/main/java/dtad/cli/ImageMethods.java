package dtad.cli;

import dtad.bench.runner.MethodSpec;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.image.ImageShape;
import dtad.method.Method;
import dtad.method.Methods;
import dtad.method.ParameterKey;
import dtad.torch.image.ImageDetector;
import dtad.torch.image.ImageSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The methods used on images: DDPM, DiT and DTE-C become their image networks (ImageDDPM, ImageDiT,
 * ImageDTE-C) configured with the images' shape; every other method is fitted on the flattened pixels, and
 * the model then records the shape in its feature names ({@link PixelNames}).
 */
final class ImageMethods {
    /** A tabular method name and the image network that replaces it on images, with a few words on what it is. */
    private record ImageNetwork(String tabular, String image, String what) {
    }

    private static final List<ImageNetwork> NETWORKS = List.of(
            new ImageNetwork("DDPM", "ImageDDPM", "DDPM with a U-Net"),
            new ImageNetwork("DiT", "ImageDiT", "DiT over 2-D patches"),
            new ImageNetwork("DTE-C", "ImageDTE-C", "DTE-C with a convolutional classifier"));

    private static final List<ParameterKey<Integer>> SHAPE_KEYS = List.of(ImageSize.CHANNELS, ImageSize.HEIGHT,
            ImageSize.WIDTH);

    private ImageMethods() {
    }

    /** A detector chosen for images of {@code shape}, and the line that tells the user which. */
    record Choice(Method<?> method, Detector<?> detector, String message) {
    }

    /**
     * The detector for {@code methodName} on {@code count} images of {@code shape}, with the user's
     * {@code parameters} (which may not set the image shape: the images do).
     */
    static Choice choose(String methodName, Map<String, String> parameters, int count, ImageShape shape) {
        Optional<ImageNetwork> network = network(methodName);
        Method<?> method = Methods.find(network.map(ImageNetwork::image).orElse(methodName));
        if (!(method.defaults() instanceof ImageDetector)) {
            Detector<?> detector = method.configure(parameters);
            return new Choice(method, detector, String.format(Locale.ROOT,
                    "Images: fitting %s on the flattened pixels of %d images of %s (%d values each)",
                    method.name(), count, shape, shape.values()));
        }
        for (ParameterKey<Integer> key : SHAPE_KEYS) {
            if (parameters.containsKey(key.name())) {
                throw new IllegalArgumentException(method.name() + ": the images set the parameter '" + key
                        + "'; convert them with --size and --channels instead");
            }
        }
        Map<String, String> withShape = withShapeTexts(parameters, shape);
        String what = network.map(n -> " (" + n.what() + ")").orElse("");
        return new Choice(method, method.configure(withShape), String.format(Locale.ROOT,
                "Images: using %s%s for %d images of %s", method.name(), what, count, shape));
    }

    /** The image shape a fitted model expects, if it was fitted on images. */
    static Optional<ImageShape> shapeOf(DetectorModel model) {
        if (model.detector() instanceof ImageDetector image && !image.image().inferred()) {
            ImageSize size = image.image();
            return Optional.of(new ImageShape(size.channels(), size.height(), size.width()));
        }
        return PixelNames.shapeOf(model.trainingInfo().featureNames());
    }

    private static Optional<ImageNetwork> network(String methodName) {
        return NETWORKS.stream().filter(n -> n.tabular().equalsIgnoreCase(methodName)).findFirst();
    }

    /** The method names for images: DDPM, DiT and DTE-C become their image networks, others stay. */
    static List<String> imageNames(List<String> methodNames) {
        List<String> names = new ArrayList<>();
        for (String name : methodNames) {
            names.add(network(name.strip()).map(ImageNetwork::image).orElse(name));
        }
        return names;
    }

    /** Benchmark parameters {@code METHOD.key=value} with DDPM, DiT and DTE-C renamed to their image networks. */
    static List<String> imageParameters(List<String> parameters) {
        List<String> out = new ArrayList<>();
        for (String parameter : parameters) {
            int dot = parameter.indexOf('.');
            Optional<ImageNetwork> network = dot < 0 ? Optional.empty() : network(parameter.substring(0, dot));
            out.add(network.map(n -> n.image() + parameter.substring(dot)).orElse(parameter));
        }
        return out;
    }

    /** The specs with the image networks configured for images of {@code shape}. */
    static List<MethodSpec> withShape(List<MethodSpec> specs, ImageShape shape) {
        List<MethodSpec> out = new ArrayList<>();
        for (MethodSpec spec : specs) {
            if (!(spec.method().defaults() instanceof ImageDetector)) {
                out.add(spec);
                continue;
            }
            out.add(new MethodSpec(spec.method(), withShapeTexts(spec.params(), shape), spec.quick()));
        }
        return out;
    }

    /** The parameter texts with the image size keys set to {@code shape}. */
    private static Map<String, String> withShapeTexts(Map<String, String> parameters, ImageShape shape) {
        Map<String, String> out = new LinkedHashMap<>(parameters);
        out.put(ImageSize.CHANNELS.name(), Integer.toString(shape.channels()));
        out.put(ImageSize.HEIGHT.name(), Integer.toString(shape.height()));
        out.put(ImageSize.WIDTH.name(), Integer.toString(shape.width()));
        return out;
    }
}
