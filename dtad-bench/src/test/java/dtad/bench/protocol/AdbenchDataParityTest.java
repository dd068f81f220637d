package dtad.bench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.io.NpzReader;
import dtad.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The protocol on real ADBench files (system property {@code dtad.adbench.dir}; skipped with a message
 * when the data are absent, failing when they are required: {@link SharedData}) gives the reference's
 * splits. Expected figures were computed once with the reference's split code ({@code data_generator.py}
 * and {@code run.py} of vicliv/DTE) under numpy 2: sizes, test anomalies, the sums of the raw training and
 * test values, the first training value and the last test value. The same code is tested on generated
 * data in {@link AdbenchProtocolTest}.
 */
class AdbenchDataParityTest {

    private static Dataset load(String relative) {
        return NpzReader.readDataset(SharedData.adbenchFile(relative));
    }

    private static double sum(Matrix m) {
        double s = 0;
        for (double v : m.values()) {
            s += v;
        }
        return s;
    }

    @ParameterizedTest(name = "{0} seed {1} {2}")
    @CsvSource({
        // file, seed, setting, n_train, n_test, test anomalies, sum(train), sum(test), train[0,0], test[-1,-1]
        "Classical/42_WBC.npz, 0, semi, 477, 523, 46, 8484.0, 10724.0, 3.0, 1.0",
        "Classical/42_WBC.npz, 0, unsup, 1000, 1000, 46, 19522.0, 19208.0, 5.0, 1.0",
        "Classical/42_WBC.npz, 3, semi, 476, 524, 48, 8330.0, 10996.0, 5.0, 1.0",
        "Classical/42_WBC.npz, 3, unsup, 1000, 1000, 48, 19214.0, 19326.0, 1.0, 1.0",
        "Classical/38_thyroid.npz, 0, semi, 1840, 1932, 93, 2855.81079010106, 2958.7432354459766, 0.774193548387, 0.0508196721311",
        "Classical/38_thyroid.npz, 0, unsup, 3772, 3772, 93, 5810.868790507282, 5814.554025547036, 0.47311827957, 0.16393442623",
        "Classical/38_thyroid.npz, 3, unsup, 3772, 3772, 93, 5830.284078915096, 5814.554025547036, 0.505376344086, 0.16393442623",
        "Classical/34_smtp.npz, 0, semi, 24990, 25010, 21, 308757.1682791099, 309630.8317437719, -2.3025850929940455, 5.927192657087842",
        "Classical/34_smtp.npz, 0, unsup, 50000, 50000, 21, 618383.5957489153, 618388.0000228817, 0.09531017980432493, 5.8114403493627105",
        "Classical/34_smtp.npz, 3, semi, 24992, 25008, 17, 309122.40089088184, 309601.73802754964, 0.09531017980432493, 4.432006566978902",
        "Classical/34_smtp.npz, 3, unsup, 50000, 50000, 17, 618459.015397956, 618724.1389184315, 0.09531017980432493, 5.805436128382701",
    })
    void splitsRealDataLikeTheReference(String file, int seed, String setting, int nTrain, int nTest, int anomalies,
                                        double trainSum, double testSum, double firstTrain, double lastTest) {
        Split split = AdbenchProtocol.split(load(file), Setting.parse(setting), seed);
        assertEquals(nTrain, split.train().rows());
        assertEquals(nTest, split.test().rows());
        assertEquals(anomalies, split.testAnomalies());
        // numpy sums pairwise, this sums in order: equal up to rounding.
        assertEquals(trainSum, sum(split.train()), 1e-9 * Math.abs(trainSum));
        assertEquals(testSum, sum(split.test()), 1e-9 * Math.abs(testSum));
        assertEquals(firstTrain, split.train().get(0, 0));
        assertEquals(lastTest, split.test().get(split.test().rows() - 1, split.test().columns() - 1));
    }
}
