package dtad.torch.dte;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.torch.Tensors;
import dtad.torch.TorchEngine;
import org.junit.jupiter.api.Test;

/** The DTE losses against values computed once with PyTorch 1.13 on the same tensors. */
class DteLossTest {
    private static final float[] LOGITS = {0.5f, -1.0f, 2.0f, 0.0f, 0.3f, -0.7f};
    private static final long[] TARGETS = {2, 0};

    @Test
    void referenceLossIsCrossEntropyOfTheSoftmaxAsPublished() {
        // torch.nn.CrossEntropyLoss()(torch.softmax(logits, 1), target)
        try (NDManager m = TorchEngine.newManager()) {
            float loss = CategoricalDTE.Loss.REFERENCE.apply(Tensors.floats(m, LOGITS, new Shape(2, 3)),
                    Tensors.longs(m, TARGETS, new Shape(2, 1))).getFloat();
            assertEquals(0.894917905330658, loss, 1e-6);
        }
    }

    @Test
    void standardLossIsCrossEntropyOfTheLogits() {
        // torch.nn.CrossEntropyLoss()(logits, target)
        try (NDManager m = TorchEngine.newManager()) {
            float loss = CategoricalDTE.Loss.STANDARD.apply(Tensors.floats(m, LOGITS, new Shape(2, 3)),
                    Tensors.longs(m, TARGETS, new Shape(2, 1))).getFloat();
            assertEquals(0.6436909437179565, loss, 1e-6);
        }
    }

    @Test
    void inverseGammaLossIsTheReferenceNegativeLogLikelihood() {
        // -((0.5 * 5 - 1) * log(u^2 + 1e-5) - u^2 / var).mean() for d = 5
        try (NDManager m = TorchEngine.newManager()) {
            float loss = InverseGammaDTE.negativeLogLikelihood(
                    Tensors.floats(m, new float[] {0.5f, -1.5f, 2.0f}, new Shape(3, 1)),
                    Tensors.floats(m, new float[] {0.1f, 0.5f, 0.9f}, new Shape(3, 1)), 5).getFloat();
            assertEquals(3.4093263149261475, loss, 1e-5);
        }
    }

    @Test
    void inverseGammaLossOfSeveralHeadsIsTheMeanOfEachHeadsLoss() {
        try (NDManager m = TorchEngine.newManager()) {
            float[] variance = {0.1f, 0.5f, 0.9f};
            float[] first = {0.5f, -1.5f, 2.0f};
            float[] second = {0.1f, 3.0f, -0.4f};
            float[] both = new float[6];
            for (int i = 0; i < 3; i++) {
                both[2 * i] = first[i];
                both[2 * i + 1] = second[i];
            }
            float together = InverseGammaDTE.negativeLogLikelihood(Tensors.floats(m, both, new Shape(3, 2)),
                    Tensors.floats(m, variance, new Shape(3, 1)), 5).getFloat();
            float alone = InverseGammaDTE.negativeLogLikelihood(Tensors.floats(m, first, new Shape(3, 1)),
                    Tensors.floats(m, variance, new Shape(3, 1)), 5).getFloat();
            float other = InverseGammaDTE.negativeLogLikelihood(Tensors.floats(m, second, new Shape(3, 1)),
                    Tensors.floats(m, variance, new Shape(3, 1)), 5).getFloat();
            assertEquals(3.4093263149261475, alone, 1e-5);
            assertEquals((alone + other) / 2, together, 1e-5);
        }
    }

    @Test
    void gaussianLossIsMeanSquaredError() {
        try (NDManager m = TorchEngine.newManager()) {
            float loss = GaussianDTE.meanSquaredError(
                    Tensors.floats(m, new float[] {1.0f, 2.5f, -3.0f}, new Shape(3, 1)),
                    Tensors.floats(m, new float[] {0.0f, 3.0f, 1.0f}, new Shape(3, 1))).getFloat();
            assertEquals(5.75, loss, 1e-6);
        }
    }
}
