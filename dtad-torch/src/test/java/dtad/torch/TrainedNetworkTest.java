package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.Matrix;
import dtad.detect.TestData;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainedNetworkTest {
    private static final Mlp NETWORK = new Mlp(6, List.of(32, 64, 32), 3, 0.5);
    private static final TrainedNetwork.Head OUTPUT = (network, weights, rows) -> network.forward(weights, rows);

    private static TrainedNetwork network() {
        return TrainedNetwork.load(NETWORK, ParameterFile.write(NETWORK.layout(),
                NETWORK.layout().initialValues(new SplittableRandom(4))));
    }

    @Test
    void scoringManyBlocksKeepsNativeMemoryFlat() {
        Matrix rows = TestData.gaussian(3 * TrainedNetwork.BLOCK + 17, 6, 8, 0);
        try (TrainedNetwork network = network()) {
            network.evaluate(rows, 3, OUTPUT);
            int held = network.nativeArrays();
            int live = TorchEngine.liveArrays();
            for (int i = 0; i < 20; i++) {
                network.evaluate(rows, 3, OUTPUT);
            }
            assertEquals(held, network.nativeArrays());
            assertEquals(live, TorchEngine.liveArrays());
        }
    }

    @Test
    void aRowGetsTheSameBitsInAnyBatch() {
        Matrix rows = TestData.gaussian(2 * TrainedNetwork.BLOCK + 5, 6, 9, 0);
        try (TrainedNetwork network = network()) {
            double[] all = network.evaluate(rows, 3, OUTPUT).values();
            for (int[] pick : new int[][] {{0}, {2 * TrainedNetwork.BLOCK + 4, 7}, {5, 6, 7}, {TrainedNetwork.BLOCK + 100}}) {
                double[] part = network.evaluate(rows.selectRows(pick), 3, OUTPUT).values();
                for (int i = 0; i < pick.length; i++) {
                    for (int k = 0; k < 3; k++) {
                        assertEquals(all[pick[i] * 3 + k], part[i * 3 + k], 0.0, "row " + pick[i]);
                    }
                }
            }
        }
    }

    @Test
    void blocksOfWideRowsHaveFewerRows() {
        assertEquals(TrainedNetwork.BLOCK, TrainedNetwork.blockRows(6));
        assertEquals(TrainedNetwork.BLOCK, TrainedNetwork.blockRows(28 * 28));
        assertEquals(TrainedNetwork.BLOCK, TrainedNetwork.blockRows(3 * 32 * 32));
        assertEquals(8, TrainedNetwork.blockRows(3 * 224 * 224));
        assertEquals(4, TrainedNetwork.blockRows(Integer.MAX_VALUE));
    }

    @Test
    void wideRowsGoThroughTheNetworkInBoundedBlocks() {
        int features = TrainedNetwork.BLOCK_VALUES / 16 + 1;
        Matrix rows = TestData.gaussian(20, features, 3, 0);
        java.util.Set<Long> blockSizes = java.util.concurrent.ConcurrentHashMap.newKeySet();
        TrainedNetwork.Head sum = (network, weights, block) -> {
            blockSizes.add(block.getShape().get(0));
            return block.sum(new int[] {1});
        };
        try (TrainedNetwork network = network()) {
            double[] sums = network.evaluate(rows, sum);
            assertEquals(java.util.Set.of(8L), blockSizes);
            double expected = 0;
            for (int j = 0; j < features; j++) {
                expected += (float) rows.get(19, j);
            }
            assertEquals(expected, sums[19], 1e-3 * features);
        }
    }

    @Test
    void parametersRoundTripThroughBytes() {
        try (TrainedNetwork network = network(); TrainedNetwork again = TrainedNetwork.load(NETWORK,
                network.parameterBytes())) {
            Matrix rows = TestData.gaussian(10, 6, 1, 0);
            assertArrayEquals(network.evaluate(rows, 3, OUTPUT).values(), again.evaluate(rows, 3, OUTPUT).values());
        }
    }

    @Test
    void refusesAPayloadOfTheWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainedNetwork.load(NETWORK, new byte[12]));
        assertEquals("The network has " + NETWORK.layout().size() + " parameters (" + 4 * NETWORK.layout().size()
                + " bytes), the payload has 12 bytes", e.getMessage());
    }

    @Test
    void scoringAfterCloseIsAnError() {
        TrainedNetwork network = network();
        network.close();
        assertThrows(IllegalStateException.class, () -> network.evaluate(TestData.gaussian(2, 6, 1, 0), 3, OUTPUT));
    }

    /**
     * A payload whose tensors were laid out otherwise, here two weight matrices of the same size swapped
     * (which a size check lets through), is refused with the first tensor that differs.
     */
    @Test
    void refusesAPayloadWhoseTensorsAreLaidOutOtherwise() {
        List<ParameterLayout.Tensor> tensors = new java.util.ArrayList<>(NETWORK.layout().tensors());
        int a = 2;
        int b = 4; // layer1.weight [64, 32] and layer2.weight [32, 64]: 2,048 values each
        assertEquals(tensors.get(a).size(), tensors.get(b).size());
        java.util.Collections.swap(tensors, a, b);
        ParameterLayout.Builder swapped = ParameterLayout.builder();
        for (ParameterLayout.Tensor t : tensors) {
            swapped.add(t.name(), t.init(), t.shape());
        }
        ParameterLayout other = swapped.build();
        byte[] payload = ParameterFile.write(other, other.initialValues(new SplittableRandom(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainedNetwork.load(NETWORK, payload));
        assertEquals("the parameters do not fit the network: tensor 3 is layer2.weight [32, 64] in the file, "
                + "layer1.weight [64, 32] in this version's network", e.getMessage());
    }

    /** Payloads of model format 1 (bare float32 values) still load, and give what the new payload gives. */
    @Test
    void readsBareFormat1PayloadsAndSelfDescribingOnesAlike() {
        try (TrainedNetwork bare = network(); TrainedNetwork described = TrainedNetwork.load(NETWORK,
                bare.parameterBytes())) {
            assertTrue(new String(bare.parameterBytes(), 0, 8, java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("DTADPARM"));
            Matrix rows = TestData.gaussian(10, 6, 1, 0);
            assertArrayEquals(bare.evaluate(rows, 3, OUTPUT).values(), described.evaluate(rows, 3, OUTPUT).values());
        }
    }
}
