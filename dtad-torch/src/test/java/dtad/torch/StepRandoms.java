package dtad.torch;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;

/** Seeded step randoms for tests outside this package (the constructor is the training loop's). */
public final class StepRandoms {
    private StepRandoms() {
    }

    public static StepRandom seeded(long seed, NDManager manager) {
        return new StepRandom(new SplittableRandom(seed), manager);
    }
}
