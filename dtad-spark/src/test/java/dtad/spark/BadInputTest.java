package dtad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input is refused with one line naming the column: on the driver at transformSchema/fit where the schema
 * or the collected sample shows it, and before the model sees a row in a task otherwise.
 */
class BadInputTest {
    private static final TestRows DATA = TestRows.generate(60, 3, 2, 5);
    private static DtadModel model;

    @BeforeAll
    static void fit() {
        model = DtadDetector.forMethod("IForest").setParam("trees", "10").fit(DATA.dataset(1));
    }

    private static Dataset<Row> vectors(double[]... rows) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            out.add(RowFactory.create((long) i, rows[i] == null ? null : Vectors.dense(rows[i])));
        }
        StructType schema = new StructType().add("id", DataTypes.LongType)
                .add("features", SQLDataTypes.VectorType(), true);
        return LocalSpark.session().createDataFrame(out, schema).coalesce(1);
    }

    /** The one-line message of the InputException in a (possibly Spark-wrapped) failure. */
    private static String inputMessage(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof InputException) {
                return t.getMessage();
            }
        }
        throw new AssertionError("No InputException in the failure", thrown);
    }

    @Test
    void refusesAFeaturesColumnThatIsNotAVectorAtTransformSchema() {
        Dataset<Row> numbers = DATA.dataset(1).drop("features").withColumnRenamed("x0", "features");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.transformSchema(numbers.schema()));
        assertEquals("Features column 'features' must hold ML vectors (org.apache.spark.ml.linalg.Vector, "
                + "e.g. from VectorAssembler), not double", e.getMessage());
        assertThrows(InputException.class, () -> DtadDetector.forMethod("IForest").fit(numbers));
    }

    @Test
    void refusesAMissingFeaturesColumn() {
        InputException e = assertThrows(InputException.class,
                () -> model.setFeaturesCol("nope").transform(DATA.dataset(1)));
        model.setFeaturesCol("features");
        assertTrue(e.getMessage().startsWith("Features column 'nope' is not in the data"), e.getMessage());
    }

    @Test
    void refusesADeclaredWidthThatDiffersFromTheModelsAtTransformSchema() {
        Dataset<Row> two = new VectorAssembler().setInputCols(new String[] {"x0", "x1"}).setOutputCol("features")
                .transform(DATA.dataset(1).drop("features"));
        InputException e = assertThrows(InputException.class, () -> model.transform(two));
        assertEquals("Features column 'features' has 2 features, the model expects 3", e.getMessage());
    }

    @Test
    void refusesAnExistingOutputColumn() {
        Dataset<Row> scored = model.transform(DATA.dataset(1));
        InputException e = assertThrows(InputException.class, () -> model.transformSchema(scored.schema()));
        assertTrue(e.getMessage().contains("'outlierScore' already exists"), e.getMessage());
    }

    @Test
    void refusesBadRowsAtFitOnTheDriver() {
        DtadDetector detector = DtadDetector.forMethod("IForest");
        assertEquals("Features column 'features' has NaN in row 2, feature 2 (NaN and infinite values are not accepted)",
                assertThrows(InputException.class, () -> detector.fit(vectors(new double[] {1, 2},
                        new double[] {1, Double.NaN}))).getMessage());
        assertEquals("Features column 'features' is null in row 2",
                assertThrows(InputException.class, () -> detector.fit(vectors(new double[] {1, 2}, null)))
                        .getMessage());
        assertEquals("Features column 'features' has 3 values in row 2, expected 2",
                assertThrows(InputException.class, () -> detector.fit(vectors(new double[] {1, 2},
                        new double[] {1, 2, 3}))).getMessage());
    }

    @Test
    void refusesBadRowsAtTransformBeforeTheModelSeesThem() {
        Dataset<Row> infinite = vectors(new double[] {1, 2, 3}, new double[] {1, Double.POSITIVE_INFINITY, 3});
        assertEquals("Features column 'features' has Infinity in row 2 of partition 0, feature 2 "
                + "(NaN and infinite values are not accepted)",
                inputMessage(assertThrows(Exception.class, () -> model.transform(infinite).collectAsList())));
        Dataset<Row> wide = vectors(new double[] {1, 2, 3, 4});
        assertEquals("Features column 'features' has 4 values in row 1 of partition 0, expected 3",
                inputMessage(assertThrows(Exception.class, () -> model.transform(wide).collectAsList())));
        Dataset<Row> nulls = vectors(new double[] {1, 2, 3}, null);
        assertEquals("Features column 'features' is null in row 2 of partition 0",
                inputMessage(assertThrows(Exception.class, () -> model.transform(nulls).collectAsList())));
    }

    @Test
    void refusesUnknownMethodsAndParametersAtOnce() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DtadDetector.forMethod("nope"));
        assertTrue(unknown.getMessage().startsWith("Unknown method 'nope'; known methods: "), unknown.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> DtadDetector.forMethod("IForest").setParam("tres", "5"));
        assertTrue(key.getMessage().startsWith("IForest: Unknown parameter 'tres'"), key.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DtadDetector.forMethod("IForest").setParam("trees", "0"));
        assertThrows(IllegalArgumentException.class, () -> new DtadDetector().setContamination(0.5));
    }
}
