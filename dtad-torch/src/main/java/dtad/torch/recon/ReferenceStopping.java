package dtad.torch.recon;

import dtad.torch.StoppingRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The DDPM reference's early stop ({@code diffusion/ddpm.py}): once more than 51 epochs are done
 * ({@code epoch > 50}, counting from 0), stop as soon as the epoch's mean loss exceeds the one of
 * {@code train_losses[len - 40]}, i.e. the epoch 39 epochs earlier. Stateful: one per fit.
 */
final class ReferenceStopping implements StoppingRule {
    private static final int AFTER = 50;
    private static final int LAG = 40;

    private final List<Double> losses = new ArrayList<>();

    @Override
    public boolean stop(int epochsDone, double meanLoss) {
        losses.add(meanLoss);
        int n = losses.size();
        // The reference's epoch index is epochsDone - 1; it compares train_losses[-1] with train_losses[n - 40].
        return epochsDone - 1 > AFTER && losses.get(n - 1) > losses.get(n - LAG);
    }
}
