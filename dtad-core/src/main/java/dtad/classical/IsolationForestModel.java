package dtad.classical;

import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.detect.Explainable;
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
 *
 * <p>Explanation ({@link Explainable}), path-based: every node {@code i} of a tree has an expected path
 * length {@code e_i = depth_i + c(m_i)} for the {@code m_i} training rows of the tree's sample that reach
 * it ({@code e_root = c(psi)}; at a leaf, the path length it credits). A split on feature {@code f} that
 * sends the row from node {@code i} to child {@code ch} shortens the row's expected path by
 * {@code e_i - e_ch = c(m_i) - c(m_ch) - 1}: much when it cuts the row off from most rows, about -1 when
 * the row stays with almost all of them. Feature {@code f}'s contribution is the sum of these depth
 * reductions over the splits on {@code f} along the row's paths, averaged over the trees. They telescope:
 * a row's contributions sum to {@code c(psi) - E[h(x)] = c(psi) (1 + log2 score)}, which grows with the
 * score (0 for a row of average path length {@code c(psi)}, score 0.5). The counts {@code m_i} are not
 * stored: they are recovered from the leaves' credited lengths ({@code c} is increasing) and summed up the
 * trees, so model files of every format explain alike.
 */
public final class IsolationForestModel extends DetectorModel implements Explainable {
    private final IsolationForest detector;
    private final int[] roots;
    private final int[] features;
    private final int[] children;
    private final double[] values;
    /** {@code c(psi) * trees}: the mean path length normaliser times the number of trees. */
    private final double normaliser;
    /** Per non-root node, {@code e_parent - e_node}: the depth reduction of the split that leads to it. */
    private final double[] reductions;

    private IsolationForestModel(IsolationForest detector, TrainingInfo info, double[] trainingScores, int[] roots,
                                 int[] features, int[] children, double[] values) {
        super(info, trainingScores);
        this.detector = detector;
        this.roots = roots;
        this.features = features;
        this.children = children;
        this.values = values;
        this.normaliser = normaliser(detector, info.rows(), roots.length);
        this.reductions = reductions(features, children, values, detector.sampleSize(info.rows()));
    }

    /** {@code e_parent - e_node} for every node (0 for roots), from the structure and the leaves' values. */
    private static double[] reductions(int[] features, int[] children, double[] values, int psi) {
        int total = features.length;
        int[] depth = new int[total];
        for (int i = 0; i < total; i++) {
            if (features[i] >= 0) {
                depth[children[i]] = depth[i] + 1;
                depth[children[i] + 1] = depth[i] + 1;
            }
        }
        // Children come after their parent: counts sum up from the last node back.
        long[] rows = new long[total];
        for (int i = total - 1; i >= 0; i--) {
            rows[i] = features[i] < 0 ? leafRows(values[i] - depth[i], psi) : rows[children[i]] + rows[children[i] + 1];
        }
        double[] out = new double[total];
        for (int i = 0; i < total; i++) {
            if (features[i] >= 0) {
                double here = IsolationTree.averagePathLength((int) Math.min(rows[i], Integer.MAX_VALUE));
                for (int child = children[i]; child <= children[i] + 1; child++) {
                    out[child] = here - IsolationTree.averagePathLength((int) Math.min(rows[child], Integer.MAX_VALUE))
                            - 1;
                }
            }
        }
        return out;
    }

    /** The {@code m} in {@code [1, psi]} whose {@code c(m)} is nearest to a leaf's {@code c(m)}. */
    private static int leafRows(double averagePath, int psi) {
        int low = 1;
        int high = Math.max(1, psi);
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (IsolationTree.averagePathLength(mid) < averagePath) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        // low: the least m with c(m) >= averagePath; m - 1 may be nearer.
        if (low > 1 && averagePath - IsolationTree.averagePathLength(low - 1)
                < IsolationTree.averagePathLength(low) - averagePath) {
            return low - 1;
        }
        return low;
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

    @Override
    public double[][] contributions(Matrix rows) {
        return explainStandardized(rows, x -> {
            int d = x.columns();
            double[] v = x.values();
            double[][] out = new double[x.rows()][d];
            RowBlocks.run(out.length, 10L * roots.length, (from, to) -> {
                for (int r = from; r < to; r++) {
                    int o = r * d;
                    for (int root : roots) {
                        int node = root;
                        int f;
                        while ((f = features[node]) >= 0) {
                            node = v[o + f] <= values[node] ? children[node] : children[node] + 1;
                            out[r][f] += reductions[node];
                        }
                    }
                    for (int j = 0; j < d; j++) {
                        out[r][j] /= roots.length;
                    }
                }
            });
            return out;
        });
    }

    @Override
    public String contributionMeaning() {
        return "Each feature's depth reduction: how much the splits on that feature along the row's paths "
                + "shortened its expected path length, averaged over the trees (negative: the splits kept the row "
                + "with most rows); the contributions sum to c(psi) (1 + log2 score), 0 at score 0.5.";
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
