package dtad.classical;

import dtad.data.Matrix;

/**
 * A small data set defined in closed form with exact integer arithmetic (a SplitMix64 hash of the
 * cell's index), so that a numpy script makes the very same doubles: the basis of the parity facts
 * computed once with scikit-learn and re-implementations of PyOD. Training rows are normal; the test
 * rows end with {@link #TEST_ANOMALIES} shifted rows.
 *
 * <p>Cell {@code (i, j)} of a block starting at index {@code base}: {@code z = 1.5 (u1 + u2 + u3 + u4 - 2)}
 * with {@code u_k = uniform(4 (base + i) * COLUMNS + 4 j + k)}; columns {@code j % 3 == 2} are squared
 * (skewed right) and columns {@code j % 3 == 1} negated and squared (skewed left); then
 * {@code x_j += 0.5 x_0} for {@code j > 0} and {@code x_j *= 1 + 0.25 j}; an anomaly adds
 * {@code 1.5 (-1)^j} to every cell.
 */
final class ParityData {
    static final int COLUMNS = 6;
    static final int TRAIN_ROWS = 300;
    static final int TEST_ROWS = 60;
    static final int TEST_ANOMALIES = 10;
    static final double SHIFT = 1.5;

    private ParityData() {
    }

    static Matrix train() {
        return block(0, TRAIN_ROWS, 0);
    }

    static Matrix test() {
        return block(1_000_000, TEST_ROWS, TEST_ANOMALIES);
    }

    static int[] testLabels() {
        int[] labels = new int[TEST_ROWS];
        for (int i = TEST_ROWS - TEST_ANOMALIES; i < TEST_ROWS; i++) {
            labels[i] = 1;
        }
        return labels;
    }

    private static Matrix block(long base, int rows, int anomalies) {
        double[] x = new double[rows * COLUMNS];
        for (int i = 0; i < rows; i++) {
            double[] row = new double[COLUMNS];
            for (int j = 0; j < COLUMNS; j++) {
                long cell = 4 * ((base + i) * COLUMNS + j);
                double z = 1.5 * (uniform(cell) + uniform(cell + 1) + uniform(cell + 2) + uniform(cell + 3) - 2);
                if (j % 3 == 2) {
                    z = z * z;
                } else if (j % 3 == 1) {
                    z = -(z * z);
                }
                row[j] = z;
            }
            for (int j = 1; j < COLUMNS; j++) {
                row[j] += 0.5 * row[0];
            }
            for (int j = 0; j < COLUMNS; j++) {
                row[j] *= 1 + 0.25 * j;
                if (i >= rows - anomalies) {
                    row[j] += j % 2 == 0 ? SHIFT : -SHIFT;
                }
            }
            System.arraycopy(row, 0, x, i * COLUMNS, COLUMNS);
        }
        return Matrix.wrap(rows, COLUMNS, x);
    }

    /** SplitMix64's finaliser of {@code index}, as a double in [0, 1) with 53 random bits. */
    static double uniform(long index) {
        long z = index * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
