package dtad.torch.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dtad.InputException;
import dtad.image.ImageShape;
import org.junit.jupiter.api.Test;

class ImageSizeTest {
    @Test
    void infersSquareGreyThenSquareColourThenOneRowOfPixels() {
        assertEquals(new ImageShape(1, 28, 28), ImageSize.INFERRED.resolve(784));
        assertEquals(new ImageShape(3, 32, 32), ImageSize.INFERRED.resolve(3072));
        assertEquals(new ImageShape(1, 1, 5), ImageSize.INFERRED.resolve(5));
    }

    @Test
    void configuredShapeMustMatchTheRowWidth() {
        assertEquals(new ImageShape(3, 10, 14), new ImageSize(3, 10, 14).resolve(420));
        InputException e = assertThrows(InputException.class, () -> new ImageSize(3, 10, 14).resolve(421));
        assertEquals("The images are 3x10x14 (420 values per row), the data has 421 columns", e.getMessage());
    }
}
