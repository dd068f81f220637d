package dtad.cli;

import dtad.image.ImageShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feature names for flattened pixels, {@code c<channel>_y<row>_x<column>} in the images' (channel, row, column)
 * order: a tabular model fitted on images keeps them as its feature names, so its model file records the
 * image shape without a new field, and scoring can check images against it.
 */
final class PixelNames {
    private static final Pattern NAME = Pattern.compile("c(\\d+)_y(\\d+)_x(\\d+)");

    private PixelNames() {
    }

    /** The names of the {@code shape.values()} pixels of images of {@code shape}. */
    static List<String> of(ImageShape shape) {
        List<String> names = new ArrayList<>(shape.values());
        for (int c = 0; c < shape.channels(); c++) {
            for (int y = 0; y < shape.height(); y++) {
                for (int x = 0; x < shape.width(); x++) {
                    names.add("c" + c + "_y" + y + "_x" + x);
                }
            }
        }
        return names;
    }

    /** The image shape whose pixel names these are, or empty for other names (or none). */
    static Optional<ImageShape> shapeOf(List<String> names) {
        if (names == null || names.isEmpty() || !names.get(0).equals("c0_y0_x0")) {
            return Optional.empty();
        }
        Matcher last = NAME.matcher(names.get(names.size() - 1));
        if (!last.matches()) {
            return Optional.empty();
        }
        try {
            ImageShape shape = new ImageShape(Integer.parseInt(last.group(1)) + 1, Integer.parseInt(last.group(2)) + 1,
                    Integer.parseInt(last.group(3)) + 1);
            return shape.values() == names.size() ? Optional.of(shape) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // numbers too large for a shape: not pixel names
        }
    }
}
