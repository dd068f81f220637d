package dtad.io;

import dtad.data.Dataset;

/**
 * What {@code dtad info} reports about a data file: its size, its element type, how many anomalies it is
 * labelled with, and how many missing (NaN) and infinite feature values it holds.
 *
 * @param name      the data set's name, the file name without extension
 * @param rows      the number of samples
 * @param columns   the number of features
 * @param dtype     the stored element type as numpy names it ({@code float64}, {@code int32}, {@code uint8},
 *                  {@code bool}, ...), or {@code csv} for CSV files
 * @param anomalies the number of rows labelled 1, or {@code null} when the data has no labels
 * @param nanCount  the number of NaN feature values
 * @param infCount  the number of infinite feature values
 */
public record DataSummary(String name, int rows, int columns, String dtype, Integer anomalies, long nanCount,
                          long infCount) {

    /** Summarizes a data set read from a file whose elements had type {@code dtype}. */
    public static DataSummary of(Dataset data, String dtype) {
        long nan = 0;
        long inf = 0;
        for (double value : data.x().values()) {
            if (Double.isNaN(value)) {
                nan++;
            } else if (Double.isInfinite(value)) {
                inf++;
            }
        }
        Integer anomalies = data.hasLabels() ? data.anomalies() : null;
        return new DataSummary(data.name(), data.x().rows(), data.x().columns(), dtype, anomalies, nan, inf);
    }
}
