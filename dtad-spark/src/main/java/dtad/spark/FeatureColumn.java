package dtad.spark;

import dtad.InputException;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The features column of a data set: checks its type and width against the schema (on the driver,
 * before any task runs) and turns its vectors into matrix rows, refusing a null, a vector of the wrong
 * width or a NaN/infinite value with a one-line {@link InputException} that names the column. Rows are
 * checked before any of them reaches a model, so a bad value never surfaces as a native error.
 */
final class FeatureColumn implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final int index;
    private final int width;

    private FeatureColumn(String name, int index, int width) {
        this.name = name;
        this.index = index;
        this.width = width;
    }

    /**
     * The column of that name in a schema, which must hold ML vectors; {@code width} is the number of
     * features a model expects, or -1 when it is not known yet (before a fit).
     */
    static FeatureColumn in(StructType schema, String name, int width) {
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new InputException("Features column '" + name + "' is not in the data (columns: "
                    + String.join(", ", schema.fieldNames()) + ")");
        }
        StructField field = schema.apply(name);
        if (!(field.dataType() instanceof VectorUDT)) {
            throw new InputException("Features column '" + name + "' must hold ML vectors "
                    + "(org.apache.spark.ml.linalg.Vector, e.g. from VectorAssembler), not "
                    + field.dataType().simpleString());
        }
        int declared = AttributeGroup.fromStructField(field).size();
        if (width >= 0 && declared >= 0 && declared != width) {
            throw new InputException("Features column '" + name + "' has " + declared
                    + " features, the model expects " + width);
        }
        return new FeatureColumn(name, schema.fieldIndex(name), width >= 0 ? width : declared);
    }

    /** A copy of this column whose rows must have {@code features} values. */
    FeatureColumn withWidth(int features) {
        return new FeatureColumn(name, index, features);
    }

    String name() {
        return name;
    }

    /**
     * Copies the features of {@code row} into {@code out} at {@code offset}, after checking them;
     * {@code rowNumber} (1-based) and {@code partition} (-1 for rows on the driver) go into the message.
     */
    void copy(Row row, long rowNumber, int partition, double[] out, int offset) {
        if (row.isNullAt(index)) {
            throw new InputException("Features column '" + name + "' is null in " + where(rowNumber, partition));
        }
        Vector v = (Vector) row.get(index);
        if (v.size() != width) {
            throw new InputException("Features column '" + name + "' has " + v.size() + " values in "
                    + where(rowNumber, partition) + ", expected " + width);
        }
        for (int c = 0; c < width; c++) {
            double value = v.apply(c);
            if (!Double.isFinite(value)) {
                throw new InputException("Features column '" + name + "' has " + value + " in "
                        + where(rowNumber, partition) + ", feature " + (c + 1) + " (NaN and infinite values are not accepted)");
            }
            out[offset + c] = value;
        }
    }

    private static String where(long rowNumber, int partition) {
        return partition < 0 ? "row " + rowNumber : "row " + rowNumber + " of partition " + partition;
    }

    /** The width of the first row, for a fit whose schema does not declare it. */
    int widthOf(Row first) {
        if (width >= 0) {
            return width;
        }
        if (first.isNullAt(index)) {
            throw new InputException("Features column '" + name + "' is null in row 1");
        }
        return ((Vector) first.get(index)).size();
    }
}
