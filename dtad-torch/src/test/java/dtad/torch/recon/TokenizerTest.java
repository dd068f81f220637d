package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dtad.torch.Tensors;
import dtad.torch.TorchEngine;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void automaticPatchGivesAtMost32Tokens() {
        assertEquals(1, Tokenizer.automatic(6, 32).patch());
        assertEquals(6, Tokenizer.automatic(6, 32).tokens());
        assertEquals(1, Tokenizer.automatic(32, 32).patch());
        assertEquals(2, Tokenizer.automatic(33, 32).patch());
        assertEquals(17, Tokenizer.automatic(33, 32).tokens());
        assertEquals(16, Tokenizer.automatic(512, 32).patch());
        assertEquals(32, Tokenizer.automatic(512, 32).tokens());
        assertThrows(IllegalArgumentException.class, () -> new Tokenizer(5, 0));
    }

    @Test
    void groupsConsecutiveFeaturesPadsWithZerosAndRoundTrips() {
        Tokenizer tokenizer = new Tokenizer(5, 2);
        try (NDManager manager = TorchEngine.newManager()) {
            float[] rows = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
            NDArray tokens = tokenizer.tokenize(Tensors.floats(manager, rows, new Shape(2, 5)));
            assertEquals(new Shape(2, 3, 2), tokens.getShape());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 0, 6, 7, 8, 9, 10, 0}, tokens.toFloatArray());
            assertArrayEquals(rows, tokenizer.untokenize(tokens).toFloatArray());
        }
    }
}
