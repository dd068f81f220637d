package dtad.cli;

import dtad.data.Matrix;
import dtad.io.DataTable;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Spots a feature column that is probably a label left in by mistake: its values are 0 and 1 only (both
 * present, missing cells aside) and its name reads like a label (label, y, class, target, outlier,
 * is_*, anything with anomal or fraud).
 */
final class LabelLookalike {
    private static final Pattern NAME = Pattern.compile(
            "label|labels|y|class|target|outlier|is_.*|.*anomal.*|.*fraud.*");

    private LabelLookalike() {
    }

    /** The first feature column that looks like a label, if any. */
    static Optional<String> find(DataTable table) {
        if (table.featureNames() == null) {
            return Optional.empty();
        }
        Matrix x = table.data().x();
        for (int j = 0; j < x.columns(); j++) {
            String name = table.featureName(j);
            if (NAME.matcher(name.toLowerCase(Locale.ROOT)).matches() && isZeroOne(x, j)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static boolean isZeroOne(Matrix x, int column) {
        boolean zero = false;
        boolean one = false;
        for (int r = 0; r < x.rows(); r++) {
            double v = x.get(r, column);
            if (v == 0) {
                zero = true;
            } else if (v == 1) {
                one = true;
            } else if (!Double.isNaN(v)) {
                return false;
            }
        }
        return zero && one;
    }
}
