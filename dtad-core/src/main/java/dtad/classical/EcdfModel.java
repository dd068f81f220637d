package dtad.classical;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.detect.PayloadReader;
import dtad.detect.PayloadWriter;
import dtad.detect.TrainingData;
import dtad.detect.TrainingInfo;
import java.io.IOException;
import java.util.Arrays;

/**
 * A fitted {@link COPOD} or {@link ECOD}: the sorted training columns (the empirical distributions),
 * the skewness sign of each column and the {@link TailRule} of the method. A row's score is
 * {@code sum_j rule(-log F_left_j(x_j), -log F_right_j(x_j), s_j)}, with the distributions made of
 * the rows that the {@link EcdfMode} names.
 *
 * <p>Payload: {@code sorted_columns}, the standardized training values of each column in ascending
 * order ({@code features x rows}).
 */
public final class EcdfModel extends DetectorModel {
    private final Detector<EcdfModel> detector;
    private final Scorer scorer;

    private EcdfModel(Detector<EcdfModel> detector, TrainingInfo info, double[] trainingScores, Scorer scorer) {
        super(info, trainingScores);
        this.detector = detector;
        this.scorer = scorer;
    }

    static EcdfModel fit(Detector<EcdfModel> detector, TailRule rule, EcdfMode mode, Matrix train) {
        TrainingData data = TrainingData.of(train);
        Scorer scorer = new Scorer(EmpiricalCdf.of(data.standardized()), rule, mode);
        return new EcdfModel(detector, data.info(), scorer.score(data.standardized()), scorer);
    }

    static EcdfModel load(Detector<EcdfModel> detector, TailRule rule, EcdfMode mode, TrainingInfo info,
                          double[] trainingScores, PayloadReader payloads) throws IOException {
        EmpiricalCdf cdf = EmpiricalCdf.ofSortedColumns(payloads.matrix("sorted_columns"));
        if (cdf.columns() != info.features() || cdf.size() != info.rows()) {
            throw new IllegalArgumentException("sorted_columns is " + cdf.columns() + " x " + cdf.size() + ", expected "
                    + info.features() + " x " + info.rows());
        }
        return new EcdfModel(detector, info, trainingScores, new Scorer(cdf, rule, mode));
    }

    @Override
    public Detector<EcdfModel> detector() {
        return detector;
    }

    /** The training rows' distributions. */
    public EmpiricalCdf distributions() {
        return scorer.cdf;
    }

    @Override
    protected double[] scoreStandardized(Matrix standardized) {
        return scorer.score(standardized);
    }

    @Override
    public void writePayloads(PayloadWriter out) throws IOException {
        out.matrix("sorted_columns", scorer.cdf.sortedColumns());
    }

    /** The scoring rule, kept apart so that fit can score the training rows before the model exists. */
    private static final class Scorer {
        private final EmpiricalCdf cdf;
        private final TailRule rule;
        private final EcdfMode mode;
        private final int[] skewSigns;

        Scorer(EmpiricalCdf cdf, TailRule rule, EcdfMode mode) {
            this.cdf = cdf;
            this.rule = rule;
            this.mode = mode;
            this.skewSigns = new int[cdf.columns()];
            for (int j = 0; j < skewSigns.length; j++) {
                skewSigns[j] = cdf.skewnessSign(j);
            }
        }

        double[] score(Matrix x) {
            return mode == EcdfMode.INDUCTIVE ? inductive(x) : transductive(x);
        }

        /** Each row against the training distributions, counting the row itself as one more value. */
        private double[] inductive(Matrix x) {
            int d = x.columns();
            double[] v = x.values();
            double[] scores = new double[x.rows()];
            double total = cdf.size() + 1.0;
            RowBlocks.run(x.rows(), 40L * d, (from, to) -> {
                for (int r = from; r < to; r++) {
                    double sum = 0;
                    for (int j = 0, o = r * d; j < d; j++, o++) {
                        double left = -Math.log((cdf.countAtMost(j, v[o]) + 1) / total);
                        double right = -Math.log((cdf.countAtLeast(j, v[o]) + 1) / total);
                        sum += rule.combine(left, right, skewSigns[j]);
                    }
                    scores[r] = sum;
                }
            });
            return scores;
        }

        /** PyOD's way: distributions and skewness of the training rows and the whole batch together. */
        private double[] transductive(Matrix x) {
            int d = x.columns();
            double[] v = x.values();
            double[] scores = new double[x.rows()];
            double total = (double) cdf.size() + x.rows();
            for (int j = 0; j < d; j++) {
                double[] batch = x.column(j);
                double[] sortedBatch = batch.clone();
                Arrays.sort(sortedBatch);
                int sign = cdf.skewnessSign(j, sortedBatch);
                for (int r = 0; r < batch.length; r++) {
                    double value = v[r * d + j];
                    double left = -Math.log((cdf.countAtMost(j, value)
                            + EmpiricalCdf.countAtMost(sortedBatch, value)) / total);
                    double right = -Math.log((cdf.countAtLeast(j, value)
                            + EmpiricalCdf.countAtLeast(sortedBatch, value)) / total);
                    scores[r] += rule.combine(left, right, sign);
                }
            }
            return scores;
        }
    }
}
