package dtad.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dtad.method.Family;
import dtad.method.Method;
import dtad.method.Methods;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassicalMethodsTest {
    @Test
    void listsTheClassicalMethodsInThePapersOrder() {
        List<String> names = new ClassicalMethods().methods().stream().map(Method::name).toList();
        assertEquals(List.of("IForest", "OCSVM", "COPOD", "ECOD", "KNN", "LOF", "HBOS", "PCA"), names);
    }

    @Test
    void registryFindsEachByNameInAnyCase() {
        assertSame(IsolationForest.METHOD, Methods.find("iforest"));
        assertSame(OneClassSvm.METHOD, Methods.find("OCSVM"));
        assertSame(ECOD.METHOD, Methods.find("ecod"));
        for (Method<?> m : new ClassicalMethods().methods()) {
            assertEquals(Family.CLASSICAL, m.family());
            assertEquals(m.name(), m.defaults().method());
        }
    }
}
