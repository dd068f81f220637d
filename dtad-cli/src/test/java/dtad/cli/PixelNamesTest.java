package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtad.image.ImageShape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PixelNamesTest {
    @Test
    void namesFollowTheFlattenedOrderAndGiveTheShapeBack() {
        ImageShape shape = new ImageShape(3, 2, 4);
        List<String> names = PixelNames.of(shape);
        assertEquals(24, names.size());
        assertEquals("c0_y0_x0", names.get(0));
        assertEquals("c1_y1_x2", names.get(shape.index(1, 1, 2)));
        assertEquals(Optional.of(shape), PixelNames.shapeOf(names));
    }

    @Test
    void otherNamesAreNoShape() {
        assertEquals(Optional.empty(), PixelNames.shapeOf(null));
        assertEquals(Optional.empty(), PixelNames.shapeOf(List.of("amount", "age")));
        assertEquals(Optional.empty(), PixelNames.shapeOf(List.of("c0_y0_x0", "c0_y0_x5")), "count disagrees");
        assertEquals(Optional.empty(), PixelNames.shapeOf(List.of("c0_y0_x0", "c0_y0_x99999999999")));
    }
}
