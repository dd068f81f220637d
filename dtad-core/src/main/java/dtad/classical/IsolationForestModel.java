package dtad.classical;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.TrainingInfo;
import java.io.IOException;

/**
 * A fitted {@link IsolationForest}: all trees in four flat arrays, the nodes of tree {@code t} from
 * {@code roots[t]} on. For node {@code i}: {@code features[i]} is its split feature or -1 for a leaf,
 * {@code values[i]} its threshold (rows {@code <=} it go left) or, for a leaf, the path length
 * {@code depth + c(m)} it credits, and {@code children[i]} the index of its left child, the right
 * child following it. These are also the payloads ({@code roots}, {@code features}, {@code children},
 * {@code values}).
 */
public final class IsolationForestModel extends DetectorModel {
    private final IsolationForest detector;
    private final int[] roots;
    private final int[] features;
    private final int[] children;
    private final double[] values;
    /** {@code c(psi) * trees}: the mean path length normaliser times the number of trees. */
    private final double normaliser;

    private IsolationForestModel(IsolationForest detector, TrainingInfo info, double[] trainingScores, int[] roots,
                                 int[] features, int[] children, double[] values) {
        super(info, trainingScores);
        this.detector = detector;
        this.roots = roots;
        this.features = features;
        this.children = children;
        this.values = values;
        this.normaliser = normaliser(detector, info.rows(), roots.length);
    }

    static IsolationForestModel create(IsolationForest detector, TrainingInfo info, IsolationTree[] trees,
                                       Matrix standardized) {
        int total = 0;
        int[] roots = new int[trees.length];
        for (int t = 0; t < trees.length; t++) {
            roots[t] = total;
            total += trees[t].size();
        }
        int[] features = new int[total];
        int[] children = new int[total];
        double[] values = new double[total];
        for (int t = 0; t < trees.length; t++) {
            int offset = roots[t];
            int[] f = trees[t].features();
            int[] l = trees[t].lefts();
            System.arraycopy(f, 0, features, offset, f.length);
            System.arraycopy(trees[t].values(), 0, values, offset, f.length);
            for (int i = 0; i < f.length; i++) {
                children[offset + i] = f[i] < 0 ? 0 : l[i] + offset;
            }
        }
        double[] scores = score(roots, features, children, values,
                normaliser(detector, info.rows(), trees.length), standardized);
        return new IsolationForestModel(detector, info, scores, roots, features, children, values);
    }

    static IsolationForestModel load(IsolationForest detector, TrainingInfo info, double[] trainingScores,
                                     PayloadReader payloads) throws IOException {
        int[] roots = payloads.ints("roots");
        int[] features = payloads.ints("features");
        int[] children = payloads.ints("children");
        double[] values = payloads.doubles("values");
        int total = features.length;
        if (roots.length != detector.trees() || children.length != total || values.length != total) {
            throw new IllegalArgumentException("inconsistent forest: " + roots.length + " roots for " + detector.trees()
                    + " trees, " + total + " features, " + children.length + " children, " + values.length + " values");
        }
        for (int t = 0; t < roots.length; t++) {
            if (roots[t] < 0 || roots[t] >= total || (t > 0 && roots[t] <= roots[t - 1])) {
                throw new IllegalArgumentException("invalid root of tree " + t + ": " + roots[t]);
            }
        }
        for (int i = 0; i < total; i++) {
            if (features[i] < -1 || features[i] >= info.features() || Double.isNaN(values[i])) {
                throw new IllegalArgumentException("invalid node " + i);
            }
            // Children after their parent: every walk ends.
            if (features[i] >= 0 && (children[i] <= i || children[i] + 1 >= total)) {
                throw new IllegalArgumentException("invalid children of node " + i + ": " + children[i]);
            }
        }
        return new IsolationForestModel(detector, info, trainingScores, roots, features, children, values);
    }

    @Override
    public IsolationForest detector() {
        return detector;
    }

    /** The number of nodes of all trees together. */
    public int nodes() {
        return features.length;
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        return score(roots, features, children, values, normaliser, standardized);
    }

    @Override
    public void writePayloads(PayloadWriter out) throws IOException {
        out.ints("roots", roots);
        out.ints("features", features);
        out.ints("children", children);
        out.doubles("values", values);
    }

    private static double normaliser(IsolationForest detector, int rows, int trees) {
        return IsolationTree.averagePathLength(detector.sampleSize(rows)) * trees;
    }

    /** {@code 2^(-sum of path lengths / (c(psi) * trees))} per row. */
    private static double[] score(int[] roots, int[] features, int[] children, double[] values, double normaliser,
                                  Matrix x) {
        int d = x.columns();
        double[] v = x.values();
        double[] scores = new double[x.rows()];
        RowBlocks.run(x.rows(), 10L * roots.length, (from, to) -> {
            for (int r = from; r < to; r++) {
                int o = r * d;
                double sum = 0;
                for (int root : roots) {
                    int node = root;
                    int f;
                    while ((f = features[node]) >= 0) {
                        node = v[o + f] <= values[node] ? children[node] : children[node] + 1;
                    }
                    sum += values[node];
                }
                scores[r] = Math.pow(2, -sum / normaliser);
            }
        });
        return scores;
    }
}
