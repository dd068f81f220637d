package dtad.bench.protocol;

import java.util.Locale;

/** The two experimental settings of the DTE paper's tables. */
public enum Setting {
    /**
     * Semi-supervised (one-class): train on the first half of the normal rows, test on the other
     * half and all anomalies.
     */
    SEMI,
    /** Unsupervised: train on a bootstrap resample of all rows (anomalies included), test on all rows. */
    UNSUP;

    /** The name used in files and on the command line: {@code semi} or {@code unsup}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The setting named {@code semi} or {@code unsup} (any case); anything else is refused. */
    public static Setting parse(String text) {
        for (Setting s : values()) {
            if (s.text().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown setting '" + text + "'; expected semi or unsup");
    }
}
