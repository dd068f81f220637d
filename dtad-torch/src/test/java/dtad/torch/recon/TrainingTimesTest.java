package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dtad.torch.StepRandom;
import dtad.torch.StepRandoms;
import dtad.torch.TorchEngine;
import dtad.torch.recon.ReconstructionSettings.Score;
import dtad.torch.recon.ReconstructionSettings.TrainTimes;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code train_t}: the fit trains at every diffusion time, or only at those the score reads. */
class TrainingTimesTest {
    private static final ReconstructionSettings ONE_STEP = new ReconstructionSettings(100, List.of(50, 80), false,
            false, false).withScore(Score.ONE_STEP, 2).withTrainTimes(TrainTimes.SCORED);

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    @Test
    void scoredTimesAreWhatTheScoreReads() {
        // One step from 50 reads t = 49; training starts at 80% of 50.
        assertArrayEquals(range(40, 100), ONE_STEP.trainingTimes());
        assertArrayEquals(IntStream.concat(IntStream.range(0, 5), IntStream.range(40, 100)).toArray(),
                ONE_STEP.withLocalStart(5).trainingTimes(), "and the local chain's times");
        assertArrayEquals(range(0, 100), ONE_STEP.withLocalStart(60).trainingTimes(), "a local chain covering the gap");
        // A chain from 30 reads t = 29 .. 0.
        assertArrayEquals(range(0, 30), ONE_STEP.withScore(Score.CHAIN, 1).withStarts(List.of(10, 30)).trainingTimes());
        // One step from 1 reads t = 0: the margin never passes the time read.
        assertArrayEquals(range(0, 100), ONE_STEP.withStarts(List.of(1)).trainingTimes());
        assertArrayEquals(range(0, 100), ONE_STEP.withTrainTimes(TrainTimes.ALL).trainingTimes());
    }

    @Test
    void theFitDrawsTheTrainingTimesUniformly() {
        NoisePrediction objective = NoisePrediction.of(ONE_STEP.withLocalStart(5));
        int[] counts = new int[100];
        int draws = 65_000;
        try (NDManager manager = TorchEngine.newManager()) {
            StepRandom random = StepRandoms.seeded(7, manager);
            for (int i = 0; i < draws; i++) {
                counts[objective.drawTime(random)]++;
            }
        }
        int expected = draws / 65;
        for (int t = 0; t < 100; t++) {
            if (t < 5 || t >= 40) {
                assertEquals(expected, counts[t], 5 * Math.sqrt(expected), "time " + t);
            } else {
                assertEquals(0, counts[t], "time " + t + " is never read by the score");
            }
        }
    }

    @Test
    void everyNetworkTrainsAtEveryTimeByDefault() {
        assertEquals(TrainTimes.ALL, ImageDiT.defaults().reconstruction().trainTimes());
        assertEquals(TrainTimes.ALL, ImageDDPM.defaults().reconstruction().trainTimes());
        assertEquals(TrainTimes.ALL, DDPM.defaults().reconstruction().trainTimes());
        assertEquals(TrainTimes.ALL, DiT.defaults().reconstruction().trainTimes());
        assertEquals(TrainTimes.SCORED, ImageDiT.builder().set(ReconstructionParameters.TRAIN_T, TrainTimes.SCORED)
                .build().reconstruction().trainTimes());
    }
}
