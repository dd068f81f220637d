package dtad.spark;

import dtad.data.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Small test data: standard normal rows with the first {@code outliers} rows moved far out (8 in every
 * feature), as a matrix and as a data set with an {@code id}, a {@code features} vector and the same
 * values as columns {@code x0, x1, ...} (for VectorAssembler).
 */
record TestRows(Matrix x, int outliers) {

    static TestRows generate(int rows, int features, int outliers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * features];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < features; c++) {
                double g = gaussian(random);
                values[r * features + c] = r < outliers ? 8 + g : g;
            }
        }
        return new TestRows(Matrix.wrap(rows, features, values), outliers);
    }

    /** The rows in {@code partitions} partitions, in id order. */
    Dataset<Row> dataset(int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < x.rows(); r++) {
            Object[] values = new Object[x.columns() + 2];
            values[0] = (long) r;
            values[1] = Vectors.dense(x.row(r));
            for (int c = 0; c < x.columns(); c++) {
                values[c + 2] = x.get(r, c);
            }
            rows.add(RowFactory.create(values));
        }
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("id", DataTypes.LongType, false));
        fields.add(DataTypes.createStructField("features", SQLDataTypes.VectorType(), true));
        for (int c = 0; c < x.columns(); c++) {
            fields.add(DataTypes.createStructField("x" + c, DataTypes.DoubleType, false));
        }
        return LocalSpark.session().createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)))
                .repartition(partitions);
    }

    /** The values of a double column by id, for rows 0 to n - 1. */
    static double[] byId(Dataset<Row> scored, String column, int n) {
        double[] out = new double[n];
        for (Row row : scored.select("id", column).collectAsList()) {
            out[(int) row.getLong(0)] = row.getDouble(1);
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: enough for test data.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
