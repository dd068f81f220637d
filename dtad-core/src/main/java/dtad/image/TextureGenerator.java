package dtad.image;

import dtad.InputException;
import dtad.data.Matrix;
import dtad.io.Leftovers;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generates MVTec-AD-like image data offline: one texture category (woven fabric, grid, gradient) whose
 * normal images vary by a per-image jitter but share their statistics, and defective test images with
 * exact binary masks (scratch, blob, hole, stain) drawn from the same geometry as the defect.
 *
 * <p>Reproducible: the seed makes one stream for the category's style, then one {@link SplittableRandom}
 * stream per image, split off in a fixed order before the images are rendered in parallel, so the
 * images do not depend on threads (and {@link StrictMath} keeps them the same on every machine). Each image's texture and defect come from two further splits, so a
 * defect never changes the texture under it: a defective image equals its defect-free texture outside
 * its mask. Pixel values are multiples of 1/255, so the images in memory are exactly what the PNG files
 * hold.
 *
 * <p>{@link #generate} returns the data in memory, in the order and form {@link MvtecReader} reads it;
 * {@link #write} writes the MVTec-AD layout ({@code train/good/}, {@code test/good/},
 * {@code test/<defect>/}, {@code ground_truth/<defect>/<name>_mask.png}, white = defect).
 */
public final class TextureGenerator {
    /** The largest side accepted, to keep a generated set within memory. */
    public static final int MAX_SIZE = 1024;
    /** The smallest side at which the defects keep their shape. */
    public static final int MIN_SIZE = 16;

    private TextureGenerator() {
    }

    /** The kind of texture of a category. */
    public enum Texture {
        /** Value noise under a sinusoidal weave of warp and weft threads. */
        FABRIC,
        /** Regular mesh of lines on a plain background. */
        GRID,
        /** Smooth linear gradient with fine pixel noise. */
        GRADIENT;

        /** The name in lower case, as a category name or option value. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A synthetic defect; {@link #id()} is its folder name. */
    public enum Defect {
        /** A thin random polyline, brighter or darker than the texture. */
        SCRATCH,
        /** A dark or bright filled ellipse. */
        BLOB,
        /** A disc of dark background showing through, with a frayed light rim. */
        HOLE,
        /** A tinted region (intensity stain in gray), strongest in its centre. */
        STAIN;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What to generate.
     *
     * @param texture   the category's texture
     * @param size      height and width in pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}
     * @param channels  1 (gray) or 3 (RGB)
     * @param trainGood normal training images (at least 1)
     * @param testGood  normal test images (at least 1)
     * @param perDefect test images per defect (at least 1)
     * @param defects   the defects, at least one, no repeats
     * @param seed      the seed of everything random
     */
    public record Options(Texture texture, int size, int channels, int trainGood, int testGood, int perDefect,
                          List<Defect> defects, long seed) {
        public Options {
            if (texture == null) {
                throw new IllegalArgumentException("No texture given");
            }
            if (size < MIN_SIZE || size > MAX_SIZE) {
                throw new IllegalArgumentException("Invalid image size: " + size + " (" + MIN_SIZE + " to "
                        + MAX_SIZE + " pixels)");
            }
            if (channels != 1 && channels != 3) {
                throw new IllegalArgumentException("Invalid channel count: " + channels + " (1 for gray, 3 for RGB)");
            }
            if (trainGood < 1 || testGood < 1 || perDefect < 1) {
                throw new IllegalArgumentException("Invalid image counts: " + trainGood + " training, " + testGood
                        + " good test, " + perDefect + " per defect (each at least 1)");
            }
            if (defects == null || defects.isEmpty() || defects.stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalArgumentException("Give at least one defect (" + List.of(Defect.values()) + ")");
            }
            if (EnumSet.copyOf(defects).size() != defects.size()) {
                throw new IllegalArgumentException("Repeated defect in " + defects);
            }
            defects = List.copyOf(defects);
        }

        /**
         * A small benchmark: fabric, 64 x 64 RGB, 200 training images, 50 good test images and 25 per
         * defect for all four defects (150 test images), seed 0.
         */
        public static Options defaults() {
            return new Options(Texture.FABRIC, 64, 3, 200, 50, 25, List.of(Defect.values()), 0);
        }

        public Options withTexture(Texture newTexture) {
            return new Options(newTexture, size, channels, trainGood, testGood, perDefect, defects, seed);
        }

        public Options withSize(int newSize) {
            return new Options(texture, newSize, channels, trainGood, testGood, perDefect, defects, seed);
        }

        public Options withChannels(int newChannels) {
            return new Options(texture, size, newChannels, trainGood, testGood, perDefect, defects, seed);
        }

        public Options withCounts(int newTrainGood, int newTestGood, int newPerDefect) {
            return new Options(texture, size, channels, newTrainGood, newTestGood, newPerDefect, defects, seed);
        }

        public Options withDefects(List<Defect> newDefects) {
            return new Options(texture, size, channels, trainGood, testGood, perDefect, newDefects, seed);
        }

        public Options withSeed(long newSeed) {
            return new Options(texture, size, channels, trainGood, testGood, perDefect, defects, newSeed);
        }

        /** The shape of every image. */
        public ImageShape shape() {
            return new ImageShape(channels, size, size);
        }
    }

    /**
     * The category in memory, as {@link MvtecReader#read} would read it from the files {@link #write} makes:
     * test images ordered by class folder name, then by file; classes are the folder names; masks 0/1.
     */
    public static MvtecReader.Category generate(Options options) {
        return generate(options, true);
    }

    /** As {@link #generate(Options)}; without {@code drawDefects} the images stay defect-free, the masks do not. */
    static MvtecReader.Category generate(Options options, boolean drawDefects) {
        ImageShape shape = options.shape();
        SplittableRandom root = new SplittableRandom(options.seed());
        Style style = Style.of(options, root.split());
        int defects = options.defects().size();
        int total = options.trainGood() + options.testGood() + defects * options.perDefect();
        // Streams are split off in this fixed order: training images, good test images, then each defect's images.
        SplittableRandom[] streams = new SplittableRandom[total];
        for (int i = 0; i < total; i++) {
            streams[i] = root.split();
        }
        Defect[] defectOf = new Defect[total];
        for (int d = 0; d < defects; d++) {
            int first = options.trainGood() + options.testGood() + d * options.perDefect();
            for (int i = 0; i < options.perDefect(); i++) {
                defectOf[first + i] = options.defects().get(d);
            }
        }
        int plane = shape.height() * shape.width();
        double[][] images = new double[total][];
        double[][] masks = new double[total][];
        IntStream.range(0, total).parallel().forEach(i -> {
            SplittableRandom textureRandom = streams[i].split();
            SplittableRandom defectRandom = streams[i].split();
            double[] image = style.render(textureRandom);
            double[] mask = new double[plane];
            if (defectOf[i] != null) {
                Defects.apply(defectOf[i], drawDefects ? image : image.clone(), mask, shape, style, defectRandom);
            }
            quantize(image);
            images[i] = image;
            masks[i] = mask;
        });

        String name = options.texture().id();
        ImageSet train = new ImageSet(name, shape, stack(images, 0, options.trainGood(), shape.values()),
                new int[options.trainGood()], null, null, null, null);
        List<String> classNames = new ArrayList<>();
        classNames.add(MvtecReader.GOOD);
        options.defects().forEach(d -> classNames.add(d.id()));
        classNames.sort(Comparator.naturalOrder());
        int tests = total - options.trainGood();
        int[] order = new int[tests];
        int[] classes = new int[tests];
        int[] labels = new int[tests];
        int next = 0;
        for (int c = 0; c < classNames.size(); c++) {
            String className = classNames.get(c);
            int first = className.equals(MvtecReader.GOOD) ? options.trainGood()
                    : options.trainGood() + options.testGood()
                            + options.defects().indexOf(Defect.valueOf(className.toUpperCase(Locale.ROOT)))
                            * options.perDefect();
            int count = className.equals(MvtecReader.GOOD) ? options.testGood() : options.perDefect();
            for (int i = 0; i < count; i++, next++) {
                order[next] = first + i;
                classes[next] = c;
                labels[next] = className.equals(MvtecReader.GOOD) ? 0 : 1;
            }
        }
        double[][] testImages = new double[tests][];
        double[][] testMasks = new double[tests][];
        for (int i = 0; i < tests; i++) {
            testImages[i] = images[order[i]];
            testMasks[i] = masks[order[i]];
        }
        ImageSet test = new ImageSet(name, shape, stack(testImages, 0, tests, shape.values()), labels, classes,
                classNames, null, null);
        return new MvtecReader.Category(new ImageSplit(train, test), stack(testMasks, 0, tests, plane),
                new ImageShape(1, shape.height(), shape.width()));
    }

    /**
     * Writes the category into the new folder {@code dir} (the category folder, as {@link MvtecReader#read}
     * takes it) and returns it as {@link #generate} does. The files are written into a hidden temporary folder
     * beside {@code dir} and moved into place at the end, so an interrupted run leaves no half-written
     * category. An existing non-empty {@code dir} is refused unless {@code replace}.
     */
    public static MvtecReader.Category write(Path dir, Options options, boolean replace) throws IOException {
        Path target = dir.toAbsolutePath();
        boolean exists = Files.exists(target);
        if (exists && !Files.isDirectory(target)) {
            throw new InputException(dir + ": is a file; give a new folder for the generated images");
        }
        if (exists && !replace && !isEmpty(target)) {
            throw new InputException(dir + ": folder exists and is not empty; choose a new folder or ask to replace it");
        }
        MvtecReader.Category category = generate(options);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            ImageSet train = category.split().train();
            ImageSet test = category.split().test();
            for (int i = 0; i < train.size(); i++) {
                PngWriter.write(temporary.resolve("train/good/" + fileName(i, train.size())), train, i, false);
            }
            int[] perClass = new int[test.classNames().size()];
            int[] classSize = new int[perClass.length];
            for (int c : test.classes()) {
                classSize[c]++;
            }
            for (int i = 0; i < test.size(); i++) {
                int c = test.classes()[i];
                String className = test.classNames().get(c);
                String file = fileName(perClass[c]++, classSize[c]);
                PngWriter.write(temporary.resolve("test/" + className + "/" + file), test, i, false);
                if (!className.equals(MvtecReader.GOOD)) {
                    String stem = file.substring(0, file.length() - ".png".length());
                    PngWriter.write(temporary.resolve("ground_truth/" + className + "/" + stem + "_mask.png"),
                            category.maskShape(), category.masks().values(), category.masks().offset(i), false);
                }
            }
            if (exists) {
                Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old.");
                Files.delete(old);
                Files.move(target, old);
                Files.move(temporary, target);
                Leftovers.deleteRecursively(old);
            } else {
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target);
                }
            }
        } finally {
            Leftovers.deleteRecursively(temporary);
        }
        return category;
    }

    /** {@code 000.png}, {@code 001.png}, ...: at least three digits, more when the folder holds more images. */
    private static String fileName(int index, int count) {
        int digits = Math.max(3, String.valueOf(count - 1).length());
        return String.format(Locale.ROOT, "%0" + digits + "d.png", index);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Rounds every value to the nearest multiple of 1/255 in [0, 1], the values an 8-bit PNG holds. */
    private static void quantize(double[] image) {
        for (int i = 0; i < image.length; i++) {
            image[i] = Math.round(255 * Math.max(0, Math.min(1, image[i]))) / 255.0;
        }
    }

    private static Matrix stack(double[][] rows, int from, int count, int columns) {
        double[] values = new double[Math.multiplyExact(count, columns)];
        for (int i = 0; i < count; i++) {
            System.arraycopy(rows[from + i], 0, values, i * columns, columns);
        }
        return Matrix.wrap(count, columns, values);
    }

    /**
     * What the images of a category share: the texture, the colours its intensity pattern runs between
     * ({@code dark} at 0, {@code light} at 1, one value per channel) and the pattern's period.
     */
    record Style(Texture texture, ImageShape shape, double[] dark, double[] light, double period) {

        static Style of(Options options, SplittableRandom random) {
            int channels = options.channels();
            double[] dark = new double[channels];
            double[] light = new double[channels];
            if (channels == 1) {
                dark[0] = 0.2 + 0.1 * random.nextDouble();
                light[0] = 0.7 + 0.15 * random.nextDouble();
            } else {
                float hue = (float) random.nextDouble();
                rgb(Color.HSBtoRGB(hue, 0.55f, 0.35f), dark);
                rgb(Color.HSBtoRGB(hue, 0.3f, 0.85f), light);
            }
            double period = options.size() / (8.0 + 6 * random.nextDouble());
            return new Style(options.texture(), options.shape(), dark, light, Math.max(4, period));
        }

        private static void rgb(int packed, double[] out) {
            out[0] = ((packed >> 16) & 0xFF) / 255.0;
            out[1] = ((packed >> 8) & 0xFF) / 255.0;
            out[2] = (packed & 0xFF) / 255.0;
        }

        /** One defect-free image of this style, its jitter drawn from {@code random}. */
        double[] render(SplittableRandom random) {
            int h = shape.height();
            int w = shape.width();
            double[] t = switch (texture) {
                case FABRIC -> fabric(random, h, w);
                case GRID -> grid(random, h, w);
                case GRADIENT -> gradient(random, h, w);
            };
            double brightness = 0.06 * (random.nextDouble() - 0.5);
            double[] image = new double[shape.values()];
            for (int c = 0; c < shape.channels(); c++) {
                for (int p = 0; p < t.length; p++) {
                    double v = Math.max(0, Math.min(1, t[p] + brightness));
                    image[c * t.length + p] = dark[c] + (light[c] - dark[c]) * v;
                }
            }
            return image;
        }

        private double[] fabric(SplittableRandom random, int h, int w) {
            ValueNoise coarse = new ValueNoise(random, h, w, Math.max(3, h / 5.0));
            ValueNoise fine = new ValueNoise(random, h, w, Math.max(2, h / 14.0));
            double phaseX = random.nextDouble() * period;
            double phaseY = random.nextDouble() * period;
            double[] t = new double[h * w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double weave = StrictMath.sin(2 * Math.PI * (x + phaseX) / period)
                            * StrictMath.sin(2 * Math.PI * (y + phaseY) / period);
                    double noise = 0.65 * coarse.at(y, x) + 0.35 * fine.at(y, x);
                    t[y * w + x] = 0.45 * noise + 0.5 * (0.5 + 0.5 * weave) + 0.05;
                }
            }
            return t;
        }

        private double[] grid(SplittableRandom random, int h, int w) {
            double phaseX = random.nextDouble() * period;
            double phaseY = random.nextDouble() * period;
            double halfWidth = Math.max(0.75, period / 8);
            double[] t = new double[h * w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double line = Math.max(lineStrength(x + phaseX, halfWidth), lineStrength(y + phaseY, halfWidth));
                    t[y * w + x] = 0.2 + 0.65 * line + 0.04 * random.nextDouble();
                }
            }
            return t;
        }

        /** 1 on a line of the mesh, falling to 0 within one pixel beside it. */
        private double lineStrength(double position, double halfWidth) {
            double offset = position % period;
            double distance = Math.min(offset, period - offset);
            return Math.max(0, Math.min(1, halfWidth + 0.5 - distance));
        }

        private double[] gradient(SplittableRandom random, int h, int w) {
            double angle = 2 * Math.PI * random.nextDouble();
            double cos = StrictMath.cos(angle);
            double sin = StrictMath.sin(angle);
            double scale = 1.0 / Math.max(h, w);
            double[] t = new double[h * w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double u = ((x - w / 2.0) * cos + (y - h / 2.0) * sin) * scale;
                    t[y * w + x] = 0.5 + 0.6 * u + 0.04 * random.nextGaussian();
                }
            }
            return t;
        }
    }

    /** Smoothly interpolated random values on a lattice of the given cell size, in [0, 1]. */
    private static final class ValueNoise {
        private final double[] lattice;
        private final int columns;
        private final double cell;

        ValueNoise(SplittableRandom random, int h, int w, double cell) {
            this.cell = cell;
            int rows = (int) Math.ceil(h / cell) + 2;
            columns = (int) Math.ceil(w / cell) + 2;
            lattice = new double[rows * columns];
            for (int i = 0; i < lattice.length; i++) {
                lattice[i] = random.nextDouble();
            }
        }

        double at(int y, int x) {
            double fy = y / cell;
            double fx = x / cell;
            int iy = (int) fy;
            int ix = (int) fx;
            double sy = smooth(fy - iy);
            double sx = smooth(fx - ix);
            double top = lattice[iy * columns + ix] * (1 - sx) + lattice[iy * columns + ix + 1] * sx;
            double bottom = lattice[(iy + 1) * columns + ix] * (1 - sx) + lattice[(iy + 1) * columns + ix + 1] * sx;
            return top * (1 - sy) + bottom * sy;
        }

        private static double smooth(double f) {
            return f * f * (3 - 2 * f);
        }
    }

    /**
     * Draws the defects. Each one gives every pixel a weight {@code a} in [0, 1] and a target colour; the pixel
     * becomes {@code (1 - a) v + a target}. The mask is exactly the pixels of positive weight, and the weights
     * are at least 0.3 there, so every masked pixel visibly changes and no other pixel changes at all.
     */
    static final class Defects {
        /** The light gray of a hole's frayed rim. */
        private static final double HOLE_RIM = 0.85;

        private Defects() {
        }

        static void apply(Defect defect, double[] image, double[] mask, ImageShape shape, Style style,
                          SplittableRandom random) {
            int s = shape.height();
            int w = shape.width();
            int channels = shape.channels();
            int plane = s * w;
            double[] weight = new double[plane];
            double[] target = new double[channels];
            switch (defect) {
                case SCRATCH -> scratch(weight, s, w, random, target);
                case BLOB -> blob(weight, s, w, random, target);
                case HOLE -> hole(weight, s, w, random, target);
                case STAIN -> stain(weight, s, w, random, target, style);
            }
            for (int p = 0; p < plane; p++) {
                double a = weight[p];
                if (a <= 0) {
                    continue;
                }
                mask[p] = 1;
                // The hole's rim (weight below 1) is frayed, light material; its inside shows the dark background.
                boolean onRim = defect == Defect.HOLE && a < 1;
                for (int c = 0; c < channels; c++) {
                    int i = c * plane + p;
                    image[i] = (1 - a) * image[i] + a * (onRim ? HOLE_RIM : target[c]);
                }
            }
        }

        private static void fill(double[] target, double value) {
            java.util.Arrays.fill(target, value);
        }

        private static void scratch(double[] weight, int h, int w, SplittableRandom random, double[] target) {
            fill(target, random.nextBoolean() ? 0.95 : 0.05);
            double halfWidth = Math.max(0.6, h / 110.0);
            int segments = 3 + random.nextInt(3);
            double x = w * (0.25 + 0.5 * random.nextDouble());
            double y = h * (0.25 + 0.5 * random.nextDouble());
            double direction = 2 * Math.PI * random.nextDouble();
            for (int k = 0; k < segments; k++) {
                double length = h * (0.08 + 0.1 * random.nextDouble());
                direction += 1.2 * (random.nextDouble() - 0.5);
                double nx = clamp(x + length * StrictMath.cos(direction), 1, w - 2);
                double ny = clamp(y + length * StrictMath.sin(direction), 1, h - 2);
                for (int py = 0; py < h; py++) {
                    for (int px = 0; px < w; px++) {
                        if (distanceToSegment(px, py, x, y, nx, ny) <= halfWidth) {
                            weight[py * w + px] = 0.7;
                        }
                    }
                }
                x = nx;
                y = ny;
            }
        }

        private static void blob(double[] weight, int h, int w, SplittableRandom random, double[] target) {
            fill(target, random.nextBoolean() ? 0.9 : 0.08);
            Ellipse e = Ellipse.random(h, w, 0.05, 0.11, random);
            for (int p = 0; p < h * w; p++) {
                if (e.radius(p / w, p % w) <= 1) {
                    weight[p] = 0.6;
                }
            }
        }

        private static void hole(double[] weight, int h, int w, SplittableRandom random, double[] target) {
            fill(target, 0.02);
            double r = h * (0.04 + 0.05 * random.nextDouble());
            double rim = Math.max(1, 0.3 * r);
            double cx = w * (0.25 + 0.5 * random.nextDouble());
            double cy = h * (0.25 + 0.5 * random.nextDouble());
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d = Math.hypot(x - cx, y - cy);
                    if (d <= r) {
                        weight[y * w + x] = 1;
                    } else if (d <= r + rim) {
                        weight[y * w + x] = 0.7;
                    }
                }
            }
        }

        private static void stain(double[] weight, int h, int w, SplittableRandom random, double[] target,
                                  Style style) {
            if (target.length == 3) {
                float hue = (float) random.nextDouble();
                int packed = Color.HSBtoRGB(hue, 0.8f, 0.6f);
                target[0] = ((packed >> 16) & 0xFF) / 255.0;
                target[1] = ((packed >> 8) & 0xFF) / 255.0;
                target[2] = (packed & 0xFF) / 255.0;
            } else {
                target[0] = style.dark()[0] < 0.5 && random.nextBoolean() ? 1.0 : 0.0;
            }
            Ellipse e = Ellipse.random(h, w, 0.08, 0.16, random);
            for (int p = 0; p < h * w; p++) {
                double q = e.radius(p / w, p % w);
                if (q <= 1) {
                    // Strongest in the centre, still clearly visible at the edge.
                    weight[p] = 0.3 + 0.25 * (1 - q * q);
                }
            }
        }

        private static double clamp(double v, double low, double high) {
            return Math.max(low, Math.min(high, v));
        }

        private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
            double dx = bx - ax;
            double dy = by - ay;
            double length2 = dx * dx + dy * dy;
            double t = length2 == 0 ? 0 : clamp(((px - ax) * dx + (py - ay) * dy) / length2, 0, 1);
            return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
        }
    }

    /** A rotated ellipse inside the middle half of the image; {@link #radius} is at most 1 inside it. */
    private record Ellipse(double cx, double cy, double rx, double ry, double cos, double sin) {
        static Ellipse random(int h, int w, double minRadius, double maxRadius, SplittableRandom random) {
            double rx = h * (minRadius + (maxRadius - minRadius) * random.nextDouble());
            double ry = h * (minRadius + (maxRadius - minRadius) * random.nextDouble());
            double angle = Math.PI * random.nextDouble();
            return new Ellipse(w * (0.25 + 0.5 * random.nextDouble()), h * (0.25 + 0.5 * random.nextDouble()),
                    Math.max(1.5, rx), Math.max(1.5, ry), StrictMath.cos(angle), StrictMath.sin(angle));
        }

        double radius(int y, int x) {
            double dx = x - cx;
            double dy = y - cy;
            double u = (dx * cos + dy * sin) / rx;
            double v = (-dx * sin + dy * cos) / ry;
            return Math.sqrt(u * u + v * v);
        }
    }
}
