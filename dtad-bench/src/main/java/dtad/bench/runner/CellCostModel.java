package dtad.bench.runner;

import dtad.bench.results.Median;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Predicts the seconds of a cell (fit plus scoring) from its method and its training rows, learned
 * from finished cells: per method, {@code seconds = c * n^p}. The power {@code p} is the least-squares
 * slope of log seconds on log rows once the method has cells at sizes at least {@value #DISTINCT_SIZES}
 * times apart, clamped to [{@value #MIN_POWER}, {@value #MAX_POWER}] (a few noisy small cells must not
 * make a method look free or explosive on large data); before that, {@code p = 1}. The factor
 * {@code c} then centres the line on the method's cells. A method with no finished cell yet is
 * predicted as the median of the other methods' predictions at the same size.
 *
 * <p>Not thread-safe.
 */
final class CellCostModel {
    static final double MIN_POWER = 0.5;
    static final double MAX_POWER = 2.5;
    /** How far apart the smallest and largest sizes of a method must be before its power is fitted. */
    static final double DISTINCT_SIZES = 2;
    /** Timings below this are clock noise; they count as this, so that their logarithm stays sane. */
    static final double MIN_SECONDS = 1e-3;

    private final Map<String, Timings> byMethod = new HashMap<>();

    /** Learns from one finished cell; a cell without a timing or without training rows teaches nothing. */
    void add(String method, int trainingRows, double seconds) {
        if (trainingRows < 1 || !Double.isFinite(seconds) || seconds < 0) {
            return;
        }
        byMethod.computeIfAbsent(method, m -> new Timings()).add(trainingRows, Math.max(MIN_SECONDS, seconds));
    }

    /** Whether any cell has been learnt from, i.e. whether any prediction can be made. */
    boolean isEmpty() {
        return byMethod.isEmpty();
    }

    /** The predicted seconds of a cell of {@code method} on {@code trainingRows} rows; empty before any cell. */
    OptionalDouble seconds(String method, int trainingRows) {
        double rows = Math.max(1, trainingRows);
        Timings own = byMethod.get(method);
        if (own != null) {
            return OptionalDouble.of(own.predict(rows));
        }
        if (byMethod.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Median.of(byMethod.values().stream().mapToDouble(t -> t.predict(rows)).toArray()));
    }

    /** The power fitted for a method so far, 1 before it can be fitted; NaN for a method never seen. */
    double power(String method) {
        Timings own = byMethod.get(method);
        return own == null ? Double.NaN : own.line().power();
    }

    /** {@code log seconds = logFactor + power * log rows}. */
    private record Line(double logFactor, double power) {
    }

    /** One method's cells as log rows and log seconds, with the line through them, refitted when they change. */
    private static final class Timings {
        private final List<double[]> points = new ArrayList<>();
        private Line line;

        void add(int rows, double seconds) {
            points.add(new double[] {Math.log(rows), Math.log(seconds)});
            line = null;
        }

        double predict(double rows) {
            Line fitted = line();
            return Math.exp(fitted.logFactor() + fitted.power() * Math.log(rows));
        }

        Line line() {
            if (line == null) {
                line = fit();
            }
            return line;
        }

        private Line fit() {
            double meanX = 0;
            double meanY = 0;
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            for (double[] p : points) {
                meanX += p[0];
                meanY += p[1];
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
            }
            meanX /= points.size();
            meanY /= points.size();
            double power = 1;
            if (maxX - minX >= Math.log(DISTINCT_SIZES)) {
                double sxy = 0;
                double sxx = 0;
                for (double[] p : points) {
                    sxy += (p[0] - meanX) * (p[1] - meanY);
                    sxx += (p[0] - meanX) * (p[0] - meanX);
                }
                power = Math.max(MIN_POWER, Math.min(MAX_POWER, sxy / sxx));
            }
            // With the power fixed (clamped or not), the least-squares intercept goes through the means.
            return new Line(meanY - power * meanX, power);
        }
    }
}
