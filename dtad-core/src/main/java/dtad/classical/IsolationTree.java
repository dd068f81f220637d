package dtad.classical;

import dtad.data.Matrix;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One isolation tree in flat arrays, nodes in the order they were made (a parent before its
 * children, the two children of a node next to each other): {@code feature[i]} is the split feature
 * of node {@code i}, or -1 for a leaf; {@code value[i]} its threshold, or for a leaf the path length
 * credited to rows that end there, {@code depth + c(m)}; {@code left[i]} the index of its left child
 * (the right one follows it). See {@link IsolationForest} for the algorithm.
 */
final class IsolationTree {
    private static final double EULER_GAMMA = 0.5772156649015329;

    private int[] feature = new int[64];
    private double[] value = new double[64];
    private int[] left = new int[64];
    private int size;

    private IsolationTree() {
    }

    /** Grows a tree on {@code psi} rows of {@code x} drawn without replacement with {@code random}. */
    static IsolationTree grow(Matrix x, int psi, SplittableRandom random) {
        int n = x.rows();
        int d = x.columns();
        double[] v = x.values();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        for (int i = 0; i < psi; i++) {
            swap(rows, i, i + random.nextInt(n - i));
        }
        int[] features = new int[d];
        for (int j = 0; j < d; j++) {
            features[j] = j;
        }
        int maxDepth = 32 - Integer.numberOfLeadingZeros(psi - 1); // ceil(log2(psi)), psi >= 2
        IsolationTree tree = new IsolationTree();
        tree.add();
        // Pending nodes as (node, start, end, depth) over rows[0, psi).
        int[] stack = new int[4 * (maxDepth + 2) * 2];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = 0;
        stack[top++] = psi;
        stack[top++] = 0;
        while (top > 0) {
            int depth = stack[--top];
            int end = stack[--top];
            int start = stack[--top];
            int node = stack[--top];
            int count = end - start;
            int split = -1;
            double min = 0;
            double max = 0;
            if (count > 1 && depth < maxDepth) {
                // The first non-constant feature of a random order: uniform among the non-constant ones.
                for (int i = 0; i < d && split < 0; i++) {
                    swap(features, i, i + random.nextInt(d - i));
                    int f = features[i];
                    min = Double.POSITIVE_INFINITY;
                    max = Double.NEGATIVE_INFINITY;
                    for (int r = start; r < end; r++) {
                        double value = v[rows[r] * d + f];
                        min = Math.min(min, value);
                        max = Math.max(max, value);
                    }
                    if (max > min) {
                        split = f;
                    }
                }
            }
            if (split < 0) {
                tree.feature[node] = -1;
                tree.value[node] = depth + averagePathLength(count);
                continue;
            }
            double threshold = min + (max - min) * random.nextDouble();
            if (threshold >= max) {
                threshold = min; // as scikit-learn, when rounding lands on the maximum
            }
            int middle = partition(rows, start, end, v, d, split, threshold);
            int child = tree.add();
            tree.add();
            tree.feature[node] = split;
            tree.value[node] = threshold;
            tree.left[node] = child;
            stack[top++] = child + 1;
            stack[top++] = middle;
            stack[top++] = end;
            stack[top++] = depth + 1;
            stack[top++] = child;
            stack[top++] = start;
            stack[top++] = middle;
            stack[top++] = depth + 1;
        }
        return tree;
    }

    /**
     * {@code c(m)}: the average path length of an unsuccessful search in a binary search tree of
     * {@code m} keys, as scikit-learn computes it.
     */
    static double averagePathLength(int m) {
        if (m <= 1) {
            return 0;
        }
        if (m == 2) {
            return 1;
        }
        return 2 * (Math.log(m - 1.0) + EULER_GAMMA) - 2.0 * (m - 1) / m;
    }

    int size() {
        return size;
    }

    int[] features() {
        return Arrays.copyOf(feature, size);
    }

    double[] values() {
        return Arrays.copyOf(value, size);
    }

    int[] lefts() {
        return Arrays.copyOf(left, size);
    }

    private int add() {
        if (size == feature.length) {
            feature = Arrays.copyOf(feature, 2 * size);
            value = Arrays.copyOf(value, 2 * size);
            left = Arrays.copyOf(left, 2 * size);
        }
        return size++;
    }

    /** Moves rows with {@code x[f] <= threshold} to the front of {@code [start, end)}; returns the boundary. */
    private static int partition(int[] rows, int start, int end, double[] v, int d, int f, double threshold) {
        int i = start;
        int j = end - 1;
        while (i <= j) {
            if (v[rows[i] * d + f] <= threshold) {
                i++;
            } else {
                swap(rows, i, j--);
            }
        }
        return i;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
