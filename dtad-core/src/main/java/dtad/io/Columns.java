package dtad.io;

import dtad.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The role of each column of a table with named columns: the label column, the id column, dropped
 * columns, and the features (all others, in file order). Names given in {@link ReadOptions} must exist
 * and must not name one column twice.
 */
public final class Columns {
    final int label;
    final int id;
    final boolean[] dropped;

    /** The label column's index (from 0), or -1. */
    public int label() {
        return label;
    }

    /** The id column's index (from 0), or -1. */
    public int id() {
        return id;
    }

    private Columns(int label, int id, boolean[] dropped) {
        this.label = label;
        this.id = id;
        this.dropped = dropped;
    }

    /** @param where the file and line of the header, for messages */
    public static Columns resolve(String[] names, ReadOptions options, String where) {
        boolean[] taken = new boolean[names.length];
        int label = options.labelColumn() == null ? -1 : find(names, options.labelColumn(), "the labels", where, taken);
        int id = options.idColumn() == null ? -1 : find(names, options.idColumn(), "the ids", where, taken);
        boolean[] dropped = new boolean[names.length];
        for (String drop : options.dropColumns()) {
            dropped[find(names, drop, "--drop-columns", where, taken)] = true;
        }
        return new Columns(label, id, dropped);
    }

    private static int find(String[] names, String wanted, String role, String where, boolean[] taken) {
        for (int column = 0; column < names.length; column++) {
            if (names[column].equals(wanted.strip())) {
                if (taken[column]) {
                    throw new InputException(where + ": column '" + Messages.clip(wanted)
                            + "' is named twice among the label, id and dropped columns");
                }
                taken[column] = true;
                return column;
            }
        }
        throw new InputException(where + ": no column named '" + Messages.clip(wanted) + "' for " + role
                + "; columns: " + Messages.list(List.of(names)));
    }

    public int features() {
        int count = 0;
        for (int column = 0; column < dropped.length; column++) {
            count += isFeature(column) ? 1 : 0;
        }
        return count;
    }

    public boolean isFeature(int column) {
        return column != label && column != id && !dropped[column];
    }

    public List<String> featureNames(String[] names) {
        List<String> out = new ArrayList<>();
        for (int column = 0; column < names.length; column++) {
            if (isFeature(column)) {
                out.add(names[column]);
            }
        }
        return out;
    }
}
