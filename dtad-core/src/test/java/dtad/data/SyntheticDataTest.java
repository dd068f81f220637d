package dtad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.metrics.RankingMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticDataTest {

    @ParameterizedTest
    @EnumSource(AnomalyType.class)
    void sameSeedGivesIdenticalDataAndOtherSeedsDiffer(AnomalyType type) {
        Dataset a = new SyntheticData(300, 4, 0.1, type, 2, 42).generate();
        Dataset b = new SyntheticData(300, 4, 0.1, type, 2, 42).generate();
        Dataset c = new SyntheticData(300, 4, 0.1, type, 2, 43).generate();
        assertArrayEquals(a.x().values(), b.x().values(), 0);
        assertArrayEquals(a.labels(), b.labels());
        assertFalse(Arrays.equals(a.x().values(), c.x().values()));
        assertFalse(Arrays.equals(a.labels(), c.labels()));
    }

    @ParameterizedTest
    @CsvSource({"2000, 0.05, 100", "101, 0.05, 5", "30, 0.25, 8", "50, 0, 0", "2, 0.2, 0"})
    void shapeNameAndAnomalyCount(int rows, double rate, int anomalies) {
        SyntheticData spec = new SyntheticData(rows, 3, rate, AnomalyType.GLOBAL, 2, 1);
        Dataset d = spec.generate();
        assertEquals("synthetic-global", d.name());
        assertEquals(rows, d.x().rows());
        assertEquals(3, d.x().columns());
        assertEquals(anomalies, spec.anomalyCount());
        assertEquals(anomalies, d.anomalies());
        assertTrue(Arrays.stream(d.x().values()).allMatch(Double::isFinite));
    }

    @Test
    void anomaliesAreScatteredAmongTheRows() {
        int[] labels = new SyntheticData(1000, 2, 0.1, AnomalyType.LOCAL, 1, 5).generate().labels();
        int first = IntStream.range(0, labels.length).filter(i -> labels[i] == 1).findFirst().orElseThrow();
        int last = IntStream.range(0, labels.length).map(i -> labels.length - 1 - i)
                .filter(i -> labels[i] == 1).findFirst().orElseThrow();
        // Unshuffled they would fill rows 900..999.
        assertTrue(first < 100, "first anomaly at row " + first);
        assertTrue(last > 900, "last anomaly at row " + last);
    }

    @Test
    void globalAnomaliesLieWithinTheScaledBoundsOfTheNormalData() {
        Dataset d = new SyntheticData(2000, 6, 0.2, AnomalyType.GLOBAL, 3, 11).generate();
        Matrix normal = rows(d, 0);
        Matrix anomalous = rows(d, 1);
        for (int j = 0; j < 6; j++) {
            double low = SyntheticData.GLOBAL_ALPHA * Arrays.stream(normal.column(j)).min().orElseThrow();
            double high = SyntheticData.GLOBAL_ALPHA * Arrays.stream(normal.column(j)).max().orElseThrow();
            double[] a = anomalous.column(j);
            assertTrue(Arrays.stream(a).allMatch(v -> v >= low && v <= high), "feature " + j);
            // Uniform over the box: the mean sits mid-way, the spread is (high - low) / sqrt(12).
            assertEquals((low + high) / 2, mean(a), 0.1 * (high - low));
            assertEquals((high - low) / Math.sqrt(12), sd(a), 0.1 * (high - low));
        }
    }

    @Test
    void localAnomaliesShareTheMeanWithFiveTimesTheCovariance() {
        // One component: normals ~ N(mu, Sigma), anomalies ~ N(mu, 5 Sigma).
        Dataset d = new SyntheticData(4000, 5, 0.25, AnomalyType.LOCAL, 1, 3).generate();
        Matrix normal = rows(d, 0);
        Matrix anomalous = rows(d, 1);
        double ratio = trace(anomalous) / trace(normal);
        assertEquals(SyntheticData.LOCAL_ALPHA, ratio, 0.75, "covariance trace ratio");
        for (int j = 0; j < 5; j++) {
            assertEquals(mean(normal.column(j)), mean(anomalous.column(j)), 0.5, "feature " + j);
        }
    }

    @Test
    void clusteredAnomaliesShareTheCovarianceAroundFiveTimesTheMean() {
        // One component: normals ~ N(mu, Sigma), anomalies ~ N(5 mu, Sigma).
        Dataset d = new SyntheticData(4000, 5, 0.25, AnomalyType.CLUSTERED, 1, 3).generate();
        Matrix normal = rows(d, 0);
        Matrix anomalous = rows(d, 1);
        assertEquals(1, trace(anomalous) / trace(normal), 0.15, "covariance trace ratio");
        double distance = 0;
        for (int j = 0; j < 5; j++) {
            double mu = mean(normal.column(j));
            assertEquals(SyntheticData.CLUSTERED_ALPHA * mu, mean(anomalous.column(j)), 0.2, "feature " + j);
            distance += Math.pow(mean(anomalous.column(j)) - mu, 2);
        }
        // Far from the normal mean compared with the normal spread.
        assertTrue(Math.sqrt(distance) > 3 * Math.sqrt(trace(normal)), "distance " + Math.sqrt(distance));
    }

    @Test
    void dependencyAnomaliesKeepTheMarginalsButLoseTheCorrelations() {
        Dataset d = new SyntheticData(4000, 6, 0.25, AnomalyType.DEPENDENCY, 3, 8).generate();
        Matrix normal = rows(d, 0);
        Matrix anomalous = rows(d, 1);
        for (int j = 0; j < 6; j++) {
            double[] n = normal.column(j);
            double[] a = anomalous.column(j);
            assertEquals(mean(n), mean(a), 0.15 * sd(n), "mean of feature " + j);
            // The KDE adds a little: sd^2 (1 + n^(-2/5)), about 4% for 3,000 rows.
            assertEquals(1.04, sd(a) / sd(n), 0.1, "spread of feature " + j);
        }
        double normalCorrelation = meanAbsoluteCorrelation(normal);
        double anomalyCorrelation = meanAbsoluteCorrelation(anomalous);
        assertTrue(normalCorrelation > 0.2, "normal correlation " + normalCorrelation);
        assertTrue(anomalyCorrelation < 0.08, "anomaly correlation " + anomalyCorrelation);
    }

    @Test
    void defaultSuiteHasOneDetectableDataSetPerType() {
        List<Dataset> suite = SyntheticData.defaultSuite(2024);
        assertEquals(List.of("synthetic-local", "synthetic-global", "synthetic-dependency", "synthetic-clustered"),
                suite.stream().map(Dataset::name).toList());
        for (Dataset d : suite) {
            assertEquals(2000, d.x().rows());
            assertEquals(10, d.x().columns());
            assertEquals(100, d.anomalies());
            double auc = RankingMetrics.aucRoc(knnDistance(d.x(), 5), d.labels());
            assertTrue(auc > 0.85, d.name() + ": kNN AUC " + auc);
        }
        // Same seed, same normal rows: only the anomalies (and the shuffle) differ between types.
        double[] reference = sortedColumn(rows(suite.get(0), 0), 0);
        for (Dataset d : suite) {
            assertArrayEquals(reference, sortedColumn(rows(d, 0), 0), 0, d.name());
        }
    }

    @Test
    void refusesBadSpecsNamingTheValue() {
        assertEquals("Invalid anomaly rate: 1.5 (must be in [0, 1))", message(() -> spec(100, 3, 1.5, 2)));
        assertEquals("Invalid anomaly rate: -0.1 (must be in [0, 1))", message(() -> spec(100, 3, -0.1, 2)));
        assertEquals("Invalid anomaly rate: NaN (must be in [0, 1))", message(() -> spec(100, 3, Double.NaN, 2)));
        assertEquals("Invalid row count: 0", message(() -> spec(0, 3, 0.1, 2)));
        assertEquals("Invalid feature count: -1", message(() -> spec(100, -1, 0.1, 2)));
        assertEquals("Invalid component count: 0", message(() -> spec(100, 3, 0.1, 0)));
        assertEquals("Anomaly rate 0.6 of 1 rows leaves no normal row", message(() -> spec(1, 3, 0.6, 2)));
        assertEquals("Too many values for one matrix: 100000 x 100000", message(() -> spec(100_000, 100_000, 0.1, 2)));
        assertThrows(NullPointerException.class, () -> new SyntheticData(100, 3, 0.1, null, 2, 0));
    }

    private static SyntheticData spec(int rows, int features, double rate, int components) {
        return new SyntheticData(rows, features, rate, AnomalyType.LOCAL, components, 0);
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    /** The rows with this label. */
    private static Matrix rows(Dataset d, int label) {
        return d.x().selectRows(IntStream.range(0, d.x().rows()).filter(i -> d.labels()[i] == label).toArray());
    }

    /** Brute-force distance to the k-th nearest other row: a plain kNN anomaly score. */
    private static double[] knnDistance(Matrix x, int k) {
        int n = x.rows();
        double[] v = x.values();
        int d = x.columns();
        double[] scores = new double[n];
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double t = v[i * d + c] - v[j * d + c];
                    s += t * t;
                }
                dist[j] = i == j ? Double.POSITIVE_INFINITY : s;
            }
            Arrays.sort(dist);
            scores[i] = Math.sqrt(dist[k - 1]);
        }
        return scores;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(t -> (t - m) * (t - m)).sum() / (v.length - 1));
    }

    private static double trace(Matrix x) {
        return IntStream.range(0, x.columns()).mapToDouble(j -> Math.pow(sd(x.column(j)), 2)).sum();
    }

    private static double meanAbsoluteCorrelation(Matrix x) {
        int d = x.columns();
        double sum = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double[] a = x.column(i);
                double[] b = x.column(j);
                double ma = mean(a);
                double mb = mean(b);
                double cov = IntStream.range(0, a.length).mapToDouble(r -> (a[r] - ma) * (b[r] - mb)).sum() / (a.length - 1);
                sum += Math.abs(cov / (sd(a) * sd(b)));
            }
        }
        return sum / (d * (d - 1) / 2.0);
    }

    private static double[] sortedColumn(Matrix x, int column) {
        double[] c = x.column(column);
        Arrays.sort(c);
        return c;
    }
}
