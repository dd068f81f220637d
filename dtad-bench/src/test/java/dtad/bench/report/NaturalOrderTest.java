package dtad.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void numberedDatasetsSortByTheirNumber() {
        List<String> names = new ArrayList<>(List.of("38_thyroid", "4_breastw", "CIFAR10_0", "12_fault", "007_x",
                "CIFAR10_10", "CIFAR10_2"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("4_breastw", "007_x", "12_fault", "38_thyroid", "CIFAR10_0", "CIFAR10_2", "CIFAR10_10"),
                names);
    }
}
