package dtad.spark;

import dtad.classical.IsolationForest;
import dtad.classical.IsolationForestModel;
import dtad.data.Matrix;
import dtad.data.Standardizer;
import dtad.detect.DetectorModel;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.TrainingInfo;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * IForest trained on the executors, as LinkedIn's isolation-forest does: every row of a seeded sample of
 * about {@code trees * max_samples} rows is given a random tree number, each tree is grown on its own bag by
 * dtad's {@link IsolationForest} (one tree, so the algorithm is exactly dtad's), and the driver joins the
 * trees into one {@link IsolationForestModel}. The scaling statistics and the kept training scores come from
 * the driver sample ({@code maxSamples} rows) that every other method fits on; the bags hold at most
 * {@code min(max_samples, that sample's rows)} rows, the sample size the model's normaliser assumes.
 *
 * <p>A one-tree fit scales its bag with the bag's own statistics; its split thresholds are mapped back to
 * the forest's scale ({@code z = z' * scale_bag + mean_bag}, per feature, an increasing affine map, so every
 * split sends the same rows the same way).
 */
final class DistributedIsolationForest {
    private DistributedIsolationForest() {
    }

    /** One grown tree in the forest's scale: the arrays of dtad's IForest payloads for one tree. */
    public static final class Tree implements Serializable {
        private static final long serialVersionUID = 1L;
        int[] features;
        int[] children;
        double[] values;
    }

    static IsolationForestModel fit(IsolationForest config, Dataset<Row> features, String column, Matrix sample,
                                    long rows, long seed) {
        Standardizer scaler = Standardizer.fit(sample);
        int trees = config.trees();
        // The model's path-length normaliser is c(min(max_samples, kept training rows)): bags no larger than that.
        int psi = (int) Math.min(config.maxSamples(), sample.rows());
        double fraction = Math.min(1.0, 1.2 * trees * (double) psi / rows);
        Dataset<Row> bagged = features.select(functions.col(column))
                .sample(false, fraction, seed)
                .withColumn("tree", functions.floor(functions.rand(seed + 1).multiply(trees)).cast("int"));
        FeatureColumn checked = FeatureColumn.in(features.select(column).schema(), column, sample.columns())
                .withWidth(sample.columns());
        double[] means = scaler.means();
        double[] scales = scaler.scales();
        MapGroupsFunction<Integer, Row, Tree> grow = (tree, bag) -> grow(tree, bag, checked,
                Standardizer.of(means, scales), psi, seed);
        List<Tree> grown = bagged.groupByKey((MapFunction<Row, Integer>) r -> r.getInt(1), Encoders.INT())
                .mapGroups(grow, Encoders.javaSerialization(Tree.class)).collectAsList();
        if (grown.isEmpty()) {
            throw new dtad.InputException("No tree could be grown: too few rows in column '" + column + "'");
        }
        IsolationForest forest = new IsolationForest(grown.size(), psi, config.seed());
        TrainingInfo info = new TrainingInfo(scaler, sample.rows(), "spark:" + rows + "-rows", Instant.now());
        try {
            // The loader needs the training scores, which need the forest: build it once to score the sample.
            IsolationForestModel unscored = assemble(forest, info, new double[sample.rows()], grown);
            return assemble(forest, info, unscored.score(sample), grown);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Tree grow(int tree, Iterator<Row> bag, FeatureColumn column, Standardizer scaler, int psi,
                             long seed) {
        int d = scaler.features();
        List<double[]> rows = new ArrayList<>();
        long n = 0;
        while (bag.hasNext()) {
            double[] row = new double[d];
            column.copy(bag.next(), ++n, tree, row, 0);
            rows.add(row);
        }
        Matrix raw = Matrix.of(rows.toArray(double[][]::new));
        if (raw.rows() < 2) {
            raw = Matrix.of(new double[][] {rows.isEmpty() ? new double[d] : rows.get(0),
                    rows.isEmpty() ? new double[d] : rows.get(0)});
        }
        Matrix z = scaler.transform(raw);
        Tree out = new Tree();
        try (IsolationForestModel one = new IsolationForest(1, psi, seed * 1_000_003L + tree).fit(z)) {
            Map<String, Object> arrays = new HashMap<>();
            one.writePayloads(new Capture(arrays));
            out.features = (int[]) arrays.get("features");
            out.children = (int[]) arrays.get("children");
            out.values = ((double[]) arrays.get("values")).clone();
            double[] means = one.trainingInfo().scaler().means();
            double[] scales = one.trainingInfo().scaler().scales();
            for (int i = 0; i < out.features.length; i++) {
                int f = out.features[i];
                if (f >= 0) {
                    out.values[i] = out.values[i] * scales[f] + means[f];
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static IsolationForestModel assemble(IsolationForest forest, TrainingInfo info, double[] scores,
                                                 List<Tree> trees) throws IOException {
        int total = trees.stream().mapToInt(t -> t.features.length).sum();
        int[] roots = new int[trees.size()];
        int[] features = new int[total];
        int[] children = new int[total];
        double[] values = new double[total];
        int offset = 0;
        for (int t = 0; t < trees.size(); t++) {
            Tree tree = trees.get(t);
            roots[t] = offset;
            for (int i = 0; i < tree.features.length; i++) {
                features[offset + i] = tree.features[i];
                children[offset + i] = tree.features[i] < 0 ? 0 : tree.children[i] + offset;
                values[offset + i] = tree.values[i];
            }
            offset += tree.features.length;
        }
        Map<String, Object> arrays = Map.of("roots", roots, "features", features, "children", children,
                "values", values);
        DetectorModel model = IsolationForest.METHOD.loader().load(forest, info, scores, new Replay(arrays));
        return (IsolationForestModel) model;
    }

    /** Keeps the arrays a model writes, in memory. */
    private record Capture(Map<String, Object> arrays) implements PayloadWriter {
        @Override
        public void matrix(String name, Matrix value) {
            arrays.put(name, value);
        }

        @Override
        public void doubles(String name, double[] value) {
            arrays.put(name, value);
        }

        @Override
        public void ints(String name, int[] value) {
            arrays.put(name, value);
        }

        @Override
        public void bytes(String name, byte[] value) {
            arrays.put(name, value);
        }
    }

    /** Hands arrays to a model loader as if read from files. */
    private record Replay(Map<String, Object> arrays) implements PayloadReader {
        @Override
        public Matrix matrix(String name) {
            return (Matrix) arrays.get(name);
        }

        @Override
        public double[] doubles(String name) {
            return (double[]) arrays.get(name);
        }

        @Override
        public int[] ints(String name) {
            return (int[]) arrays.get(name);
        }

        @Override
        public byte[] bytes(String name) {
            return (byte[]) arrays.get(name);
        }
    }
}
