package dtad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LocalSparkTest {
    @Test
    void localSessionRunsAJob() {
        assertEquals(10, LocalSpark.session().range(10).count());
    }
}
