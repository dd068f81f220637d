package dtad.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThresholdTest {

    /**
     * Training scores 1..100 in a shuffled order, contamination 0.05: the cut-off is numpy's
     * {@code np.percentile(scores, 95) == 95.05} exactly, and exactly the five training rows scoring
     * 96..100 are labelled anomalous (PyOD's {@code threshold_} and {@code labels_}).
     */
    @Test
    void contaminationCutsAtNumpysPercentileAndLabelsExactlyTheRowsAbove() {
        List<Integer> order = new ArrayList<>(IntStream.rangeClosed(1, 100).boxed().toList());
        Collections.shuffle(order, new Random(7));
        double[] training = order.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] copy = training.clone();
        Threshold threshold = new Threshold.Contamination(0.05);

        assertEquals(95.05, threshold.cutoff(training));
        int[] labels = threshold.labels(training, training);
        for (int i = 0; i < training.length; i++) {
            assertEquals(training[i] > 95 ? 1 : 0, labels[i], "row scoring " + training[i]);
        }
        assertEquals(5, Arrays.stream(labels).sum());
        assertArrayEquals(copy, training, "the training scores are left as they were");
    }

    @Test
    void aScoreEqualToTheCutoffIsNormal() {
        double[] training = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
        assertArrayEquals(new int[] {0, 1, 0}, new Threshold.Contamination(0.05)
                .labels(new double[] {95.05, Math.nextUp(95.05), 95}, training));
    }

    @Test
    void fixedScoreIgnoresTheTrainingScores() {
        assertArrayEquals(new int[] {0, 1}, new Threshold.FixedScore(2).labels(new double[] {2, 2.5}, new double[0]));
    }
}
