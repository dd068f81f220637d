package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReferenceStoppingTest {
    /** The epoch (1-based) at which training stops for these epoch losses, or -1. */
    private static int stopsAt(double[] losses) {
        ReferenceStopping rule = new ReferenceStopping();
        for (int e = 0; e < losses.length; e++) {
            if (rule.stop(e + 1, losses[e])) {
                return e + 1;
            }
        }
        return -1;
    }

    @Test
    void neverStopsBeforeEpoch52EvenWhenTheLossRises() {
        double[] rising = new double[60];
        for (int e = 0; e < rising.length; e++) {
            rising[e] = e;
        }
        // The reference tests `epoch > 50` with epoch counted from 0: the first test is after epoch 52.
        assertEquals(52, stopsAt(rising));
    }

    @Test
    void comparesWithTheLoss39EpochsEarlier() {
        double[] losses = new double[100];
        for (int e = 0; e < losses.length; e++) {
            losses[e] = 1.0 / (e + 1); // falling: never stops
        }
        assertEquals(-1, stopsAt(losses));
        // Epoch 70 (index 69) rises above the loss of index 69 - 39 = 30, but not above index 29.
        losses[69] = (losses[30] + losses[29]) / 2;
        assertEquals(70, stopsAt(losses));
        losses[69] = (losses[31] + losses[30]) / 2;
        assertEquals(-1, stopsAt(losses), "only the loss exactly 39 epochs earlier counts");
    }
}
