package dtad.bench.protocol;

import java.util.Locale;

/**
 * The experimental settings: the two of the DTE paper's tables, and the one-class protocol of image data sets
 * with a training and a test split.
 */
public enum Setting {
    /**
     * Semi-supervised (one-class): train on the first half of the normal rows, test on the other
     * half and all anomalies.
     */
    SEMI,
    /** Unsupervised: train on a bootstrap resample of all rows (anomalies included), test on all rows. */
    UNSUP,
    /**
     * {@link #UNSUP} without the protocol's first step: a data set of fewer than
     * {@value AdbenchProtocol#MIN_ROWS} rows keeps its rows instead of being resampled with replacement to
     * that many, so that no row has copies of itself among its nearest neighbours (with k = 5, a row with five
     * copies has a k-NN distance of zero whatever it is). The DTE paper's published unsupervised figures are
     * {@link #UNSUP}'s, KNN's and DTE-NP's with k = 32 (docs/fidelity.md, "Which unsupervised procedure").
     */
    UNSUP_NODUP,
    /**
     * One-class (image data sets with a training and a test split, e.g. Fashion-MNIST): train on the training
     * split's images of the normal class, test on the whole test split ({@code dtad.image.ImageSplit#oneClass}).
     */
    ONE_CLASS;

    /** The name used in files and on the command line: {@code semi}, {@code unsup}, {@code unsup-nodup} or {@code one-class}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The setting named by {@link #text} (any case); anything else is refused. */
    public static Setting parse(String text) {
        for (Setting s : values()) {
            if (s.text().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown setting '" + text + "'; expected semi, unsup, unsup-nodup or one-class");
    }
}
