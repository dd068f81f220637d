# scikit-learn's OneClassSVM timed on the rows that dtad.classical.OneClassSvmSpeed writes (a measurement aid
# for docs/benchmarks.md, not part of the build). PyOD's OCSVM defaults: kernel='rbf', gamma='auto' (1 / columns),
# nu=0.5, tol=1e-3, shrinking=True, cache_size=200 MB; PyOD's fit also scores the training rows (decision_scores_).
# Usage: OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python3 ocsvm_sklearn_time.py train.npy test.npy
# Prints one line: solve=<s> train_scores=<s> score=<s> n_sv=<count> rho=<offset> sv_hash=<sum of indices>
import sys, time
import numpy as np
from sklearn.svm import OneClassSVM

train, test = np.load(sys.argv[1]), np.load(sys.argv[2])
svm = OneClassSVM(kernel='rbf', degree=3, gamma='auto', coef0=0.0, tol=1e-3, nu=0.5, shrinking=True,
                  cache_size=200, max_iter=-1)
t0 = time.perf_counter(); svm.fit(train)
t1 = time.perf_counter(); svm.decision_function(train)
t2 = time.perf_counter(); svm.decision_function(test)
t3 = time.perf_counter()
print("solve=%.4f train_scores=%.4f score=%.4f n_sv=%d rho=%.17g sv_hash=%d"
      % (t1 - t0, t2 - t1, t3 - t2, len(svm.support_), svm.offset_[0], int(np.sum(svm.support_))))
