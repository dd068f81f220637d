package dtad.torch;

/** Decides after each epoch whether training stops early (an early-stopping hook of the training loop). */
@FunctionalInterface
public interface StoppingRule {
    /** Never stops early: every epoch runs (the reference implementations' behaviour). */
    StoppingRule NEVER = (epoch, loss) -> false;

    /**
     * @param epochsDone the number of epochs finished
     * @param meanLoss   the mean batch loss of the last epoch
     * @return true to stop now
     */
    boolean stop(int epochsDone, double meanLoss);
}
