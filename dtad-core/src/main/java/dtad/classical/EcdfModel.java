package dtad.classical;

import dtad.metrics.EmpiricalCdf;
import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.detect.Explainable;
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
 * <p>Explanation ({@link Explainable}), as PyOD's {@code explain_outlier}: a feature's contribution is its
 * own term of that sum, {@code rule(-log F_left_j(x_j), -log F_right_j(x_j), s_j)}, the skewness-corrected
 * negative log tail probability of the row's value in that feature; a row's contributions sum to its score.
 * In {@link EcdfMode#TRANSDUCTIVE} mode they are computed against the training rows and the batch together,
 * as its scores are.
 *
 * <p>Payload: {@code sorted_columns}, the standardized training values of each column in ascending
 * order ({@code features x rows}).
 */
public final class EcdfModel extends DetectorModel implements Explainable {
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

    @Override
    public double[][] contributions(Matrix rows) {
        return explainStandardized(rows, scorer::contributions);
    }

    @Override
    public String contributionMeaning() {
        return "Each feature's negative log tail probability of the row's value under the training distribution "
                + "of that feature (the tail its skewness picks, as " + detector.method() + " scores); the "
                + "contributions sum to the score.";
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
                        sum += inductiveTerm(j, v[o], total);
                    }
                    scores[r] = sum;
                }
            });
            return scores;
        }

        /** Each row's per-feature terms of {@link #score}, in the mode's way. */
        double[][] contributions(Matrix x) {
            int d = x.columns();
            double[] v = x.values();
            double[][] out = new double[x.rows()][d];
            if (mode == EcdfMode.INDUCTIVE) {
                double total = cdf.size() + 1.0;
                RowBlocks.run(out.length, 40L * d, (from, to) -> {
                    for (int r = from; r < to; r++) {
                        for (int j = 0, o = r * d; j < d; j++, o++) {
                            out[r][j] = inductiveTerm(j, v[o], total);
                        }
                    }
                });
                return out;
            }
            double total = (double) cdf.size() + x.rows();
            for (int j = 0; j < d; j++) {
                double[] sortedBatch = x.column(j);
                Arrays.sort(sortedBatch);
                int sign = cdf.skewnessSign(j, sortedBatch);
                for (int r = 0; r < out.length; r++) {
                    out[r][j] = transductiveTerm(j, v[r * d + j], sortedBatch, total, sign);
                }
            }
            return out;
        }

        /** Feature {@code j}'s term for {@code value} against the training rows, the value counted once more. */
        private double inductiveTerm(int j, double value, double total) {
            double left = -Math.log((cdf.countAtMost(j, value) + 1) / total);
            double right = -Math.log((cdf.countAtLeast(j, value) + 1) / total);
            return rule.combine(left, right, skewSigns[j]);
        }

        /** Feature {@code j}'s term for {@code value} against the training rows and the batch together. */
        private double transductiveTerm(int j, double value, double[] sortedBatch, double total, int sign) {
            double left = -Math.log((cdf.countAtMost(j, value) + EmpiricalCdf.countAtMost(sortedBatch, value)) / total);
            double right = -Math.log((cdf.countAtLeast(j, value) + EmpiricalCdf.countAtLeast(sortedBatch, value))
                    / total);
            return rule.combine(left, right, sign);
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
                    scores[r] += transductiveTerm(j, v[r * d + j], sortedBatch, total, sign);
                }
            }
            return scores;
        }
    }
}
