package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What COPOD and ECOD share: the two modes and the treatment of constant columns. */
class EcdfModelTest {
    static List<Detector<EcdfModel>> detectors() {
        return List.of(new COPOD(EcdfMode.INDUCTIVE), new COPOD(EcdfMode.TRANSDUCTIVE), new ECOD(EcdfMode.INDUCTIVE),
                new ECOD(EcdfMode.TRANSDUCTIVE));
    }

    /**
     * A constant column (scipy's skewness NaN, and PyOD's scores NaN, which ADBench turned into 0 and
     * an AUC of exactly 50 on image embeddings) adds nothing to a row that has the constant: the
     * scores equal those without the column.
     */
    @ParameterizedTest
    @MethodSource("detectors")
    void constantColumnAddsNothingToRowsThatHaveTheConstant(Detector<EcdfModel> detector) {
        Matrix train = ParityData.train();
        Matrix test = ParityData.test();
        double[] expected = detector.fit(train).score(test);
        double[] actual = detector.fit(withConstantColumn(train)).score(withConstantColumn(test));
        assertArrayEquals(expected, actual, 1e-12);
    }

    @ParameterizedTest
    @MethodSource("detectors")
    void valueOffAConstantColumnIsFiniteAndMoreAnomalous(Detector<EcdfModel> detector) {
        DetectorModel model = detector.fit(withConstantColumn(ParityData.train()));
        Matrix test = withConstantColumn(ParityData.test());
        double[] before = model.score(test);
        test.values()[ParityData.COLUMNS] = 8; // row 0 leaves the constant
        double[] after = model.score(test);
        assertEquals(true, Double.isFinite(after[0]) && after[0] > before[0], before[0] + " -> " + after[0]);
    }

    /** The inductive score of a row is PyOD's score of that row scored alone (the skewness signs agree here). */
    @ParameterizedTest
    @MethodSource("detectors")
    void inductiveScoreIsTheTransductiveScoreOfARowScoredAlone(Detector<EcdfModel> detector) {
        EcdfMode mode = detector instanceof COPOD c ? c.mode() : ((ECOD) detector).mode();
        if (mode == EcdfMode.TRANSDUCTIVE) {
            return;
        }
        Detector<EcdfModel> transductive = detector instanceof COPOD ? new COPOD(EcdfMode.TRANSDUCTIVE)
                : new ECOD(EcdfMode.TRANSDUCTIVE);
        EcdfModel inductive = detector.fit(ParityData.train());
        EcdfModel pyod = transductive.fit(ParityData.train());
        for (int row : new int[] {0, 7, 59}) {
            Matrix one = ParityData.test().selectRows(new int[] {row});
            assertEquals(pyod.score(one)[0], inductive.score(one)[0], 1e-12, "row " + row);
        }
    }

    @ParameterizedTest
    @MethodSource("detectors")
    void onlyTheTransductiveModeDependsOnTheBatch(Detector<EcdfModel> detector) {
        EcdfModel model = detector.fit(ParityData.train());
        Matrix test = ParityData.test();
        double alone = model.score(test.selectRows(new int[] {0}))[0];
        double inBatch = model.score(test)[0];
        boolean transductive = detector.equals(new COPOD(EcdfMode.TRANSDUCTIVE))
                || detector.equals(new ECOD(EcdfMode.TRANSDUCTIVE));
        if (transductive) {
            assertNotEquals(alone, inBatch);
        } else {
            assertEquals(alone, inBatch);
        }
    }

    @ParameterizedTest
    @MethodSource("detectors")
    void trainingScoresAreTheScoresOfTheTrainingRows(Detector<EcdfModel> detector) {
        EcdfModel model = detector.fit(ParityData.train());
        assertArrayEquals(model.score(ParityData.train()), model.trainingScores(), 1e-12);
    }

    private static Matrix withConstantColumn(Matrix x) {
        int d = x.columns();
        double[] out = new double[x.rows() * (d + 1)];
        for (int r = 0; r < x.rows(); r++) {
            System.arraycopy(x.values(), r * d, out, r * (d + 1), d);
            out[r * (d + 1) + d] = 5;
        }
        return Matrix.wrap(x.rows(), d + 1, out);
    }
}
