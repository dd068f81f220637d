package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine loads offline from the native jar; this fails (never skips) where it cannot. */
class TorchEngineTest {

    @Test
    void loadsPyTorchOfflineWithOneIntraOpThread() {
        assertEquals("PyTorch", TorchEngine.engine().getEngineName());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals(1, TorchEngine.threads());
    }

    @Test
    void aNetworkThatTrainsOnAllCoresTakesTheTrainingThreadsForItsFitOnly() {
        Network small = new Mlp(3, List.of(4), 1, 0);
        Network wide = new Network() {
            @Override
            public ParameterLayout layout() {
                return small.layout();
            }

            @Override
            public NDArray forward(NDList weights, NDArray input) {
                return small.forward(weights, input);
            }

            @Override
            public NDArray forwardTraining(NDList weights, NDArray input, StepRandom random) {
                return small.forwardTraining(weights, input, random);
            }

            @Override
            public boolean trainsOnAllCores() {
                return true;
            }
        };
        // The build sets ai.djl.pytorch.num_threads=1, which the default for a network on every core respects.
        assertEquals(1, TorchEngine.trainingThreads(small));
        assertEquals(1, TorchEngine.trainingThreads(wide));
        System.setProperty(TorchEngine.TRAINING_THREADS, "2");
        try {
            assertEquals(2, TorchEngine.trainingThreads(wide));
            assertEquals(1, TorchEngine.trainingThreads(small));
        } finally {
            System.clearProperty(TorchEngine.TRAINING_THREADS);
        }
        assertEquals(2, TorchEngine.withThreads(2, TorchEngine::threads));
        assertEquals(1, TorchEngine.threads(), "restored after the work");
    }

    @Test
    void exclusiveWorkRunsAndReturnsItsValue() {
        assertEquals(42, TorchEngine.exclusively(() -> TorchEngine.exclusively(() -> 42)));
    }
}
