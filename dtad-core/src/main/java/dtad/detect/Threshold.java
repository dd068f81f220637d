package dtad.detect;

import dtad.metrics.Quantile;

/**
 * How scores become 0/1 labels: a score above the cut-off is an anomaly. The cut-off comes from the
 * model's training scores ({@link Contamination}, as PyOD's {@code contamination}) or is given
 * ({@link FixedScore}). The single place where labels are made from scores.
 */
public sealed interface Threshold {

    /** The cut-off for a model with these training scores. */
    double cutoff(double[] trainingScores);

    /** Labels 1 for scores strictly above the cut-off, 0 otherwise. */
    default int[] labels(double[] scores, double[] trainingScores) {
        double cut = cutoff(trainingScores);
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = scores[i] > cut ? 1 : 0;
        }
        return out;
    }

    /**
     * The expected share of anomalies among the training rows: the cut-off is the
     * {@code (1 - rate)} quantile of the training scores (linear interpolation, as numpy's percentile:
     * {@link Quantile#linear}).
     */
    record Contamination(double rate) implements Threshold {
        public Contamination {
            if (!(rate > 0 && rate < 0.5)) {
                throw new IllegalArgumentException("Invalid contamination rate: " + rate + " (must be in (0, 0.5))");
            }
        }

        @Override
        public double cutoff(double[] trainingScores) {
            if (trainingScores.length == 0) {
                throw new IllegalArgumentException("A contamination threshold needs the model's training scores");
            }
            return Quantile.linear(trainingScores, 1 - rate);
        }
    }

    /** A cut-off on the score scale of the model. */
    record FixedScore(double value) implements Threshold {
        public FixedScore {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("Invalid score threshold: " + value);
            }
        }

        @Override
        public double cutoff(double[] trainingScores) {
            return value;
        }
    }
}
