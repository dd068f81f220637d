package dtad.classical;

import dtad.method.Method;
import dtad.method.MethodProvider;
import java.util.List;

/**
 * The classical baselines of the DTE paper, in its order: IForest, OCSVM, COPOD, ECOD, KNN, LOF, HBOS,
 * PCA. Listed in {@code META-INF/services/dtad.method.MethodProvider}.
 */
public final class ClassicalMethods implements MethodProvider {
    @Override
    public List<Method<?>> methods() {
        return List.of(IsolationForest.METHOD, OneClassSvm.METHOD, COPOD.METHOD, ECOD.METHOD, KNN.METHOD, LOF.METHOD,
                HBOS.METHOD, PCA.METHOD);
    }
}
