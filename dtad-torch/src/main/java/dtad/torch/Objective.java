package dtad.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * What a network detector minimises: the loss of one mini-batch of clean training rows. The
 * objective draws whatever its loss needs (diffusion times, noise) from the step's {@link StepRandom},
 * whose tensors live in the step's manager, so that everything a step makes is freed with the step.
 */
@FunctionalInterface
public interface Objective {

    /**
     * The scalar loss of a batch, computed with gradients recorded.
     *
     * @param network the network being trained
     * @param weights its parameter tensors
     * @param batch   clean standardized rows, {@code [rows, features]} float32, in this step's manager
     * @param random  this step's random draws
     */
    NDArray loss(Network network, NDList weights, NDArray batch, StepRandom random);

    /** Makes the objective of one fit; constants it needs (lookup tables) go into {@code fitManager}. */
    @FunctionalInterface
    interface Factory {
        Objective create(NDManager fitManager);
    }
}
