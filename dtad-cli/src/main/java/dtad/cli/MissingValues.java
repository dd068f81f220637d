package dtad.cli;

import dtad.io.DataTable;
import dtad.io.Messages;
import java.util.ArrayList;
import java.util.List;

/** Says how the missing cells of a data file are filled, and refuses a training column with no values. */
final class MissingValues {
    private static final int MAX_LISTED = 10;

    private MissingValues() {
    }

    /**
     * One line such as {@code Filled 424 missing cells with the training column mean: amount 400, age 24},
     * or empty when nothing is missing.
     */
    static String report(DataTable table) {
        int[] counts = table.missingPerColumn();
        long total = 0;
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < counts.length; j++) {
            total += counts[j];
            if (counts[j] > 0) {
                parts.add(Messages.clip(table.featureName(j)) + " " + counts[j]);
            }
        }
        if (total == 0) {
            return "";
        }
        if (parts.size() > MAX_LISTED) {
            int more = parts.size() - MAX_LISTED;
            parts = new ArrayList<>(parts.subList(0, MAX_LISTED));
            parts.add("... (" + more + " more columns)");
        }
        return "Filled " + total + " missing cell" + (total == 1 ? "" : "s") + " with the training column mean: "
                + String.join(", ", parts);
    }

    /** Refuses a training column whose every cell is missing (its mean, the fill value, would be undefined). */
    static void requireValues(DataTable table, Object source) {
        int[] counts = table.missingPerColumn();
        int rows = table.data().x().rows();
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] == rows) {
                String name = Messages.clip(table.featureName(j));
                throw new IllegalArgumentException(source + ": column '" + name + "' has no values (all " + rows
                        + " cells are empty); leave it out with --drop-columns " + name);
            }
        }
    }
}
