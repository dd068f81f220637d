package dtad.metrics;

import dtad.data.Matrix;
import java.util.Arrays;

/**
 * Pixel-level quality of anomaly maps against ground-truth masks, the MVTec-AD pair (Bergmann et al.,
 * "The MVTec Anomaly Detection Dataset", IJCV 2021): the pixel AUC-ROC over all pixels of all test images,
 * and the PRO (per-region overlap) curve's area up to a false-positive rate of 0.3, normalised to [0, 1].
 *
 * <p>Collect the images one at a time with {@link #add}, so the caller never has to hold every map at once.
 * A mask pixel of at least 0.5 is a defect (resized masks hold fractions at the edges). The defect regions
 * are the 8-connected components of each image's mask, as in MVTec's evaluation code.
 *
 * <p>Memory: each pixel is kept once, its score as a float32 (exact sorts of primitive arrays, no histogram
 * binning): a normal pixel takes 4 bytes, a defect pixel 8 (score and region); 500 images of 224 x 224
 * (25 million pixels) take about 110 MB. Scores are therefore ranked as float32, the precision of the
 * {@code .npy} maps dtad writes; scores that differ only beyond float32 precision count as tied.
 *
 * <p>Not thread-safe; the results do not depend on the order in which images are added.
 */
public final class PixelScores {
    /** The false-positive rate up to which MVTec-AD integrates the PRO curve. */
    public static final double MVTEC_MAX_FPR = 0.3;

    private float[] normal = new float[1024];
    private int normals;
    /** Per defect pixel: its float score made sortable as an int, in the high half; its region in the low half. */
    private long[] defect = new long[256];
    private int defects;
    private int[] regionSizes = new int[16];
    private int regions;
    private int images;

    /** The pixel scores of many images at once: row {@code i} of {@code maps} against row {@code i} of {@code masks}. */
    public static PixelScores of(Matrix maps, Matrix masks, int height, int width) {
        if (maps.rows() != masks.rows()) {
            throw new IllegalArgumentException(maps.rows() + " anomaly maps for " + masks.rows() + " masks");
        }
        if (maps.columns() != (long) height * width || masks.columns() != maps.columns()) {
            throw new IllegalArgumentException("Maps of " + maps.columns() + " and masks of " + masks.columns()
                    + " values for images of " + height + " x " + width + " pixels");
        }
        PixelScores scores = new PixelScores();
        for (int i = 0; i < maps.rows(); i++) {
            scores.add(maps.values(), maps.offset(i), masks.values(), masks.offset(i), height, width);
        }
        return scores;
    }

    /**
     * Adds one image: its map ({@code height x width} scores, higher = more anomalous, row by row from
     * {@code map[mapOffset]}) and its mask (same layout from {@code mask[maskOffset]}).
     *
     * @throws IllegalArgumentException for a NaN score, naming the image (counting from 0), row and column
     */
    public void add(double[] map, int mapOffset, double[] mask, int maskOffset, int height, int width) {
        int plane = Math.multiplyExact(height, width);
        if (mapOffset + plane > map.length || maskOffset + plane > mask.length) {
            throw new IllegalArgumentException("Image " + images + ": map or mask shorter than " + height + " x "
                    + width);
        }
        for (int p = 0; p < plane; p++) {
            if (Double.isNaN(map[mapOffset + p])) {
                throw new IllegalArgumentException("Anomaly map of image " + images + ": NaN at row " + p / width
                        + ", column " + p % width);
            }
        }
        int[] region = label(mask, maskOffset, height, width);
        for (int p = 0; p < plane; p++) {
            // + 0.0f: -0.0 and 0.0 are one score.
            float score = (float) map[mapOffset + p] + 0.0f;
            if (region[p] < 0) {
                if (normals == normal.length) {
                    normal = Arrays.copyOf(normal, grown(normal.length));
                }
                normal[normals++] = score;
            } else {
                if (defects == defect.length) {
                    defect = Arrays.copyOf(defect, grown(defect.length));
                }
                defect[defects++] = ((long) sortable(score) << 32) | region[p];
            }
        }
        images++;
    }

    /** The number of images added. */
    public int images() {
        return images;
    }

    /** The number of defect regions found in the masks. */
    public int regions() {
        return regions;
    }

    /**
     * The pixel-level AUC-ROC: {@link RankingMetrics#aucRoc} over every pixel of every image, a defect pixel
     * as an anomaly, ties counting one half.
     *
     * @throws IllegalArgumentException without defect pixels or without normal pixels
     */
    public double aucRoc() {
        requireBothClasses("Pixel AUC-ROC");
        sort();
        float[] normalSorted = normal;
        int normalCount = normals;
        long[] defectSorted = defect;
        int defectCount = defects;
        return RankingMetrics.mannWhitney(new RankingMetrics.SortedScores() {
            @Override
            public int size() {
                return defectCount;
            }

            @Override
            public double get(int i) {
                return score(defectSorted[i]);
            }
        }, new RankingMetrics.SortedScores() {
            @Override
            public int size() {
                return normalCount;
            }

            @Override
            public double get(int i) {
                return normalSorted[i];
            }
        });
    }

