package dtad.bench.protocol;

import dtad.data.Matrix;

/**
 * The rows of one protocol run: what a detector is fitted on and what it is scored on, with the
 * test labels (1 = anomaly). The rows are raw (unscaled): every detector standard-scales them with
 * statistics fitted on {@code train}, exactly as the reference protocol scales before fitting.
 *
 * @param train      the training rows
 * @param test       the test rows
 * @param testLabels one 0/1 label per test row
 * @param testImages the test rows as images with defect masks, or {@code null} (tables, images without masks)
 */
public record Split(Matrix train, Matrix test, int[] testLabels, TestImages testImages) {
    /** A split without defect masks. */
    public Split(Matrix train, Matrix test, int[] testLabels) {
        this(train, test, testLabels, null);
    }

    public Split {
        if (testImages != null && testImages.images().size() != test.rows()) {
            throw new IllegalArgumentException(testImages.images().size() + " test images for " + test.rows()
                    + " test rows");
        }
        if (testLabels.length != test.rows()) {
            throw new IllegalArgumentException(testLabels.length + " labels for " + test.rows() + " test rows");
        }
        if (train.columns() != test.columns()) {
            throw new IllegalArgumentException("Training rows have " + train.columns() + " columns, test rows "
                    + test.columns());
        }
    }

    /** The number of anomalies among the test rows. */
    public int testAnomalies() {
        int count = 0;
        for (int label : testLabels) {
            count += label;
        }
        return count;
    }
}
