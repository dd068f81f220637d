package dtad.torch.dte;

import static dtad.torch.ReferenceFixtures.assertClose;
import static dtad.torch.ReferenceFixtures.assertStep;
import static dtad.torch.ReferenceFixtures.floats;
import static dtad.torch.ReferenceFixtures.ints;
import static dtad.torch.ReferenceFixtures.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dtad.diffusion.NoiseSchedule;
import dtad.torch.Adam;
import dtad.torch.Mlp;
import dtad.torch.NetworkParameters;
import dtad.torch.ReferenceFixtures;
import dtad.torch.StepRandom;
import dtad.torch.Tensors;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DTE networks against a PyTorch re-implementation of the reference ({@code diffusion/dte.py}'s MLP
 * and losses, {@code docs/reference/network_fixtures.py}): on fixed weights and fixed noised rows, the
 * scoring output, the training loss, its gradient and the weights after one Adam step with the DTE
 * defaults (lr 1e-4, weight decay 5e-4) agree to float32 precision. The losses are written here as facts;
 * the arrays are fixtures. Dropout is 0 (dtad draws its masks in Java, so only its rate can be compared).
 */
class DteReferenceTest {
    private static final int FEATURES = 5;
    private static final int ROWS = 8;
    private static final List<Integer> HIDDEN = List.of(8, 16, 8);
    private static final int STEPS = 400;

    /** The fixtures' diffusion time of each noised row. */
    private static final int[] TIMES = ints("dte_times");

    /** dtad's optimiser for DTE as configured by default (the reference's Adam settings). */
    private static Adam adam() {
        return CategoricalDTE.defaults().training().adam();
    }

    private static NDArray noised(StepRandom random) {
        return tensor(random.manager(), "dte_noised", ROWS, FEATURES);
    }

    /** Forward output, loss, gradient and one Adam step of the network against the fixtures named {@code name}. */
    private static void check(String name, Mlp network, float expectedLoss, ReferenceFixtures.Loss loss,
                              ReferenceFixtures.Head head) {
        float[] weights = floats(name + "_weights");
        assertClose(floats(name + "_forward"), ReferenceFixtures.evaluate(network, weights, null, head),
                name + " forward");
        ReferenceFixtures.Step step = ReferenceFixtures.step(network, weights, null, adam(), loss);
        assertEquals(expectedLoss, step.loss(), ReferenceFixtures.RELATIVE * Math.abs(expectedLoss), name + " loss");
        assertClose(floats(name + "_gradient"), step.gradient(), name + " gradient");
        assertStep(weights, floats(name + "_after_step"), step.weights(), name + " Adam step");
    }

    private static ReferenceFixtures.Head forward(Mlp network) {
        return (state, manager) -> network.forward(state, tensor(manager, "dte_noised", ROWS, FEATURES));
    }

    private static NDArray bins(CategoricalDTE detector, StepRandom random) {
        long[] binOf = detector.binOfTime();
        long[] targets = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            targets[i] = binOf[TIMES[i]];
        }
        return random.longs(new Shape(ROWS, 1), targets);
    }

    private static CategoricalDTE categorical(CategoricalDTE.Loss loss) {
        return CategoricalDTE.builder().set(CategoricalDTE.STEPS, STEPS).set(CategoricalDTE.BINS, 7)
                .set(CategoricalDTE.LOSS, loss).set(NetworkParameters.HIDDEN, HIDDEN).set(NetworkParameters.DROPOUT, 0.0)
                .build();
    }

    @Test
    void categoricalMatchesTorchWithCrossEntropyOfTheLogits() {
        CategoricalDTE detector = categorical(CategoricalDTE.Loss.STANDARD);
        Mlp network = detector.network(FEATURES);
        check("dtec", network, 2.1171555519104004f,
                (state, random) -> detector.loss().apply(network.forwardTraining(state, noised(random), random),
                        bins(detector, random)), forward(network));
        // The score: the expected bin under the softmax.
        assertClose(floats("dtec_expected_bin"), ReferenceFixtures.evaluate(network, floats("dtec_weights"), null,
                (state, manager) -> CategoricalDTEModel.expectedBin(network, state,
                        tensor(manager, "dte_noised", ROWS, FEATURES))), "dtec expected bin");
    }

    @Test
    void categoricalMatchesTorchWithThePublishedDoubleSoftmax() {
        CategoricalDTE detector = categorical(CategoricalDTE.Loss.REFERENCE);
        Mlp network = detector.network(FEATURES);
        check("dtec_reference", network, 1.9389328956604004f,
                (state, random) -> detector.loss().apply(network.forwardTraining(state, noised(random), random),
                        bins(detector, random)), forward(network));
    }

    @Test
    void inverseGammaMatchesTorch() {
        InverseGammaDTE detector = InverseGammaDTE.builder().set(InverseGammaDTE.STEPS, STEPS)
                .set(InverseGammaDTE.SCORE, InverseGammaDTE.Score.BETA).set(InverseGammaDTE.HEADS, 1)
                .set(InverseGammaDTE.MEMBERS, 1).set(NetworkParameters.HIDDEN, HIDDEN)
                .set(NetworkParameters.DROPOUT, 0.0).build();
        Mlp network = detector.network(FEATURES);
        NoiseSchedule schedule = NoiseSchedule.linear(STEPS);
        float[] variance = new float[ROWS];
        for (int i = 0; i < ROWS; i++) {
            variance[i] = (float) schedule.variance(TIMES[i]);
        }
        check("dteig", network, 8.581600189208984f, (state, random) -> InverseGammaDTE.negativeLogLikelihood(
                network.forwardTraining(state, noised(random), random),
                Tensors.floats(random.manager(), variance, new Shape(ROWS, 1)), FEATURES), forward(network));
    }

    @Test
    void gaussianMatchesTorch() {
        GaussianDTE detector = GaussianDTE.builder().set(GaussianDTE.STEPS, STEPS).set(NetworkParameters.HIDDEN, HIDDEN)
                .set(NetworkParameters.DROPOUT, 0.0).build();
        Mlp network = detector.network(FEATURES);
        float[] times = new float[ROWS];
        for (int i = 0; i < ROWS; i++) {
            times[i] = TIMES[i];
        }
        check("dteg", network, 69736.9921875f, (state, random) -> GaussianDTE.meanSquaredError(
                network.forwardTraining(state, noised(random), random),
                Tensors.floats(random.manager(), times, new Shape(ROWS, 1))), forward(network));
    }
}