    /** The PRO score up to MVTec-AD's false-positive rate, {@value #MVTEC_MAX_FPR}. */
    public double pro() {
        return pro(MVTEC_MAX_FPR);
    }

    /**
     * The normalised area under the PRO curve up to the false-positive rate {@code maxFpr}. For each
     * threshold (each distinct score, from the highest down; ties act as one threshold) the curve has the
     * false-positive rate over the normal pixels and the mean, over all defect regions, of the share of the
     * region's pixels at or above the threshold. The curve starts at (0, 0), is integrated by the trapezoidal
     * rule, interpolated linearly at {@code maxFpr}, and the area is divided by {@code maxFpr}, so a perfect
     * map scores 1. Unlike the pixel AUC, a small defect weighs as much as a large one.
     *
     * @throws IllegalArgumentException without defect or normal pixels, or for {@code maxFpr} outside (0, 1]
     */
    public double pro(double maxFpr) {
        if (!(maxFpr > 0 && maxFpr <= 1)) {
            throw new IllegalArgumentException("Invalid false-positive rate limit for PRO: " + maxFpr
                    + " (greater than 0, at most 1)");
        }
        requireBothClasses("PRO");
        sort();
        double area = 0;
        double fpr = 0;
        double overlap = 0;
        long normalsAbove = 0;
        double overlapSum = 0;
        int p = defects - 1;
        int n = normals - 1;
        while (p >= 0 || n >= 0) {
            double top = p < 0 ? normal[n] : n < 0 ? score(defect[p]) : Math.max(score(defect[p]), normal[n]);
            while (p >= 0 && score(defect[p]) == top) {
                overlapSum += 1.0 / regionSizes[(int) defect[p]];
                p--;
            }
            while (n >= 0 && normal[n] == top) {
                normalsAbove++;
                n--;
            }
            double nextFpr = (double) normalsAbove / normals;
            double nextOverlap = overlapSum / regions;
            if (nextFpr >= maxFpr) {
                double atLimit = nextFpr == fpr ? nextOverlap
                        : overlap + (nextOverlap - overlap) * (maxFpr - fpr) / (nextFpr - fpr);
                area += (maxFpr - fpr) * (overlap + atLimit) / 2;
                return area / maxFpr;
            }
            area += (nextFpr - fpr) * (overlap + nextOverlap) / 2;
            fpr = nextFpr;
            overlap = nextOverlap;
        }
        throw new AssertionError("the false-positive rate reaches 1 at the lowest score");
    }

    private void requireBothClasses(String metric) {
        if (defects == 0 || normals == 0) {
            throw new IllegalArgumentException(metric + " needs defect and normal pixels: the " + images
                    + " image(s) have " + (defects == 0 ? "no defect pixel in their masks" : "only defect pixels"));
        }
    }

    private void sort() {
        // Sorting the filled prefix in place keeps the order-independence: later adds append after it.
        Arrays.sort(normal, 0, normals);
        Arrays.sort(defect, 0, defects);
    }

    /**
     * The regions of one mask: -1 for a normal pixel, else a region number counted over all images,
     * the 8-connected components of the pixels of at least 0.5, found by a flood fill.
     */
    private int[] label(double[] mask, int offset, int height, int width) {
        int plane = height * width;
        int[] region = new int[plane];
        Arrays.fill(region, -1);
        int[] stack = new int[plane];
        for (int start = 0; start < plane; start++) {
            if (region[start] >= 0 || !(mask[offset + start] >= 0.5)) {
                continue;
            }
            if (regions == regionSizes.length) {
                regionSizes = Arrays.copyOf(regionSizes, grown(regionSizes.length));
            }
            int id = regions++;
            int size = 0;
            int top = 0;
            stack[top++] = start;
            region[start] = id;
            while (top > 0) {
                int p = stack[--top];
                size++;
                int y = p / width;
                int x = p % width;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int ny = y + dy;
                        int nx = x + dx;
                        if (ny < 0 || ny >= height || nx < 0 || nx >= width) {
                            continue;
                        }
                        int q = ny * width + nx;
                        if (region[q] < 0 && mask[offset + q] >= 0.5) {
                            region[q] = id;
                            stack[top++] = q;
                        }
                    }
                }
            }
            regionSizes[id] = size;
        }
        return region;
    }

    /** A float's bits as an int whose signed order is the float's order (NaN excluded). */
    private static int sortable(float value) {
        int bits = Float.floatToIntBits(value);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    private static float score(long key) {
        int bits = (int) (key >> 32);
        return Float.intBitsToFloat(bits ^ ((bits >> 31) & 0x7FFFFFFF));
    }

    private static int grown(int length) {
        if (length >= Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Too many pixels for one evaluation (" + length + ")");
        }
        return (int) Math.min(Integer.MAX_VALUE - 8, 2L * length);
    }
}
