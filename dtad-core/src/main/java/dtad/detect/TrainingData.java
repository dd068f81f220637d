package dtad.detect;

import dtad.InputException;
import dtad.data.Matrix;
import dtad.data.Standardizer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Training rows as every detector receives them: validated, standard-scaled with statistics fitted on
 * these rows (NaN becomes the column mean), and summarised in a {@link TrainingInfo}. The one place
 * where fitting begins, so that all detectors scale, hash and refuse bad input alike.
 */
public final class TrainingData {
    private final Matrix standardized;
    private final TrainingInfo info;

    private TrainingData(Matrix standardized, TrainingInfo info) {
        this.standardized = standardized;
        this.info = info;
    }

    /**
     * Validates and scales training rows; at least {@code minRows} are required. The scaled rows are a new
     * array (what models keep); {@code train} itself is neither changed nor kept.
     */
    public static TrainingData of(Matrix train, int minRows) {
        return of(train, minRows, null);
    }

    /**
     * Validates and scales training rows; at least {@code minRows} are required, for the reason given
     * (e.g. {@code "k = 50 neighbours"}), which too few rows' message names.
     */
    public static TrainingData of(Matrix train, int minRows, String reason) {
        requireRows(train, minRows, reason);
        Standardizer scaler = Standardizer.fit(train);
        Matrix z = scaler.transform(train);
        return new TrainingData(z, new TrainingInfo(scaler, train.rows(), hash(train), Instant.now()));
    }

    /**
     * Validates and scales training rows with a scaling fitted by {@code scaling} instead of per column
     * (e.g. per image channel, {@link dtad.image.ImageScaling}); at least two rows are required.
     */
    public static TrainingData of(Matrix train, Function<Matrix, Standardizer> scaling) {
        requireRows(train, 2, null);
        Standardizer scaler = scaling.apply(train);
        return new TrainingData(scaler.transform(train), new TrainingInfo(scaler, train.rows(), hash(train),
                Instant.now()));
    }

    private static void requireRows(Matrix train, int minRows, String reason) {
        if (train.columns() == 0) {
            throw new InputException("Training data has no feature columns");
        }
        if (train.rows() < minRows) {
            throw new InputException("Too few training rows" + (reason == null ? "" : " for " + reason) + ": "
                    + train.rows() + " (at least " + minRows + " needed)");
        }
        requireSomeValues(train);
    }

    public static TrainingData of(Matrix train) {
        return of(train, 2);
    }

    /** Refuses a column with no values at all: its mean, the value every missing cell becomes, is undefined. */
    private static void requireSomeValues(Matrix train) {
        int d = train.columns();
        boolean[] seen = new boolean[d];
        int left = d;
        double[] v = train.values();
        for (int i = 0; i < v.length && left > 0; i++) {
            if (!seen[i % d] && !Double.isNaN(v[i])) {
                seen[i % d] = true;
                left--;
            }
        }
        for (int j = 0; j < d; j++) {
            if (!seen[j]) {
                throw new InputException("Training column " + (j + 1) + " (counted from 1) has no values: all "
                        + train.rows() + " cells are missing");
            }
        }
    }

    /** The scaled training rows: zero mean and unit (population) deviation per column. */
    public Matrix standardized() {
        return standardized;
    }

    public TrainingInfo info() {
        return info;
    }

    /** SHA-256 of the shape and the values as little-endian doubles. */
    static String hash(Matrix x) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            buffer.putLong(x.rows()).putLong(x.columns());
            for (double v : x.values()) {
                if (!buffer.hasRemaining()) {
                    sha.update(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                buffer.putDouble(v);
            }
            sha.update(buffer.array(), 0, buffer.position());
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
