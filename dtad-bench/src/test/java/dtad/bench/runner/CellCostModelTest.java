package dtad.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellCostModelTest {

    @Test
    void fitsAPowerOfTheTrainingRows() {
        CellCostModel model = new CellCostModel();
        model.add("DTE-C", 1_000, 1);
        model.add("DTE-C", 10_000, 100);

        assertEquals(2, model.power("DTE-C"), 1e-12);
        assertEquals(625, model.seconds("DTE-C", 25_000).orElseThrow(), 1e-9, "1 s x 25^2");
        assertEquals(100, model.seconds("DTE-C", 10_000).orElseThrow(), 1e-9);
    }

    @Test
    void fitsTheLeastSquaresLineThroughScatteredCells() {
        CellCostModel model = new CellCostModel();
        // Linear cost with noise of x1.5 either way at each size: the slope stays 1.
        for (int rows : new int[] {500, 2_000, 8_000}) {
            model.add("KNN", rows, rows / 1000.0 * 1.5);
            model.add("KNN", rows, rows / 1000.0 / 1.5);
        }

        assertEquals(1, model.power("KNN"), 1e-12);
        assertEquals(20, model.seconds("KNN", 20_000).orElseThrow(), 1e-9);
    }

    @Test
    void takesCostAsLinearUntilSizesAreClearlyDifferent() {
        CellCostModel model = new CellCostModel();
        model.add("OCSVM", 1_000, 2);
        assertEquals(1, model.power("OCSVM"));
        assertEquals(50, model.seconds("OCSVM", 25_000).orElseThrow(), 1e-9);

        model.add("OCSVM", 1_500, 8); // 1.5 times the rows: too close to tell a power from noise
        assertEquals(1, model.power("OCSVM"));
        assertEquals(4 * 3_000 / Math.sqrt(1_000 * 1_500.0), model.seconds("OCSVM", 3_000).orElseThrow(), 1e-9,
                "the line of slope 1 through the means of the logs: 4 s at sqrt(1000 x 1500) rows");
    }

    @Test
    void clampsThePowerToASaneRange() {
        CellCostModel model = new CellCostModel();
        model.add("DiT", 1_000, 0.01);
        model.add("DiT", 10_000, 1_000); // a slope of 5
        model.add("IForest", 1_000, 1);
        model.add("IForest", 10_000, 1); // a slope of 0

        assertEquals(CellCostModel.MAX_POWER, model.power("DiT"));
        assertEquals(CellCostModel.MIN_POWER, model.power("IForest"));
        // The clamped line still goes through the middle of the method's cells: sqrt(10) s at sqrt(1e7) rows.
        double expected = Math.sqrt(10) * Math.pow(100_000 / Math.sqrt(1e7), CellCostModel.MAX_POWER);
        assertEquals(expected, model.seconds("DiT", 100_000).orElseThrow(), 1e-9 * expected);
    }

    @Test
    void predictsAMethodWithoutCellsAsTheMedianOfTheOthersAtThatSize() {
        CellCostModel model = new CellCostModel();
        assertTrue(model.seconds("DDPM", 1_000).isEmpty(), "nothing to go by yet");

        model.add("HBOS", 1_000, 1);
        model.add("KNN", 1_000, 3);
        model.add("DTE-G", 1_000, 100);
        assertEquals(6, model.seconds("DDPM", 2_000).orElseThrow(), 1e-9, "the median of 2, 6 and 200 s");

        model.add("LOF", 1_000, 5);
        assertEquals(8, model.seconds("DDPM", 2_000).orElseThrow(), 1e-9, "between 6 and 10 s");
    }

    @Test
    void learnsNothingFromCellsWithoutATimingOrRows() {
        CellCostModel model = new CellCostModel();
        model.add("KNN", 1_000, Double.NaN);
        model.add("KNN", 0, 1);
        assertTrue(model.isEmpty());

        model.add("HBOS", 1_000, 0); // too fast to time: counts as a millisecond
        assertFalse(model.isEmpty());
        assertEquals(CellCostModel.MIN_SECONDS, model.seconds("HBOS", 1_000).orElseThrow(), 1e-15);
    }
}
