package dtad.bench.runner;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.detect.PayloadWriter;
import dtad.detect.Progress;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import dtad.method.Family;
import dtad.method.Method;
import dtad.method.Constraint;
import dtad.method.MethodProvider;
import dtad.method.Parameter;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;
import dtad.method.StandardParameters;
import java.util.List;

/**
 * Test-only methods, registered through this module's test resources: a real but simple detector
 * (the distance of a row to the training mean, after scaling) in three guises.
 * <ul>
 *   <li>{@code Test-Distance}: declares {@code epochs} (reported as fit progress, so {@code --quick}
 *       can be observed) and {@code seed};</li>
 *   <li>{@code Test-Picky}: throws on data of exactly {@code failColumns} columns;</li>
 *   <li>{@code Test-Slow}: sleeps {@code millis} in each fit, so a run can be killed mid-way;</li>
 *   <li>{@code Test-Crash}: halts the whole JVM (exit code 7) on data of 3 columns, as a native crash
 *       would; only where {@link #crashAllowed} is set, i.e. in worker processes of the tests.</li>
 * </ul>
 */
public final class TestMethods implements MethodProvider {
    /** Set only in test worker processes: elsewhere Test-Crash throws instead of halting the JVM. */
    static volatile boolean crashAllowed;

    /** Distance to the training mean; {@code epochs} only paces progress reports. */
    public record Distance(int epochs, long seed) implements Detector<DistanceModel> {
        static final Parameter<Distance, Integer> EPOCHS = StandardParameters.EPOCHS.bind(50, "progress steps",
                Distance::epochs);
        static final Parameter<Distance, Long> SEED = StandardParameters.SEED.bind(0L, Distance::seed);
        public static final Method<Distance> METHOD = new Method<>("Test-Distance", Family.CLASSICAL,
                "distance to the training mean (tests only)", "none",
                ParameterTable.<Distance>builder().add(EPOCHS).add(SEED)
                        .build(v -> new Distance(v.get(EPOCHS), v.get(SEED))),
                (d, info, scores, payloads) -> new DistanceModel(d, info, scores));

        public Distance {
            EPOCHS.require(epochs);
        }

        @Override
        public String method() {
            return METHOD.name();
        }

        @Override
        public DistanceModel fit(Matrix train, Progress progress) {
            for (int e = 1; e <= epochs; e++) {
                progress.report(e, epochs, "epoch " + e);
            }
            return DistanceModel.fit(this, train);
        }
    }

    /** Like {@link Distance}, but refuses data of {@code failColumns} columns. */
    public record Picky(int failColumns) implements Detector<DistanceModel> {
        static final Parameter<Picky, Integer> FAIL_COLUMNS = Parameter.of("failColumns", ParameterType.INTEGER, 3,
                Constraint.atLeast(0), "width that fails", Picky::failColumns);
        public static final Method<Picky> METHOD = new Method<>("Test-Picky", Family.CLASSICAL,
                "fails on data of one width (tests only)", "none",
                ParameterTable.<Picky>builder().add(FAIL_COLUMNS).build(v -> new Picky(v.get(FAIL_COLUMNS))),
                (d, info, scores, payloads) -> new DistanceModel(d, info, scores));

        @Override
        public String method() {
            return METHOD.name();
        }

        @Override
        public DistanceModel fit(Matrix train, Progress progress) {
            if (train.columns() == failColumns) {
                throw new IllegalStateException("cannot handle " + failColumns + " columns,\nreally");
            }
            return DistanceModel.fit(this, train);
        }
    }

    /** Like {@link Distance}, but each fit takes at least {@code millis}. */
    public record Slow(int millis) implements Detector<DistanceModel> {
        static final Parameter<Slow, Integer> MILLIS = Parameter.of("millis", ParameterType.INTEGER, 200,
                Constraint.atLeast(0), "sleep per fit", Slow::millis);
        public static final Method<Slow> METHOD = new Method<>("Test-Slow", Family.CLASSICAL,
                "a slow fit (tests only)", "none",
                ParameterTable.<Slow>builder().add(MILLIS).build(v -> new Slow(v.get(MILLIS))),
                (d, info, scores, payloads) -> new DistanceModel(d, info, scores));

        @Override
        public String method() {
            return METHOD.name();
        }

        @Override
        public DistanceModel fit(Matrix train, Progress progress) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DistanceModel.fit(this, train);
        }
    }

    /** Halts the JVM on 3-column data, as a native crash would. */
    public record Crash(int columns) implements Detector<DistanceModel> {
        static final Parameter<Crash, Integer> COLUMNS = Parameter.of("columns", ParameterType.INTEGER, 3,
                Constraint.atLeast(0), "width that crashes", Crash::columns);
        public static final Method<Crash> METHOD = new Method<>("Test-Crash", Family.CLASSICAL,
                "crashes its JVM (tests only)", "none",
                ParameterTable.<Crash>builder().add(COLUMNS).build(v -> new Crash(v.get(COLUMNS))),
                (d, info, scores, payloads) -> new DistanceModel(d, info, scores));

        @Override
        public String method() {
            return METHOD.name();
        }

        @Override
        public DistanceModel fit(Matrix train, Progress progress) {
            if (train.columns() == columns) {
                if (!crashAllowed) {
                    throw new IllegalStateException("Test-Crash would halt this JVM");
                }
                Runtime.getRuntime().halt(7);
            }
            return DistanceModel.fit(this, train);
        }
    }

    /** The fitted model of all four: the Euclidean norm of the scaled row. */
    public static final class DistanceModel extends DetectorModel {
        private final Detector<?> detector;

        DistanceModel(Detector<?> detector, TrainingInfo info, double[] trainingScores) {
            super(info, trainingScores);
            this.detector = detector;
        }

        static DistanceModel fit(Detector<?> detector, Matrix train) {
            TrainingData data = TrainingData.of(train);
            return new DistanceModel(detector, data.info(), norms(data.standardized()));
        }

        @Override
        public Detector<?> detector() {
            return detector;
        }

        @Override
        protected double[] scoreStandardized(Matrix standardized) {
            return norms(standardized);
        }

        @Override
        public void writePayloads(PayloadWriter out) {
        }

        private static double[] norms(Matrix z) {
            double[] out = new double[z.rows()];
            for (int r = 0; r < z.rows(); r++) {
                double s = 0;
                for (int j = 0; j < z.columns(); j++) {
                    s += z.get(r, j) * z.get(r, j);
                }
                out[r] = Math.sqrt(s);
            }
            return out;
        }
    }

    @Override
    public List<Method<?>> methods() {
        return List.of(Distance.METHOD, Picky.METHOD, Slow.METHOD, Crash.METHOD);
    }
}
