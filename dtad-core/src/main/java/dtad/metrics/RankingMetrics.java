package dtad.metrics;

import java.util.Arrays;

/**
 * Threshold-free quality measures of anomaly scores against 0/1 labels (1 = anomaly, the positive
 * class; a higher score means more anomalous), as reported by ADBench (Han et al., NeurIPS 2022) and
 * DTE (Livernoche et al., ICLR 2024).
 *
 * <p>Every metric sorts the scores once ({@code O(n log n)}) and then walks the distinct score values
 * from the highest down, so tied scores always act as one threshold: the result never depends on
 * the order of the rows.
 *
 * <p>All metrics refuse, with a message naming the problem: arrays of different lengths, a label
 * other than 0 or 1, a NaN score (naming its row), and labels of one class only (the metrics are
 * undefined, or trivially 1, without both normals and anomalies). Infinite scores are ranked like
 * any other value; {@code -0.0} and {@code 0.0} are the same score.
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /**
     * The area under the ROC curve, computed as the Mann-Whitney statistic: the share of
     * (anomaly, normal) pairs in which the anomaly scores higher, a tied pair counting one half
     * (equivalently, average ranks for ties). Equal to scikit-learn's {@code roc_auc_score}, whose
     * trapezoidal area over the tie-grouped ROC curve is the same quantity. All scores tied gives 0.5.
     *
     * @throws IllegalArgumentException on bad input, including labels of one class only
     */
    public static double aucRoc(double[] scores, int[] labels) {
        Split split = Split.of("AUC-ROC", scores, labels);
        return mannWhitney(SortedScores.of(split.positive()), SortedScores.of(split.negative()));
    }

    /**
     * The AUC-ROC of anomalies' and normals' scores given apart, each sorted ascending and non-empty, without
     * {@code -0.0} and NaN: the one computation behind {@link #aucRoc} and the pixel-level AUC
     * ({@link PixelScores}), which keeps its many scores as floats.
     */
    static double mannWhitney(SortedScores positives, SortedScores negatives) {
        long positiveCount = positives.size();
        long negativeCount = negatives.size();
        // Twice the Mann-Whitney U, kept in integers so that ties (half pairs) stay exact.
        long twiceU = 0;
        long negativesAbove = 0;
        int p = positives.size() - 1;
        int n = negatives.size() - 1;
        while (p >= 0 || n >= 0) {
            double top = p < 0 ? negatives.get(n) : n < 0 ? positives.get(p)
                    : Math.max(positives.get(p), negatives.get(n));
            long tiedPositives = 0;
            long tiedNegatives = 0;
            while (p >= 0 && positives.get(p) == top) {
                tiedPositives++;
                p--;
            }
            while (n >= 0 && negatives.get(n) == top) {
                tiedNegatives++;
                n--;
            }
            long negativesBelow = negativeCount - negativesAbove - tiedNegatives;
            twiceU += tiedPositives * (2 * negativesBelow + tiedNegatives);
            negativesAbove += tiedNegatives;
        }
        return twiceU / (2.0 * positiveCount * negativeCount);
    }

    /** Scores sorted ascending, read by index, whatever array type holds them. */
    interface SortedScores {
        int size();

        double get(int i);

        static SortedScores of(double[] sorted) {
            return new SortedScores() {
                @Override
                public int size() {
                    return sorted.length;
                }

                @Override
                public double get(int i) {
                    return sorted[i];
                }
            };
        }
    }

    /**
     * Average precision, the usual estimate of the area under the precision-recall curve:
     * {@code AP = sum_t (R_t - R_{t-1}) * P_t} over the distinct score values {@code t} taken as
     * thresholds from the highest down, where {@code P_t} and {@code R_t} are the precision and recall
     * of predicting "anomaly" for every score {@code >= t}. Tied scores form one threshold, exactly as
     * in scikit-learn's {@code average_precision_score} (no interpolation). All scores tied gives
     * the share of anomalies.
     *
     * @throws IllegalArgumentException on bad input, including labels of one class only
     */
    public static double averagePrecision(double[] scores, int[] labels) {
        TieGroups g = TieGroups.of("Average precision", scores, labels);
        int[] pos = g.pos();
        int[] neg = g.neg();
        double sum = 0;
        long truePositives = 0;
        long predicted = 0;
        for (int i = 0; i < g.count(); i++) {
            truePositives += pos[i];
            predicted += pos[i] + neg[i];
            // Recall rises by pos[i] / positives at this threshold; weight it by the precision there.
            if (pos[i] > 0) {
                sum += pos[i] * ((double) truePositives / predicted);
            }
        }
        return sum / g.positives();
    }

    /**
     * F1 of the top {@code k} rows taken as anomalies, {@code k} = the number of anomalies (DTE's
     * F1: its {@code low_density_anomalies} picks the {@code k} most anomalous rows and scores them
     * with scikit-learn's {@code f1_score}). With exactly {@code k} predicted and {@code k} true
     * anomalies, precision = recall = F1 = {@code hits / k}.
     *
     * <p>Ties at the k-th place: when a group of {@code g} tied scores straddles the cut, holding
     * {@code a} anomalies, of which only {@code m} rows fit into the top {@code k}, that group
     * contributes {@code m * a / g} hits: the expected F1 when the ties are broken uniformly at random.
     * DTE breaks them arbitrarily ({@code numpy.argpartition}); the expectation keeps the result
     * independent of row order, and equals DTE's value whenever the k-th and (k+1)-th scores differ.
     * All scores tied gives the share of anomalies.
     *
     * <p>Unlike PyOD's {@code get_label_n} ({@code scores > percentile(scores, 100 * (1 - rate))}),
     * this never predicts more or fewer than {@code k} rows; the two agree when scores are untied
     * around the cut.
     *
     * @throws IllegalArgumentException on bad input, including labels of one class only
     */
    public static double f1AtK(double[] scores, int[] labels) {
        TieGroups g = TieGroups.of("F1@k", scores, labels);
        int[] pos = g.pos();
        int[] neg = g.neg();
        long k = g.positives();
        long taken = 0;
        double hits = 0;
        for (int i = 0; i < g.count() && taken < k; i++) {
            long size = (long) pos[i] + neg[i];
            long take = Math.min(size, k - taken);
            // A whole group adds its anomalies exactly; a group straddling the cut adds its expected share.
            hits += take == size ? pos[i] : (double) take * pos[i] / size;
            taken += take;
        }
        return hits / k;
    }

    /**
     * The scores' distinct values from the highest down, with how many anomalies ({@code pos}) and
     * normals ({@code neg}) hold each value. Built by sorting the anomalies' and the normals' scores
     * separately (primitive sorts, no boxing) and merging them from the top.
     */
    private record TieGroups(int[] pos, int[] neg, int count, long positives, long negatives) {

        static TieGroups of(String metric, double[] scores, int[] labels) {
            Split split = Split.of(metric, scores, labels);
            double[] posScores = split.positive();
            double[] negScores = split.negative();
            int positives = posScores.length;
            int negatives = negScores.length;
            int[] pos = new int[labels.length];
            int[] neg = new int[labels.length];
            int groups = 0;
            int p = positives - 1;
            int n = negatives - 1;
            while (p >= 0 || n >= 0) {
                double top = p < 0 ? negScores[n] : n < 0 ? posScores[p] : Math.max(posScores[p], negScores[n]);
                while (p >= 0 && posScores[p] == top) {
                    pos[groups]++;
                    p--;
                }
                while (n >= 0 && negScores[n] == top) {
                    neg[groups]++;
                    n--;
                }
                groups++;
            }
            return new TieGroups(pos, neg, groups, positives, negatives);
        }
    }

    /** The anomalies' and the normals' scores, each sorted ascending, after checking the input. */
    private record Split(double[] positive, double[] negative) {

        static Split of(String metric, double[] scores, int[] labels) {
            if (scores == null || labels == null) {
                throw new IllegalArgumentException(metric + " needs scores and labels, got "
                        + (scores == null ? "no scores" : "no labels"));
            }
            if (scores.length != labels.length) {
                throw new IllegalArgumentException(metric + ": " + scores.length + " scores for "
                        + labels.length + " labels");
            }
            int positives = 0;
            for (int r = 0; r < labels.length; r++) {
                if (labels[r] != 0 && labels[r] != 1) {
                    throw new IllegalArgumentException(metric + ": label at row " + r + " is " + labels[r]
                            + "; labels must be 0 (normal) or 1 (anomaly)");
                }
                if (Double.isNaN(scores[r])) {
                    throw new IllegalArgumentException(metric + ": score at row " + r + " is NaN");
                }
                positives += labels[r];
            }
            int negatives = labels.length - positives;
            if (positives == 0 || negatives == 0) {
                throw new IllegalArgumentException(labels.length == 0
                        ? metric + " needs both classes: there are no labels"
                        : metric + " needs both classes: all " + labels.length + " labels are "
                                + (positives == 0 ? 0 : 1));
            }
            double[] posScores = new double[positives];
            double[] negScores = new double[negatives];
            int p = 0;
            int n = 0;
            for (int r = 0; r < labels.length; r++) {
                // + 0.0 turns -0.0 into 0.0: Arrays.sort orders them apart, but they are one score.
                if (labels[r] == 1) {
                    posScores[p++] = scores[r] + 0.0;
                } else {
                    negScores[n++] = scores[r] + 0.0;
                }
            }
            Arrays.sort(posScores);
            Arrays.sort(negScores);
            return new Split(posScores, negScores);
        }
    }
}
