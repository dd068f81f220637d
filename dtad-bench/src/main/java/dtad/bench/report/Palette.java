package dtad.bench.report;

import java.awt.Color;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One colour per method, the same in every plot and table of a report: the Tableau 10 colours in
 * method order, then further hues spaced by the golden angle.
 */
final class Palette {
    private static final int[] TABLEAU_10 = {
        0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC
    };

    private final Map<String, Color> colors;

    private Palette(Map<String, Color> colors) {
        this.colors = colors;
    }

    static Palette of(List<String> methods) {
        Map<String, Color> colors = new HashMap<>();
        for (int i = 0; i < methods.size(); i++) {
            colors.put(methods.get(i), color(i));
        }
        return new Palette(colors);
    }

    /** The colour of a method; a method the palette was not made for is refused. */
    Color color(String method) {
        Color c = colors.get(method);
        if (c == null) {
            throw new IllegalArgumentException("No colour for method " + method);
        }
        return c;
    }

    /** {@code #4e79a7} */
    String hex(String method) {
        return String.format(Locale.ROOT, "#%06x", color(method).getRGB() & 0xFFFFFF);
    }

    private static Color color(int index) {
        if (index < TABLEAU_10.length) {
            return new Color(TABLEAU_10[index]);
        }
        float hue = (float) ((index - TABLEAU_10.length) * 0.381966 % 1.0);
        return Color.getHSBColor(hue, 0.55f, 0.75f);
    }
}
