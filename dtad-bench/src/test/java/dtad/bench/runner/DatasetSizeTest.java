package dtad.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dtad.bench.protocol.AdbenchProtocol;
import dtad.bench.protocol.Setting;
import dtad.data.AnomalyType;
import dtad.data.Dataset;
import dtad.data.SyntheticData;
import org.junit.jupiter.api.Test;

class DatasetSizeTest {

    @Test
    void foreseesTheProtocolsTrainingRowsExactlyWhenTheAnomaliesAreKnown() {
        for (SyntheticData recipe : new SyntheticData[] {
            new SyntheticData(1200, 3, 0.05, AnomalyType.CLUSTERED, 2, 2),
            new SyntheticData(2001, 2, 0.1, AnomalyType.LOCAL, 1, 3),
            new SyntheticData(1005, 2, 0.002, AnomalyType.GLOBAL, 1, 4)}) { // 1003 normal rows: 501.5 to 502
            Dataset data = recipe.generate();
            DatasetSize size = DatasetSize.of(recipe.rows(), recipe.anomalyCount());
            for (Setting setting : new Setting[] {Setting.SEMI, Setting.UNSUP}) { // the settings of tables
                assertEquals(AdbenchProtocol.rows(data.labels(), setting, 0).train().length,
                        size.trainingRows(setting), recipe + " " + setting);
            }
        }
    }

    @Test
    void resamplesSmallAndLargeDataSetsAsTheProtocolDoes() {
        assertEquals(450, DatasetSize.of(300, 30).trainingRows(Setting.SEMI), "1000 rows of which 90% normal");
        assertEquals(1000, DatasetSize.of(300, 30).trainingRows(Setting.UNSUP));
        assertEquals(23_750, DatasetSize.of(100_000, 5_000).trainingRows(Setting.SEMI), "half of 95% of 50,000");
        assertEquals(50_000, DatasetSize.of(100_000, 5_000).trainingRows(Setting.UNSUP));
    }

    @Test
    void takesHalfOfAllRowsWhenTheAnomaliesAreUnknown() {
        assertEquals(600, DatasetSize.ofRows(1200).trainingRows(Setting.SEMI));
        assertEquals(502, DatasetSize.ofRows(1005).trainingRows(Setting.SEMI), "Python's round: 502.5 to 502");
        assertEquals(25_000, DatasetSize.ofRows(600_000).trainingRows(Setting.SEMI));
        assertEquals(1200, DatasetSize.ofRows(1200).trainingRows(Setting.UNSUP));
        assertEquals(6000, DatasetSize.of(6315, 315).trainingRows(Setting.ONE_CLASS), "one-class: the normal images");
    }

    @Test
    void refusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> DatasetSize.ofRows(-1));
        assertThrows(IllegalArgumentException.class, () -> DatasetSize.of(10, 11));
        assertThrows(IllegalArgumentException.class, () -> DatasetSize.of(10, -1));
    }
}
